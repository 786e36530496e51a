// An indicator as an Excel workbook: the table first (the same columns as the CSV, codes kept as text so leading
// zeros survive), then a sheet describing it (title, area, day, period, source, minimum cell size, and the summary's
// totals when the indicator has one, as the trade promotion indicators do). Tables are
// small (at most one row per commune), so the workbook is built in memory.
import { loadExcelJS } from '../../app/lazy-libraries.js';
import type { IndicatorOut } from './stats.contract.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Text a spreadsheet would run as a formula (OWASP CSV injection) gets a leading apostrophe, as in the CSV. */
const FORMULA_START = /^[=+\-@\t\r]/;
const CODE_COLUMNS = new Set(['province', 'commune', 'sector']);

export type XlsxIndicator = Pick<IndicatorOut, 'name' | 'title' | 'area' | 'asOf' | 'period' | 'columns' | 'rows' | 'total' | 'minimumCellSize' | 'source'>
  & { summary?: Record<string, number | undefined> };

export async function indicatorXlsx(out: XlsxIndicator): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'OCOP';
  const ws = wb.addWorksheet(out.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = out.columns.map((c) => ({ header: c, key: c, width: Math.max(12, c.length + 2), style: CODE_COLUMNS.has(c) ? { numFmt: '@' } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const row of out.rows) {
    ws.addRow(out.columns.map((c) => {
      const v = row[c];
      return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v ?? null;
    }));
  }
  for (const col of ws.columns) {
    const longest = Math.max(...(col.values ?? []).map((v) => String(v ?? '').length));
    col.width = Math.min(60, Math.max(col.width ?? 10, longest + 2));
  }
  const about = wb.addWorksheet('about');
  about.columns = [{ header: 'field', key: 'k', width: 20 }, { header: 'value', key: 'v', width: 80 }];
  about.getRow(1).font = { bold: true };
  const facts: [string, string | number | null | undefined][] = [
    ['indicator', out.name], ['title (vi)', out.title.vi], ['title (en)', out.title.en],
    ['province', out.area.province], ['commune', out.area.commune], ['asOf', out.asOf],
    ['from', out.period?.from], ['to', out.period?.to], ['total', out.total ?? undefined],
    ['minimumCellSize', out.minimumCellSize], ['source', out.source],
    ...Object.entries(out.summary ?? {}).map(([k, v]): [string, number | undefined] => [`summary.${k}`, v]),
  ];
  for (const [k, v] of facts) if (v !== undefined && v !== null) about.addRow({ k, v });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
