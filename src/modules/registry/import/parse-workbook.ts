// Pure (apart from yielding to the event loop between slices of rows): the rows of a workbook → typed records and
// row errors. No database: communes, owners and existing records are
// resolved afterwards (resolve-rows.ts). Field rules come from the registry's own zod contracts.
import type { z } from 'zod';
import { AppError, type Message } from '../../../app/errors.js';
import { createEntityBody, createProductBody } from '../registry.contract.js';
import { ENTITY_TYPES, PRODUCT_STATUSES } from '../registry.tables.js';
import type { EntityRecord, ImportError, ProductRecord } from './import.contract.js';
import {
  ENTITY_COLUMNS, ENTITY_TYPE_ALIASES, ENTITY_TYPE_LABELS, PRODUCT_COLUMNS, PRODUCT_STATUS_LABELS, fold, isExampleMark,
  type Column, type EntityKey, type ProductKey,
} from './columns.js';
import { productKey } from './compare.js';
import { nextTurn } from './next-turn.js';
import type { Cell, SheetData, WorkbookData } from './read-workbook.js';

export type CommuneRef = { code?: string; name?: string; province?: string; oldCommune?: string; oldDistrict?: string; oldProvince?: string };
type RowBase = { row: number; sheet: string; label: string; errors: ImportError[] };
export type ParsedEntity = RowBase & {
  kind: 'entity'; registrationNumber: string; place: CommuneRef;
  fields?: Omit<EntityRecord, 'communeCode' | 'provinceCode'>;
};
export type ParsedProduct = RowBase & {
  kind: 'product'; code?: string; ownerRegistration: string; record?: ProductRecord;
  /** The status as written, which may be one a certificate sets (an exported certified product read back). */
  status?: (typeof PRODUCT_STATUSES)[number];
};
export type ParsedWorkbook = { entities: ParsedEntity[]; products: ParsedProduct[] };
export type ProductSetRef = { sheet: number; name: string };

const entityFields = createEntityBody.omit({ communeCode: true });
const productFields = createProductBody.omit({ entityId: true });

const FORMAT_VI: Record<string, string> = {
  registrationNumber: 'Số ĐKKD gồm 4–30 chữ cái, chữ số hoặc các dấu . / -',
  taxCode: 'Mã số thuế gồm 10 chữ số, có thể thêm -NNN',
  phone: 'Số điện thoại không hợp lệ',
  email: 'Địa chỉ email không hợp lệ',
  registrationDate: 'Ngày không hợp lệ (dd/mm/yyyy)',
};

function zodVi(i: z.core.$ZodIssue, field: string): string {
  switch (i.code) {
    case 'too_big': return i.origin === 'string' ? `Quá dài (tối đa ${String(i.maximum)} ký tự)` : `Giá trị quá lớn (tối đa ${String(i.maximum)})`;
    case 'too_small': return i.origin === 'string' ? 'Ô này bắt buộc phải có giá trị' : `Giá trị quá nhỏ (tối thiểu ${String(i.minimum)})`;
    case 'invalid_format': return FORMAT_VI[field] ?? 'Sai định dạng';
    case 'invalid_type': return 'Sai kiểu dữ liệu';
    case 'invalid_value': return 'Giá trị không nằm trong danh sách cho phép';
    default: return 'Giá trị không hợp lệ';
  }
}

// ── cells → values ───────────────────────────────────────────────────────────

const pad = (s: string, n: number) => (/^\d+$/.test(s) && s.length < n ? s.padStart(n, '0') : s);

export function text(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  return String(c).trim();
}

/** Excel keeps dates as UTC midnight (or a serial number when the cell lost its format); people also type them. */
export function isoDate(c: Cell): string | undefined {
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'number' && c > 0 && c < 100_000) return new Date(Math.round((c - 25_569) * 86_400_000)).toISOString().slice(0, 10);
  const s = text(c);
  const iso8601 = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const [y, mo, d] = iso8601 ? [iso8601[1], iso8601[2], iso8601[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  if (!y || !mo || !d) return undefined;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const back = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(back.getTime()) || back.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** Whole numbers, with Vietnamese thousands separators allowed ("1.234"). */
function integer(c: Cell): number | undefined {
  if (typeof c === 'number') return Number.isInteger(c) ? c : undefined;
  const s = text(c);
  return /^\d{1,3}([.,\s]\d{3})+$|^\d+$/.test(s) ? Number(s.replace(/[.,\s]/g, '')) : undefined;
}

function yesNo(c: Cell): boolean | undefined {
  if (typeof c === 'boolean') return c;
  const f = fold(text(c));
  if (['co', 'x', 'yes', 'true', '1', 'c'].includes(f)) return true;
  if (['khong', 'no', 'false', '0', 'k', ''].includes(f)) return false;
  return undefined;
}

function entityType(c: Cell): (typeof ENTITY_TYPES)[number] | undefined {
  const f = fold(text(c));
  const byLabel = ENTITY_TYPES.find((t) => fold(ENTITY_TYPE_LABELS[t]) === f || t === f);
  return byLabel ?? ENTITY_TYPE_ALIASES[f];
}

function sex(c: Cell): 'male' | 'female' | undefined {
  const f = fold(text(c));
  return ['nam', 'male', 'm'].includes(f) ? 'male' : ['nu', 'female', 'f'].includes(f) ? 'female' : undefined;
}

function productStatus(c: Cell): (typeof PRODUCT_STATUSES)[number] | undefined {
  const f = fold(text(c));
  return PRODUCT_STATUSES.find((s) => fold(PRODUCT_STATUS_LABELS[s]) === f || s === f);
}

/** "7", "7 - Mật ong, các sản phẩm từ mật ong…" or the set's name alone. */
function productSet(c: Cell, sets: ProductSetRef[]): number | undefined {
  const s = text(c);
  const n = /^(\d{1,2})(?!\d)/.exec(s)?.[1];
  if (n) return sets.some((x) => x.sheet === Number(n)) ? Number(n) : undefined;
  const f = fold(s);
  return sets.find((x) => fold(x.name) === f)?.sheet;
}

// ── rows ─────────────────────────────────────────────────────────────────────

export const err = (col: Column, code: string, message: Message): ImportError => ({ column: col.header, field: col.key, code, message });

/** Where each known header sits in this sheet (headers compare without diacritics); required ones must be present. */
export function locate<C extends Column>(sheet: SheetData, columns: readonly C[], needAny: C['key'][][] = []): Map<C['key'], number> {
  const at = new Map<C['key'], number>();
  const folded = sheet.headers.map(fold);
  for (const col of columns) {
    const i = [col.header, ...(col.aliases ?? [])].map((h) => folded.indexOf(fold(h))).find((x) => x >= 0);
    if (i !== undefined) at.set(col.key, i);
  }
  const missing = columns.filter((c) => c.required && !at.has(c.key)).map((c) => c.header);
  for (const group of needAny) {
    if (!group.some((k) => at.has(k))) missing.push(group.map((k) => columns.find((c) => c.key === k)!.header).join(' / '));
  }
  if (missing.length) {
    throw new AppError('invalid', 'import_missing_columns', {
      vi: `Trang tính "${sheet.name}" thiếu cột: ${missing.join(', ')}`,
      en: `Sheet "${sheet.name}" lacks the columns: ${missing.join(', ')}`,
    }, { field: 'file', sheet: sheet.name, missing });
  }
  return at;
}

/** Reads one row by column key; keeps the row's errors for custom parses so zod does not report the same cell twice. */
export function rowReader<K extends string>(columns: readonly (Column & { key: K })[], at: Map<K, number>, cells: Cell[]) {
  const errors: ImportError[] = [];
  const flagged = new Set<string>();
  const col = (k: K) => columns.find((c) => c.key === k)!;
  const cell = (k: K): Cell => (at.has(k) ? cells[at.get(k)!] ?? null : null);
  const flag = (k: K, code: string, message: Message) => { flagged.add(k); errors.push(err(col(k), code, message)); };
  /** Parses a cell; an empty required cell or an unparseable one becomes a row error. */
  function parse<T>(k: K, fn: (c: Cell) => T | undefined, bad: Message): T | undefined {
    const c = cell(k);
    if (text(c) === '') {
      if (col(k).required) flag(k, 'required', { vi: 'Ô này bắt buộc phải có giá trị', en: 'This cell is required' });
      return undefined;
    }
    const v = fn(c);
    if (v === undefined) flag(k, 'invalid_value', bad);
    return v;
  }
  const str = (k: K, n = 0) => { const s = text(cell(k)); return s === '' ? undefined : pad(s, n); };
  function zodIssues(issues: z.core.$ZodIssue[]) {
    for (const i of issues) {
      const key = i.path.join('.');
      if (flagged.has(key)) continue;
      const c = columns.find((x) => x.key === key);
      if (!c) continue;
      flagged.add(key);
      const required = text(cell(key as K)) === '' && (i.code === 'invalid_type' || i.code === 'too_small');
      errors.push(err(c, required ? 'required' : i.code, required
        ? { vi: 'Ô này bắt buộc phải có giá trị', en: 'This cell is required' }
        : { vi: zodVi(i, key), en: i.message }));
    }
  }
  return { errors, cell, parse, str, zodIssues, flag };
}

function parseEntityRow(sheet: SheetData, at: Map<EntityKey, number>, row: number, cells: Cell[]): ParsedEntity {
  const r = rowReader(ENTITY_COLUMNS, at, cells);
  const phoneCell = r.cell('phone');
  // A phone typed as a number loses its leading 0.
  const phone = typeof phoneCell === 'number' && String(phoneCell).length === 9 ? `0${phoneCell}` : r.str('phone');
  const candidate = {
    registrationNumber: r.str('registrationNumber') ?? '',
    name: r.str('name') ?? '',
    type: r.parse('type', entityType, { vi: 'Loại hình phải là một trong: Hợp tác xã, Tổ hợp tác, Doanh nghiệp, Trang trại, Hộ kinh doanh', en: 'Entity type must be one of the listed labels' }),
    registrationDate: r.parse('registrationDate', isoDate, { vi: FORMAT_VI.registrationDate, en: 'Invalid date (dd/mm/yyyy)' }) ?? null,
    taxCode: r.str('taxCode', 10) ?? null,
    address: r.str('address') ?? '',
    phone: phone ?? null,
    email: r.str('email') ?? null,
    representative: {
      fullName: r.str('representative.fullName') ?? '',
      sex: r.parse('representative.sex', sex, { vi: 'Giới tính là Nam hoặc Nữ', en: 'Sex is Nam (male) or Nữ (female)' }),
      ethnicity: r.str('representative.ethnicity') ?? '',
      disability: r.parse('representative.disability', yesNo, { vi: 'Ghi Có hoặc Không', en: 'Write Có (yes) or Không (no)' }) ?? false,
    },
    workers: r.parse('workers', integer, { vi: 'Số lao động là số nguyên không âm', en: 'A whole number' }) ?? null,
    localWorkers: r.parse('localWorkers', integer, { vi: 'Số lao động là số nguyên không âm', en: 'A whole number' }) ?? null,
  };
  const place: CommuneRef = {
    code: r.str('communeCode', 5), name: r.str('communeName'), province: r.str('provinceName'),
    oldCommune: r.str('oldCommune'), oldDistrict: r.str('oldDistrict'), oldProvince: r.str('oldProvince'),
  };
  if (!place.code && !place.name && !place.oldCommune) {
    r.flag('communeCode', 'commune_required', { vi: 'Cần ghi Mã xã, hoặc Tên xã, hoặc Xã cũ (trước 7/2025)', en: 'Give the commune code, its name, or the district-era commune' });
  }
  const parsed = entityFields.safeParse(candidate);
  if (!parsed.success) r.zodIssues(parsed.error.issues);
  const d = parsed.success && !r.errors.length ? parsed.data : undefined;
  const fields = d && {
    name: d.name, type: d.type, registrationNumber: d.registrationNumber, registrationDate: d.registrationDate ?? null,
    taxCode: d.taxCode ?? null, address: d.address, phone: d.phone ?? null, email: d.email ?? null,
    representative: d.representative, workers: d.workers ?? null, localWorkers: d.localWorkers ?? null,
  };
  return {
    kind: 'entity', row, sheet: sheet.name, label: [candidate.registrationNumber, candidate.name].filter(Boolean).join(' · '),
    errors: r.errors, registrationNumber: candidate.registrationNumber, place, fields,
  };
}

function parseProductRow(sheet: SheetData, at: Map<ProductKey, number>, row: number, cells: Cell[], sets: ProductSetRef[]): ParsedProduct {
  const r = rowReader(PRODUCT_COLUMNS, at, cells);
  const status = r.parse('status', productStatus, { vi: 'Trạng thái là Nháp hoặc Đã đăng ký', en: 'Status is Nháp (draft) or Đã đăng ký (registered)' });
  const candidate = {
    name: r.str('name') ?? '',
    productSet: r.parse('productSet', (c) => productSet(c, sets), { vi: 'Bộ sản phẩm phải là số 1–26 hoặc tên trong trang "Danh mục"', en: 'Product set: a number 1–26 or a name from the "Danh mục" sheet' }),
    description: r.str('description') ?? null,
    ingredients: r.str('ingredients') ?? null,
    rawMaterialArea: r.str('rawMaterialArea') ?? null,
    standard: r.str('standard') ?? null,
    // Only draft and registered are set by hand; a certificate's status read back from an export is checked later.
    status: status === 'draft' || status === 'registered' ? status : undefined,
  };
  const parsed = productFields.safeParse(candidate);
  if (!parsed.success) r.zodIssues(parsed.error.issues);
  const ownerRegistration = r.str('ownerRegistration') ?? '';
  if (!ownerRegistration) r.flag('ownerRegistration', 'required', { vi: 'Ô này bắt buộc phải có giá trị', en: 'This cell is required' });
  const code = r.str('code');
  const record = parsed.success && !r.errors.length ? {
    name: parsed.data.name, productSet: parsed.data.productSet, description: parsed.data.description ?? null,
    ingredients: parsed.data.ingredients ?? null, rawMaterialArea: parsed.data.rawMaterialArea ?? null,
    standard: parsed.data.standard ?? null, ...(parsed.data.status ? { status: parsed.data.status } : {}),
  } : undefined;
  return {
    kind: 'product', row, sheet: sheet.name, label: [code, candidate.name].filter(Boolean).join(' · ') || `#${row}`,
    errors: r.errors, code, ownerRegistration, record, status,
  };
}

/** The same key twice in one file: every later row is an error that points at the first. */
function flagDuplicates<T extends RowBase>(rows: T[], key: (r: T) => string | undefined, col: Column) {
  const first = new Map<string, number>();
  for (const r of rows) {
    const k = key(r)?.toUpperCase();
    if (!k) continue;
    const seen = first.get(k);
    if (seen === undefined) { first.set(k, r.row); continue; }
    r.errors.push(err(col, 'duplicate_in_file', { vi: `Trùng với dòng ${seen} trong cùng tệp`, en: `Same as row ${seen} of this file` }));
  }
}

export const isExample = (cells: Cell[]) => isExampleMark(text(cells[0] ?? null));

/** Rows parsed between two yields to the event loop: 20,000 rows of validation in one go would hold the server for
 * seconds; a slice costs a few milliseconds (tens on a loaded machine). */
const ROWS_PER_SLICE = 50;

export async function parseWorkbook(book: WorkbookData, sets: ProductSetRef[]): Promise<ParsedWorkbook> {
  const entities: ParsedEntity[] = [];
  const products: ParsedProduct[] = [];
  if (book.entities) {
    const sheet = book.entities;
    const at = locate(sheet, ENTITY_COLUMNS, [['communeCode', 'communeName', 'oldCommune']]);
    for (const [i, { row, cells }] of sheet.rows.entries()) {
      if (i % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await nextTurn();
      if (!isExample(cells)) entities.push(parseEntityRow(sheet, at, row, cells));
    }
    flagDuplicates(entities, (e) => e.registrationNumber, ENTITY_COLUMNS[0]);
  }
  if (book.products) {
    const sheet = book.products;
    const at = locate(sheet, PRODUCT_COLUMNS, []);
    for (const [i, { row, cells }] of sheet.rows.entries()) {
      if (i % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await nextTurn();
      if (!isExample(cells)) products.push(parseProductRow(sheet, at, row, cells, sets));
    }
    flagDuplicates(products, (p) => p.code, PRODUCT_COLUMNS[0]);
    // Without a code a product is its owner + name + set: twice in one file would make two products.
    flagDuplicates(products.filter((p) => !p.code && p.record), (p) => productKey(p.ownerRegistration, p.record!.name, p.record!.productSet), PRODUCT_COLUMNS[2]);
  }
  return { entities, products };
}
