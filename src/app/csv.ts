// CSV as spreadsheet programs read it: RFC 4180 quoting, CRLF, a UTF-8 byte-order mark so Vietnamese reads right. A
// text cell starting with = + - @ (or a tab or CR) gets an apostrophe so a spreadsheet does not run it as a formula.
export type CsvValue = string | number | boolean | null | undefined;

export const CSV_BOM = '\uFEFF';

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (values: CsvValue[]) => `${values.map(csvCell).join(',')}\r\n`;

/** A whole small table (columns picked from each row by name). */
export const toCsv = (columns: readonly string[], rows: Record<string, CsvValue>[]) =>
  CSV_BOM + csvLine([...columns]) + rows.map((r) => csvLine(columns.map((c) => r[c]))).join('');
