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
export function formatDateTime(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTimeFmt.format(d);
}
export const formatNumber = (n: number | null | undefined) => (n === null || n === undefined ? '—' : numberFmt.format(n));
