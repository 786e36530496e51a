// The layout of a producer's spreadsheet of recorded steps: one row = one step of one batch. Headers in Vietnamese
// (the template's default) or English (?lang=en); either is recognised on upload, diacritics and case ignored. The
// column's key is the field path a row error names.
import type { Column } from '../../registry/index.js';
import type { Step, Uom } from '../recording.rules.js';

export const EVENTS_SHEET = { vi: 'Các bước', en: 'Steps' } as const;
export const LISTS_SHEET = { vi: 'Danh mục', en: 'Lists' } as const;
export type Lang = 'vi' | 'en';

export type EventColumn = Column & { en: string };
export const EVENT_COLUMNS = [
  { key: 'lot', header: 'Mã lô', en: 'Lot', width: 16, required: true, text: true },
  { key: 'product', header: 'Mã sản phẩm hoặc GTIN', en: 'Product code or GTIN', width: 24, text: true, aliases: ['GTIN', 'Mã sản phẩm', 'Product code'] },
  { key: 'producedOn', header: 'Ngày sản xuất', en: 'Production date', width: 14 },
  { key: 'expiresOn', header: 'Hạn sử dụng', en: 'Expiry date', width: 14 },
  { key: 'step', header: 'Bước', en: 'Step', width: 18, required: true },
  { key: 'at', header: 'Thời gian', en: 'Time', width: 18, required: true },
  { key: 'place', header: 'Địa điểm (GLN hoặc tên)', en: 'Place (GLN or name)', width: 32, required: true, aliases: ['Địa điểm', 'Place', 'GLN'] },
  { key: 'destination', header: 'Nơi nhận (GLN hoặc tên)', en: 'Destination (GLN or name)', width: 32, aliases: ['Nơi nhận', 'Destination'] },
  { key: 'quantity', header: 'Số lượng', en: 'Quantity', width: 10 },
  { key: 'uom', header: 'Đơn vị', en: 'Unit', width: 10 },
] as const satisfies readonly EventColumn[];
export type EventKey = (typeof EVENT_COLUMNS)[number]['key'];

/** Every column also answers to its English header, so a file filled from the English template reads the same. */
export const COLUMNS_READ: readonly (Column & { key: EventKey })[] = EVENT_COLUMNS.map((c: EventColumn & { key: EventKey }) => ({ ...c, aliases: [c.en, ...(c.aliases ?? [])] }));

export const headerOf = (c: EventColumn, lang: Lang) => (lang === 'en' ? c.en : c.header);

/** What people write for a step: the screen's own labels in either language, the CBV word, and common synonyms. */
export const STEP_LABELS: Record<Step, { vi: string; en: string; aliases: string[] }> = {
  harvest: { vi: 'Thu hoạch', en: 'Harvest', aliases: ['thu hoach', 'khai thac', 'thu mua nguyen lieu'] },
  processing: { vi: 'Chế biến', en: 'Processing', aliases: ['che bien', 'so che', 'san xuat', 'transforming'] },
  packing: { vi: 'Đóng gói', en: 'Packing', aliases: ['dong goi', 'dong chai', 'packaging'] },
  shipping: { vi: 'Xuất hàng', en: 'Shipping', aliases: ['xuat hang', 'van chuyen', 'giao hang', 'xuat kho'] },
  receiving: { vi: 'Nhận tại điểm bán', en: 'Receiving', aliases: ['nhan hang', 'nhan tai diem ban', 'nhap kho diem ban', 'retail'] },
};

export const UOM_LABELS: Record<Uom, { vi: string; en: string; aliases: string[] }> = {
  KGM: { vi: 'kg', en: 'kg', aliases: ['kgm', 'kilogram', 'kilogam', 'kí', 'ki lo'] },
  LTR: { vi: 'lít', en: 'litre', aliases: ['ltr', 'l', 'liter', 'lit'] },
  H87: { vi: 'cái/hộp', en: 'piece', aliases: ['h87', 'cai', 'hop', 'chai', 'hu', 'goi', 'pcs', 'pieces'] },
};
