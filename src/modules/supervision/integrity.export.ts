// The table beneath each view as a file: CSV (UTF-8 with BOM, formula-safe cells: src/app/csv.ts) or .xlsx, with the
// column headers in Vietnamese or English. The tables are small (bounded by the view), so the workbook is built whole.
import type { FastifyReply } from 'fastify';
import { loadExcelJS } from '../../app/lazy-libraries.js';
import { toCsv, type CsvValue } from '../../app/csv.js';
import { contentDisposition } from '../../app/security-headers.js';

export type Column = { key: string; vi: string; en: string; width?: number };
export type Row = Record<string, CsvValue | object>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Text a spreadsheet could run as a formula gets an apostrophe (as in the CSV). */
const safe = (v: CsvValue | object): CsvValue => (v !== null && typeof v === 'object' ? null : (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v ?? null));

export async function tableFile(columns: Column[], rows: Row[], format: 'csv' | 'xlsx', lang: 'vi' | 'en', sheet: string): Promise<{ body: Buffer | string; type: string }> {
  if (format === 'csv') {
    const header = Object.fromEntries(columns.map((c) => [c.key, c[lang]]));
    const keys = columns.map((c) => c.key);
    const text = toCsv(keys.map((k) => header[k]), rows.map((r) => Object.fromEntries(keys.map((k) => [header[k], safe(r[k])]))));
    return { body: text, type: 'text/csv; charset=utf-8' };
  }
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Hệ thống thông tin OCOP';
  const ws = wb.addWorksheet(sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c[lang], key: c.key, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, safe(r[c.key])])));
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), type: XLSX };
}

export async function sendTable(reply: FastifyReply, name: string, columns: Column[], rows: Row[], format: 'csv' | 'xlsx', lang: 'vi' | 'en') {
  const file = await tableFile(columns, rows, format, lang, name);
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return reply.header('content-type', file.type).header('cache-control', 'private, no-store')
    .header('content-disposition', contentDisposition('attachment', `${name}-${day}.${format}`)).send(file.body);
}
