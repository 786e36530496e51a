// The template of a producer's steps: the steps sheet (headers in Vietnamese or English, an example row marked "VD",
// skipped on import) and a lists sheet with the entity's own products (code, GTIN), places (GLN, name) and the
// allowed steps and units, which feed the dropdowns. The header styling is the registry template's.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../../app/lazy-libraries.js';
import { dataSheet, EXAMPLE_MARK, FROZEN_HEADER } from '../../registry/index.js';
import { STEPS, UOMS } from '../recording.rules.js';
import { EVENT_COLUMNS, EVENTS_SHEET, headerOf, LISTS_SHEET, STEP_LABELS, UOM_LABELS, type Lang } from './columns.js';

export type TemplateProduct = { code: string; gtin: string | null; name: string };
export type TemplatePlace = { gln: string; name: string; kind: string };

const NOTES: Record<Lang, string[]> = {
  vi: [
    'Hướng dẫn:',
    `• Mỗi dòng là một bước của một lô hàng. Dòng có ô đầu tiên là "${EXAMPLE_MARK}" là dòng ví dụ, được bỏ qua khi nhập.`,
    '• Lô đã có: chỉ cần Mã lô. Lô mới: ghi thêm Mã sản phẩm hoặc GTIN và Ngày sản xuất (Hạn sử dụng nếu có).',
    '• Địa điểm và Nơi nhận: ghi mã GLN hoặc đúng tên địa điểm của chủ thể (xem cột bên trái). Xuất hàng phải có Nơi nhận.',
    '• Thời gian: dd/mm/yyyy hh:mm, giờ Việt Nam. Các bước của một lô phải theo thứ tự: thu hoạch → chế biến → đóng gói → xuất hàng → nhận tại điểm bán.',
    '• Nhập lại cùng một tệp không ghi gì thêm: bước đã có của lô được giữ nguyên.',
  ],
  en: [
    'How to fill in:',
    `• One row per step of a batch. A row whose first cell is "${EXAMPLE_MARK}" is an example and is skipped.`,
    '• An existing lot needs its lot code only. A new lot also needs the product code or GTIN and the production date (and the expiry date if any).',
    '• Place and destination: a GLN, or the exact name of one of your places (see the columns on the left). Shipping needs a destination.',
    '• Time: dd/mm/yyyy hh:mm, Việt Nam time. A lot\'s steps keep their order: harvest → processing → packing → shipping → receiving.',
    '• Importing the same file again records nothing more: a step the lot already has is left as it is.',
  ],
};

function list(ws: ExcelJS.Worksheet, col: number, title: string, values: string[], width: number) {
  ws.getCell(1, col).value = title;
  ws.getCell(1, col).font = { bold: true };
  values.forEach((v, i) => { ws.getCell(i + 2, col).value = v; });
  ws.getColumn(col).width = width;
  const letter = ws.getColumn(col).letter;
  return `'${ws.name}'!$${letter}$2:$${letter}$${Math.max(values.length, 1) + 1}`;
}

function dropdown(ws: ExcelJS.Worksheet, key: string, range: string) {
  const letter = ws.getColumn(EVENT_COLUMNS.findIndex((c) => c.key === key) + 1).letter;
  // exceljs 4.4 keeps dataValidations off its typings (as the registry template notes).
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}2000`, {
    type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true, errorStyle: 'warning',
  });
}

export async function buildStepsTemplate(lang: Lang, products: TemplateProduct[], places: TemplatePlace[]): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Hệ thống thông tin OCOP';
  wb.created = new Date();
  const steps = wb.addWorksheet(EVENTS_SHEET[lang], FROZEN_HEADER);
  const lists = wb.addWorksheet(LISTS_SHEET[lang]);
  dataSheet(steps, EVENT_COLUMNS.map((c) => ({ ...c, header: headerOf(c, lang) })));
  const en = lang === 'en';
  const stepRange = list(lists, 1, en ? 'Step' : 'Bước', STEPS.map((s) => STEP_LABELS[s][lang]), 20);
  const uomRange = list(lists, 2, en ? 'Unit' : 'Đơn vị', UOMS.map((u) => UOM_LABELS[u][lang]), 10);
  list(lists, 3, en ? 'Product code' : 'Mã sản phẩm', products.map((p) => p.code), 22);
  list(lists, 4, 'GTIN', products.map((p) => p.gtin ?? ''), 16);
  list(lists, 5, en ? 'Product' : 'Sản phẩm', products.map((p) => p.name), 36);
  list(lists, 6, 'GLN', places.map((p) => p.gln), 16);
  const placeRange = list(lists, 7, en ? 'Place' : 'Địa điểm', places.map((p) => p.name), 36);
  NOTES[lang].forEach((n, i) => { lists.getCell(i + 1, 9).value = n; });
  lists.getCell(1, 9).font = { bold: true };
  lists.getColumn(9).width = 110;
  for (const c of [4, 6]) lists.getColumn(c).numFmt = '@';
  dropdown(steps, 'step', stepRange);
  dropdown(steps, 'uom', uomRange);
  if (places.length) {
    dropdown(steps, 'place', placeRange);
    dropdown(steps, 'destination', placeRange);
  }
  const example = steps.addRow({
    lot: EXAMPLE_MARK, product: products[0]?.gtin ?? products[0]?.code ?? '', producedOn: '01/03/2026', expiresOn: '01/03/2028',
    step: STEP_LABELS.harvest[lang], at: '01/03/2026 06:00', place: places[0]?.name ?? '', quantity: 150, uom: UOM_LABELS.KGM[lang],
  });
  example.font = { italic: true, color: { argb: 'FF808080' } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
