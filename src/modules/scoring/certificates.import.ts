// Reading a legacy-certificate spreadsheet: the first sheet, a header row the columns are found by (Vietnamese or
// English, diacritics and case ignored), then one certificate per row as plain text/date values. No database here.
// The cells are read in the import worker, which caps the inflated bytes, the rows and the columns while streaming.
import { AppError } from '../../app/errors.js';
import { readXlsxInWorker } from '../../app/xlsx-in-worker.js';
import { tooManyRows, type Cell, type XlsxLimits } from '../../app/xlsx-reader.js';

export type LegacyRow = {
  row: number;
  sheet: string;
  certificateNumber: string; productCode: string; productName: string; entityRegistration: string;
  stars: string; decisionNumber: string; decidedOn: string; authority: string; issuedOn: string; expiresOn: string; instrument: string;
};
export type LegacyField = Exclude<keyof LegacyRow, 'row' | 'sheet'>;

/** Each field's column header as the template writes it, and the other spellings accepted. */
export const COLUMNS: Record<LegacyField, { header: string; aliases: string[] }> = {
  // Optional: a certificate already in the register is found by its number (an exported register read back).
  certificateNumber: { header: 'Số giấy chứng nhận', aliases: ['so gcn', 'so giay chung nhan', 'so chung nhan', 'certificate number', 'certificate no'] },
  productCode: { header: 'Mã sản phẩm', aliases: ['ma sp', 'product code'] },
  productName: { header: 'Tên sản phẩm', aliases: ['product name', 'san pham'] },
  entityRegistration: { header: 'Số ĐKKD chủ thể', aliases: ['so dkkd', 'so dang ky kinh doanh', 'ma so dkkd', 'registration number', 'entity registration number'] },
  stars: { header: 'Hạng sao', aliases: ['so sao', 'sao', 'stars', 'star'] },
  decisionNumber: { header: 'Số quyết định', aliases: ['so qd', 'quyet dinh so', 'decision number'] },
  decidedOn: { header: 'Ngày quyết định', aliases: ['ngay qd', 'decision date'] },
  authority: { header: 'Cơ quan quyết định', aliases: ['co quan cap', 'co quan ban hanh', 'tham quyen', 'authority'] },
  issuedOn: { header: 'Ngày cấp', aliases: ['ngay cap giay chung nhan', 'issue date', 'issued on'] },
  expiresOn: { header: 'Ngày hết hạn', aliases: ['het han', 'expiry date', 'expires on'] },
  instrument: { header: 'Văn bản pháp lý', aliases: ['can cu', 'bo tieu chi', 'instrument', 'legal instrument'] },
};

export const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();

function cellText(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  return String(v).trim();
}

/** A date cell or typed text ('2024-03-05', '05/03/2024') → 'yyyy-mm-dd'; undefined when it is not a real date. */
export function parseDate(s: string): string | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const [y, mo, d] = m ? [m[1], m[2], m[3]] : (m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)) ? [m[3], m[2], m[1]] : ['', '', ''];
  if (!y) return undefined;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const back = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(back.getTime()) || back.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

export async function readLegacyWorkbook(bytes: Buffer, limits: Omit<XlsxLimits, 'maxSheets'>): Promise<LegacyRow[]> {
  const [ws] = await readXlsxInWorker(bytes, { ...limits, maxSheets: 1 });
  if (!ws) throw new AppError('invalid', 'xlsx_empty', { vi: 'Bảng tính không có trang nào', en: 'The workbook has no sheet' }, { field: 'file' });

  // The header row: the first of the top ten rows naming at least three known columns.
  const lookup = new Map<string, LegacyField>();
  for (const [field, c] of Object.entries(COLUMNS) as [LegacyField, (typeof COLUMNS)[LegacyField]][]) {
    for (const name of [c.header, ...c.aliases]) lookup.set(fold(name), field);
  }
  let headerIndex = -1;
  let columns = new Map<number, LegacyField>();
  for (const [i, { row, cells }] of ws.rows.entries()) {
    if (row > 10) break;
    const found = new Map<number, LegacyField>();
    cells.forEach((cell, col) => {
      const field = lookup.get(fold(cellText(cell)).replace(/\s*\(.*\)$/, '').replace(/\s*\*$/, ''));
      if (field) found.set(col, field);
    });
    if (found.size >= 3) { [headerIndex, columns] = [i, found]; break; }
  }
  if (headerIndex < 0) {
    throw new AppError('invalid', 'header_not_found', {
      vi: `Không tìm thấy dòng tiêu đề (cần các cột: ${Object.values(COLUMNS).map((c) => c.header).join(', ')})`,
      en: `No header row found (expected columns: ${Object.values(COLUMNS).map((c) => c.header).join(', ')})`,
    }, { field: 'file' });
  }
  const below = ws.rows.slice(headerIndex + 1);
  if (below.length > limits.maxRows) throw tooManyRows(limits.maxRows);

  const rows: LegacyRow[] = [];
  for (const { row, cells } of below) {
    const values = Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, ''])) as Record<LegacyField, string>;
    for (const [col, field] of columns) values[field] = cellText(cells[col]);
    if (Object.values(values).every((v) => v === '')) continue;
    rows.push({ row, sheet: ws.name, ...values });
  }
  return rows;
}
