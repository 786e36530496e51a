// The trade lists as spreadsheets: one sheet, a bold frozen header, numbers as numbers and days as dates, .xlsx
// (exceljs) or CSV (UTF-8 with BOM). The lists are bounded (EXPORT_MAX rows), so the workbook is built in memory.
import { loadExcelJS } from '../../app/lazy-libraries.js';
import type { FastifyReply } from 'fastify';
import { CSV_BOM, csvLine, type CsvValue } from '../../app/csv.js';
import { contentDisposition } from '../../app/security-headers.js';

export const EXPORT_MAX = 10_000;
export type SheetColumn = { key: string; header: string; width?: number; kind?: 'text' | 'number' | 'date' };
export type SheetRow = Record<string, string | number | null | undefined>;

/** Text a spreadsheet could take for a formula (OWASP CSV injection) gets a leading apostrophe. */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export async function workbook(sheetName: string, columns: SheetColumn[], rows: SheetRow[]): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18, style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : c.kind === 'number' ? { numFmt: '#,##0' } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow(Object.fromEntries(columns.map((c) => {
      const v = r[c.key];
      if (v === null || v === undefined || v === '') return [c.key, null];
      if (c.kind === 'date') return [c.key, new Date(`${String(v).slice(0, 10)}T00:00:00Z`)];
      if (c.kind === 'number') return [c.key, Number(v)];
      return [c.key, safe(String(v))];
    })));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(columns: SheetColumn[], rows: SheetRow[]): string {
  return CSV_BOM + csvLine(columns.map((c) => c.header)) + rows.map((r) => csvLine(columns.map((c): CsvValue => r[c.key] ?? null))).join('');
}

/** Sends the list as a download named `<name>-<yyyymmdd>.<format>`. */
export async function sendSheet(reply: FastifyReply, format: 'xlsx' | 'csv', name: string, sheetName: string, columns: SheetColumn[], rows: SheetRow[]) {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  reply.header('content-disposition', contentDisposition('attachment', `${name}-${day}.${format}`)).header('cache-control', 'private, no-store');
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(csv(columns, rows));
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await workbook(sheetName, columns, rows));
}
