// The import template: the two data sheets with Vietnamese headers, one example row each (first cell "VD…", skipped
// when imported), dropdowns fed from the "Danh mục" sheet, and that sheet listing the allowed values.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../../app/lazy-libraries.js';
import {
  ENTITY_COLUMNS, ENTITY_SHEET, ENTITY_TYPE_LABELS, EXAMPLE_MARK, LISTS_SHEET, NO, PRODUCT_COLUMNS, PRODUCT_SHEET,
  PRODUCT_STATUS_LABELS, SEX_LABELS, YES, productSetLabel, type Column,
} from './columns.js';
import type { ProductSetRef } from './parse-workbook.js';

export type ProductSetInfo = ProductSetRef & { code: string; groupName: string; sectorName: string };

/** Dropdowns cover this many rows; people can type past them, the parser checks every value anyway. */
const VALIDATED_ROWS = 5000;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/** Pass to addWorksheet: the header row stays in view (the streaming writer takes views only there). */
export const FROZEN_HEADER: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: 'frozen', ySplit: 1 }] };

/** Header row, widths, and text format on code columns (so Excel keeps leading zeros). */
export function dataSheet(ws: ExcelJS.Worksheet, columns: readonly Column[]) {
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.text ? { numFmt: '@' } : c.key === 'registrationDate' ? { numFmt: 'dd/mm/yyyy' } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  header.height = 32;
}

function listColumn(ws: ExcelJS.Worksheet, col: number, title: string, values: string[]) {
  ws.getCell(1, col).value = title;
  ws.getCell(1, col).font = { bold: true };
  values.forEach((v, i) => { ws.getCell(i + 2, col).value = v; });
  const letter = ws.getColumn(col).letter;
  return `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`;
}

function dropdown(ws: ExcelJS.Worksheet, columns: readonly Column[], key: string, range: string) {
  const letter = ws.getColumn(columns.findIndex((c) => c.key === key) + 1).letter;
  // exceljs 4.4 keeps dataValidations off its typings; a range address is written as one rule.
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS}`, {
    type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true, errorStyle: 'warning',
    errorTitle: 'Giá trị không có trong danh mục', error: `Hãy chọn trong trang "${LISTS_SHEET}"`,
  });
}

export async function buildTemplate(sets: ProductSetInfo[]): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Hệ thống thông tin OCOP';
  wb.created = new Date();
  const entities = wb.addWorksheet(ENTITY_SHEET, FROZEN_HEADER);
  const products = wb.addWorksheet(PRODUCT_SHEET, FROZEN_HEADER);
  const lists = wb.addWorksheet(LISTS_SHEET);
  dataSheet(entities, ENTITY_COLUMNS);
  dataSheet(products, PRODUCT_COLUMNS);

  const typeRange = listColumn(lists, 1, 'Loại hình', Object.values(ENTITY_TYPE_LABELS));
  const setRange = listColumn(lists, 2, 'Bộ sản phẩm (số - tên)', sets.map(productSetLabel));
  listColumn(lists, 3, 'Mã bộ', sets.map((s) => s.code));
  listColumn(lists, 4, 'Nhóm', sets.map((s) => s.groupName));
  listColumn(lists, 5, 'Ngành', sets.map((s) => s.sectorName));
  const statusRange = listColumn(lists, 6, 'Trạng thái sản phẩm', [PRODUCT_STATUS_LABELS.draft, PRODUCT_STATUS_LABELS.registered]);
  const sexRange = listColumn(lists, 7, 'Giới tính', Object.values(SEX_LABELS));
  const yesNoRange = listColumn(lists, 8, 'Có/Không', [YES, NO]);
  lists.getColumn(2).width = 60;
  lists.getColumn(4).width = 30;
  lists.getColumn(5).width = 22;
  for (const c of [1, 3, 6, 7, 8]) lists.getColumn(c).width = 16;
  const notes = [
    'Hướng dẫn:',
    `• Dòng có ô đầu tiên bắt đầu bằng "${EXAMPLE_MARK}" là dòng ví dụ, được bỏ qua khi nhập; có thể xoá hoặc ghi đè.`,
    '• Cột tô màu cam là bắt buộc. Số ĐKKD là khoá: đã có trong hệ thống thì cập nhật, chưa có thì tạo mới.',
    '• Xã: ghi Mã xã, hoặc Tên xã (+ Tỉnh/Thành phố), hoặc địa chỉ cũ trước 7/2025 (Xã cũ, Huyện cũ, Tỉnh cũ).',
    '• Sản phẩm: ghi mã đã có để cập nhật; để trống Mã sản phẩm thì sản phẩm cùng chủ thể, cùng tên và cùng bộ đã có được cập nhật, chưa có thì tạo mới. Số ĐKKD chủ thể phải có trong tệp hoặc trong hệ thống.',
    '• Nhập lại cùng một tệp không tạo bản ghi trùng: dòng không thay đổi được bỏ qua.',
  ];
  notes.forEach((n, i) => { lists.getCell(i + 1, 10).value = n; });
  lists.getCell(1, 10).font = { bold: true };
  lists.getColumn(10).width = 100;

  dropdown(entities, ENTITY_COLUMNS, 'type', typeRange);
  dropdown(entities, ENTITY_COLUMNS, 'representative.sex', sexRange);
  dropdown(entities, ENTITY_COLUMNS, 'representative.disability', yesNoRange);
  dropdown(products, PRODUCT_COLUMNS, 'productSet', setRange);
  dropdown(products, PRODUCT_COLUMNS, 'status', statusRange);

  const example = { font: { italic: true, color: { argb: 'FF808080' } } } as const;
  const entityExample = entities.addRow({
    registrationNumber: `${EXAMPLE_MARK}: 4700123456`, name: 'HTX Mật ong bạc hà Mèo Vạc', type: ENTITY_TYPE_LABELS.htx,
    registrationDate: new Date(Date.UTC(2019, 2, 15)), taxCode: '0123456789', address: 'Thôn Tả Chải', communeCode: '00769',
    communeName: 'Xã Mèo Vạc', provinceName: 'Tuyên Quang', phone: '0912345678', email: 'htx@example.vn',
    'representative.fullName': 'Sùng Thị Mỷ', 'representative.sex': SEX_LABELS.female, 'representative.ethnicity': 'Mông',
    'representative.disability': NO, workers: 20, localWorkers: 18,
  });
  entityExample.font = example.font;
  const productExample = products.addRow({
    code: EXAMPLE_MARK, ownerRegistration: '4700123456', name: 'Mật ong bạc hà Mèo Vạc',
    productSet: sets.length ? productSetLabel(sets.find((s) => /mật ong/i.test(s.name)) ?? sets[0]) : '',
    description: 'Mật ong từ hoa bạc hà cao nguyên đá', ingredients: 'Mật ong nguyên chất 100%', rawMaterialArea: 'Cao nguyên đá Đồng Văn',
    standard: 'TCCS 01:2024', status: PRODUCT_STATUS_LABELS.draft,
  });
  productExample.font = example.font;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
