// Dates and numbers the Vietnamese way (dd/MM/yyyy, 1.234.567,5), whatever the interface language.
const dateFmt = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const numberFmt = new Intl.NumberFormat('vi-VN');

/** `2019-03-15` or an ISO timestamp → `15/03/2019`. A plain date is read as a calendar day, not shifted by time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const plain = /^\d{4}-\d{2}-\d{2}$/.exec(value);
  const d = plain ? new Date(`${value}T12:00:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFmt.format(d);
}
/** A list's total: "1.234", or "hơn 10.000" / "more than 10.000" when the server stopped counting at its cap. */
export function formatTotal(t: (key: string, o: Record<string, unknown>) => string, total: number, exact = true): string {
  return exact ? formatNumber(total) : t('list.over', { n: formatNumber(total) });
}
export function formatDateTime(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTimeFmt.format(d);
}
export const formatNumber = (n: number | null | undefined) => (n === null || n === undefined ? '—' : numberFmt.format(n));
