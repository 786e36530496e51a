// Test and benchmark helpers: workbooks written the way an officer fills the template, and multipart uploads.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { ENTITY_COLUMNS, ENTITY_SHEET, PRODUCT_COLUMNS, PRODUCT_SHEET } from './columns.js';

export type SheetRow = Record<string, string | number | Date | null | undefined>;

/** A workbook with the template's headers and the given rows, keyed by Vietnamese header. */
export async function workbook(entities: SheetRow[], products: SheetRow[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, headers: string[], rows: SheetRow[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(headers);
    for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  };
  add(ENTITY_SHEET, ENTITY_COLUMNS.map((c) => c.header), entities);
  add(PRODUCT_SHEET, PRODUCT_COLUMNS.map((c) => c.header), products);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const registration = () => `47${randomBytes(4).readUInt32BE(0).toString().padStart(8, '0')}`;

/** A valid entity row in the given commune; override any cell by its header. */
export function entityRow(communeCode: string | null, overrides: SheetRow = {}): SheetRow {
  return {
    'Số ĐKKD': registration(), 'Tên chủ thể': 'HTX Chè Shan tuyết', 'Loại hình': 'Hợp tác xã', 'Ngày ĐKKD': '15/03/2019',
    'Địa chỉ': 'Thôn Tả Chải', 'Mã xã': communeCode, 'Điện thoại': '0912345678', 'Người đại diện': 'Sùng Thị Mỷ',
    'Giới tính': 'Nữ', 'Dân tộc': 'Mông', 'Khuyết tật (Có/Không)': 'Không', 'Số lao động': 20, 'Lao động địa phương': 18,
    ...overrides,
  };
}

export function productRow(ownerRegistration: string, overrides: SheetRow = {}): SheetRow {
  return {
    'Số ĐKKD chủ thể': ownerRegistration, 'Tên sản phẩm': 'Chè Shan tuyết cổ thụ', 'Bộ sản phẩm': 11, 'Mô tả': 'Chè búp',
    'Trạng thái': 'Nháp', ...overrides,
  };
}

/** A multipart/form-data body with one file in the field "file". */
export function multipart(bytes: Buffer, fileName = 'danh-sach.xlsx', field = 'file') {
  const boundary = `----ocop${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
