// Indicators' pure rules: the share against a target, CSV out. No I/O.

/** The share in percent, one decimal (0 when there is nothing to divide by: no OCOP entity in the area yet). */
export function percentOf(numerator: number, denominator: number): number {
  if (denominator <= 0) return 0;
  return Math.round((numerator * 1000) / denominator) / 10;
}

type CsvValue = string | number | boolean | null | undefined;

/** RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheet programs read Vietnamese right), CRLF line ends. A cell
 * starting with = + - @ is quoted behind an apostrophe so a spreadsheet does not run it as a formula. */
export function toCsv(columns: string[], rows: Record<string, CsvValue>[]): string {
  const cell = (v: CsvValue) => {
    if (v === null || v === undefined) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}
