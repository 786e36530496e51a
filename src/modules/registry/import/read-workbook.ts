// Opens an uploaded workbook safely: the bytes must be an .xlsx (by content, not by name), the zip must not inflate
// beyond a sane size, and exceljs' cell objects are flattened to plain values for the pure parser.
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../app/errors.js';
import { ENTITY_COLUMNS, PRODUCT_COLUMNS, fold } from './columns.js';

export type Cell = string | number | boolean | Date | null;
export type SheetData = { name: string; headerRow: number; headers: string[]; rows: { row: number; cells: Cell[] }[] };
export type WorkbookData = { entities?: SheetData; products?: SheetData };

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The XML inside a 10,000-row workbook is a few MB; far beyond this is a zip bomb, not a province's list. */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
export const MAX_ROWS = 50_000;

const notXlsx = (detected: string | null) => new AppError('unsupported', 'not_xlsx', {
  vi: 'Tệp không phải bảng tính Excel (.xlsx); hãy lưu lại dưới dạng .xlsx và tải lên lại',
  en: 'The file is not an Excel workbook (.xlsx); save it as .xlsx and upload it again',
}, { field: 'file', detected });
const unreadable = () => new AppError('invalid', 'xlsx_unreadable', {
  vi: 'Không đọc được bảng tính: tệp bị hỏng hoặc không đúng định dạng .xlsx',
  en: 'The workbook cannot be read: the file is damaged or not a valid .xlsx',
}, { field: 'file' });

/** Total uncompressed size declared by the zip's central directory, or null when the directory cannot be found. */
function inflatedSize(bytes: Buffer): number | null {
  const from = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) if (bytes.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return null;
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // zip64: far beyond any spreadsheet we accept
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}

export async function checkXlsx(bytes: Buffer): Promise<void> {
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (detected?.mime !== XLSX_MIME) throw notXlsx(detected?.mime ?? null);
  const size = inflatedSize(bytes);
  if (size === null) throw unreadable();
  if (size > MAX_INFLATED_BYTES) {
    throw new AppError('too_large', 'xlsx_too_large', { vi: 'Bảng tính quá lớn khi giải nén', en: 'The workbook is too large once unpacked' }, { field: 'file' });
  }
}

/** exceljs cell values → plain values: rich text and hyperlinks (typed e-mails) to their text, formulas to their result. */
export function plainCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return plainCell(v.text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return plainCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in v) return null;
  return null;
}

const entityHeader = fold(ENTITY_COLUMNS[1].header);
const productHeader = fold(PRODUCT_COLUMNS[2].header);

/** A sheet is recognised by its header row (within its first 10 rows), so renamed sheets and title rows still work. */
function readSheet(ws: ExcelJS.Worksheet): { kind: 'entities' | 'products'; data: SheetData } | undefined {
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const values = ws.getRow(r).values as ExcelJS.CellValue[];
    const headers = values.slice(1).map((v) => String(plainCell(v) ?? '').trim());
    const folded = headers.map(fold);
    // Products first: a product export also names its entity, but an entity sheet never has a product name column.
    const kind = folded.includes(productHeader) ? 'products' : folded.includes(entityHeader) ? 'entities' : undefined;
    if (!kind) continue;
    if (ws.rowCount - r > MAX_ROWS) {
      throw new AppError('too_large', 'too_many_rows', { vi: `Mỗi trang tính nhập tối đa ${MAX_ROWS.toLocaleString('vi-VN')} dòng`, en: `At most ${MAX_ROWS} rows per sheet` }, { field: 'file' });
    }
    const rows: SheetData['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber <= r) return;
      const cells = (row.values as ExcelJS.CellValue[]).slice(1, headers.length + 1).map(plainCell);
      if (cells.some((c) => c !== null && String(c).trim() !== '')) rows.push({ row: rowNumber, cells });
    });
    return { kind, data: { name: ws.name, headerRow: r, headers, rows } };
  }
  return undefined;
}

export async function readWorkbook(bytes: Buffer): Promise<WorkbookData> {
  await checkXlsx(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const out: WorkbookData = {};
  for (const ws of wb.worksheets) {
    const found = readSheet(ws);
    if (found && !out[found.kind]) out[found.kind] = found.data;
  }
  if (!out.entities && !out.products) {
    throw new AppError('invalid', 'import_no_sheets', {
      vi: 'Không tìm thấy trang tính "Chủ thể" hoặc "Sản phẩm" với dòng tiêu đề như trong tệp mẫu',
      en: 'No "Chủ thể" or "Sản phẩm" sheet with the template\'s header row was found',
    }, { field: 'file' });
  }
  return out;
}
