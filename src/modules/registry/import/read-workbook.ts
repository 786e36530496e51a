// Opens an uploaded workbook safely: its cells are read in the import worker (src/app/xlsx-in-worker.ts), which
// counts the bytes actually inflated and caps rows and columns while streaming; here the sheets are recognised by
// their header row and handed to the pure parser as plain values.
import { AppError } from '../../../app/errors.js';
import { readXlsxInWorker } from '../../../app/xlsx-in-worker.js';
import { tooManyRows, type Cell, type SheetRows, type XlsxLimits } from '../../../app/xlsx-reader.js';
import { ENTITY_COLUMNS, PRODUCT_COLUMNS, fold } from './columns.js';

export type { Cell };
export type SheetData = { name: string; headerRow: number; headers: string[]; rows: { row: number; cells: Cell[] }[] };
export type WorkbookData = { entities?: SheetData; products?: SheetData };
export type ImportLimits = Omit<XlsxLimits, 'maxSheets'>;

const entityHeader = fold(ENTITY_COLUMNS[1].header);
const productHeader = fold(PRODUCT_COLUMNS[2].header);

/** The sheet's header row (within its first 10 rows) found by `isHeader`, and the data rows below it: renamed
 * sheets and title rows still work; what lies beyond the headers is not read. */
export function sheetWithHeader(ws: SheetRows, maxRows: number, isHeader: (folded: string[]) => boolean): SheetData | undefined {
  for (const [i, { row: r, cells }] of ws.rows.entries()) {
    if (r > 10) break;
    const headers = cells.map((v) => String(v ?? '').trim());
    if (!isHeader(headers.map(fold))) continue;
    const below = ws.rows.slice(i + 1);
    if (below.length > maxRows) throw tooManyRows(maxRows);
    const rows = below.map(({ row, cells: values }) => ({ row, cells: values.slice(0, headers.length) }))
      .filter(({ cells: values }) => values.some((c) => c !== null));
    return { name: ws.name, headerRow: r, headers, rows };
  }
  return undefined;
}

/** Products first: a product export also names its entity, but an entity sheet never has a product name column. */
const sheetKind = (folded: string[]) => (folded.includes(productHeader) ? 'products' : folded.includes(entityHeader) ? 'entities' : undefined);

function readSheet(ws: SheetRows, maxRows: number): { kind: 'entities' | 'products'; data: SheetData } | undefined {
  const data = sheetWithHeader(ws, maxRows, (folded) => sheetKind(folded) !== undefined);
  return data && { kind: sheetKind(data.headers.map(fold))!, data };
}

export async function readWorkbook(bytes: Buffer, limits: ImportLimits): Promise<WorkbookData> {
  const sheets = await readXlsxInWorker(bytes, limits);
  const out: WorkbookData = {};
  for (const ws of sheets) {
    const found = readSheet(ws, limits.maxRows);
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
