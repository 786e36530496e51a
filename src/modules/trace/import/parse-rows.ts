// Pure (apart from yielding to the event loop between slices): the rows of a steps sheet → plain values and the
// errors a cell alone shows (a bad date, an unknown step or unit). Lots, products and places are resolved against the
// database afterwards (plan-rows.ts). The column finding and cell reading are the registry import's.
import { AppError } from '../../../app/errors.js';
import { readXlsxInWorker } from '../../../app/xlsx-in-worker.js';
import type { Cell, XlsxLimits } from '../../../app/xlsx-reader.js';
import { cellText, fold, isExample, isoDate, locateColumns, nextTurn, rowReader, sheetWithHeader, type ImportError, type SheetData } from '../../registry/index.js';
import { LOT_PATTERN, STEPS, UOMS, type Step, type Uom } from '../recording.rules.js';
import { COLUMNS_READ, EVENT_COLUMNS, STEP_LABELS, UOM_LABELS, type EventKey } from './columns.js';

/** One row as read: what the commit plans from again (stored with the preview), and the cells' own errors. */
export type EventRowInput = {
  row: number; sheet: string; lot: string; product?: string; producedOn?: string; expiresOn?: string;
  step?: Step; at?: string; place?: string; destination?: string; quantity?: number; uom?: Uom; errors: ImportError[];
};

const stepOf = (c: Cell): Step | undefined => {
  const f = fold(cellText(c));
  return STEPS.find((s) => s === f || [STEP_LABELS[s].vi, STEP_LABELS[s].en].map(fold).includes(f) || STEP_LABELS[s].aliases.includes(f));
};
const uomOf = (c: Cell): Uom | undefined => {
  const f = fold(cellText(c));
  return UOMS.find((u) => [u, UOM_LABELS[u].vi, UOM_LABELS[u].en].map(fold).includes(f) || UOM_LABELS[u].aliases.map(fold).includes(f));
};
/** A positive number; Vietnamese decimals ("1.234,5") and plain ones ("1234.5") both read. */
const quantityOf = (c: Cell): number | undefined => {
  if (typeof c === 'number') return c > 0 && c <= 1e9 ? c : undefined;
  const s = cellText(c).replace(/\s/g, '');
  const n = /^\d{1,3}(\.\d{3})+(,\d+)?$|^\d+,\d+$/.test(s) ? Number(s.replace(/\./g, '').replace(',', '.')) : /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
  return n > 0 && n <= 1e9 ? n : undefined;
};

const VN_OFFSET_MS = 7 * 3600_000;
/** A wall-clock time in Việt Nam (y, m, d, h, min, s) → the instant, or undefined when it is no real date. */
function vietnamWallTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | undefined {
  if (h > 23 || mi > 59 || s > 59 || y < 1900 || y > 2100) return undefined;
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (wall.getUTCFullYear() !== y || wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d) return undefined;
  return new Date(wall.getTime() - VN_OFFSET_MS).toISOString();
}

/** When a step happened. A date cell holds Việt Nam's wall-clock time (Excel keeps no zone); typed text is
 * dd/mm/yyyy [hh:mm[:ss]] or yyyy-mm-dd[ T]hh:mm, or an ISO time with its own offset. A date alone is midnight. */
export function stepTime(c: Cell): string | undefined {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? undefined : new Date(c.getTime() - VN_OFFSET_MS).toISOString();
  if (typeof c === 'number') return c > 0 && c < 100_000 ? new Date(Math.round((c - 25_569) * 86_400_000) - VN_OFFSET_MS).toISOString() : undefined;
  const s = cellText(c);
  if (/[zZ]$|[+-]\d{2}:\d{2}$/.test(s) && /^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) || !vietnamWallTime(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))) ? undefined : new Date(t).toISOString();
  }
  const time = /(?:[ T]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;
  const vn = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${time.source}`).exec(s);
  if (vn) return vietnamWallTime(+vn[3], +vn[2], +vn[1], +(vn[4] ?? 0), +(vn[5] ?? 0), +(vn[6] ?? 0));
  const iso = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${time.source}`).exec(s);
  if (iso) return vietnamWallTime(+iso[1], +iso[2], +iso[3], +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0));
  return undefined;
}

const REQUIRED = { vi: 'Ô này bắt buộc phải có giá trị', en: 'This cell is required' };

function parseRow(sheet: SheetData, at: Map<EventKey, number>, row: number, cells: Cell[]): EventRowInput {
  const r = rowReader(COLUMNS_READ, at, cells);
  const lot = r.str('lot') ?? '';
  if (lot && !LOT_PATTERN.test(lot)) r.flag('lot', 'invalid_lot', { vi: 'Mã lô gồm 1–20 chữ cái, chữ số hoặc các dấu . _ -', en: 'A lot code has 1–20 letters, digits, . _ -' });
  else if (!lot) r.flag('lot', 'required', REQUIRED);
  const badDate = { vi: 'Ngày không hợp lệ (dd/mm/yyyy)', en: 'Invalid date (dd/mm/yyyy)' };
  const producedOn = r.parse('producedOn', isoDate, badDate);
  const expiresOn = r.parse('expiresOn', isoDate, badDate);
  if (producedOn && expiresOn && expiresOn < producedOn) r.flag('expiresOn', 'expiry_before_production', { vi: 'Hạn sử dụng phải sau ngày sản xuất', en: 'The expiry date comes after the production date' });
  const step = r.parse('step', stepOf, {
    vi: `Bước là một trong: ${STEPS.map((s) => STEP_LABELS[s].vi).join(', ')}`, en: `The step is one of: ${STEPS.map((s) => STEP_LABELS[s].en).join(', ')}`,
  });
  const when = r.parse('at', stepTime, { vi: 'Thời gian không hợp lệ (dd/mm/yyyy hh:mm)', en: 'Invalid time (dd/mm/yyyy hh:mm)' });
  const place = r.str('place');
  if (!place) r.flag('place', 'required', REQUIRED);
  const destination = r.str('destination');
  if (step === 'shipping' && !destination) r.flag('destination', 'destination_required', { vi: 'Xuất hàng cần ghi nơi nhận', en: 'Shipping needs a destination' });
  const quantity = r.parse('quantity', quantityOf, { vi: 'Số lượng là số dương', en: 'The quantity is a positive number' });
  const uom = r.parse('uom', uomOf, { vi: 'Đơn vị là kg, lít hoặc cái/hộp', en: 'The unit is kg, litre or piece' });
  return {
    row, sheet: sheet.name, lot, product: r.str('product'), producedOn, expiresOn, step, at: when, place,
    destination: step === 'shipping' ? destination : undefined, quantity, uom, errors: r.errors,
  };
}

/** The sheet must name at least the required columns; a missing one is a 400 for the whole file. */
export async function parseEventRows(sheet: SheetData): Promise<EventRowInput[]> {
  const at = locateColumns(sheet, COLUMNS_READ);
  const out: EventRowInput[] = [];
  for (const [i, { row, cells }] of sheet.rows.entries()) {
    if (i % 50 === 49) await nextTurn();
    if (!isExample(cells)) out.push(parseRow(sheet, at, row, cells));
  }
  return out;
}

export const noStepsSheet = () => new AppError('invalid', 'import_no_sheets', {
  vi: 'Không tìm thấy trang tính có dòng tiêu đề như tệp mẫu (Mã lô, Bước, Thời gian, Địa điểm)',
  en: 'No sheet with the template\'s header row was found (Lot, Step, Time, Place)',
}, { field: 'file' });

/** The steps sheet of an uploaded workbook (read in the import worker: inflated bytes, rows and columns capped while
 * streaming), found by its header row wherever it is; then its rows parsed. */
export async function readStepsWorkbook(bytes: Buffer, limits: Omit<XlsxLimits, 'maxSheets'>): Promise<EventRowInput[]> {
  const lotHeaders = [EVENT_COLUMNS[0].header, EVENT_COLUMNS[0].en].map(fold);
  const stepHeaders = [EVENT_COLUMNS[4].header, EVENT_COLUMNS[4].en].map(fold);
  for (const ws of await readXlsxInWorker(bytes, limits)) {
    const sheet = sheetWithHeader(ws, limits.maxRows, (h) => h.some((x) => lotHeaders.includes(x)) && h.some((x) => stepHeaders.includes(x)));
    if (sheet) return parseEventRows(sheet);
  }
  throw noStepsSheet();
}
