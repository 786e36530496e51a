// The spreadsheet layout shared by the template, the parser and the export: sheet names, Vietnamese headers and the
// labels people type instead of codes. An export uses the same headers, so it can be edited and imported back.
import type { ENTITY_TYPES, PRODUCT_STATUSES } from '../registry.tables.js';

export const ENTITY_SHEET = 'Chủ thể';
export const PRODUCT_SHEET = 'Sản phẩm';
export const LISTS_SHEET = 'Danh mục';

/** `aliases`: other spellings a header may have (another language's, a short form); compared folded like the header. */
export type Column = { key: string; header: string; width: number; required?: boolean; text?: boolean; aliases?: readonly string[] };

export const ENTITY_COLUMNS = [
  { key: 'registrationNumber', header: 'Số ĐKKD', width: 16, required: true, text: true },
  { key: 'name', header: 'Tên chủ thể', width: 36, required: true },
  { key: 'type', header: 'Loại hình', width: 16, required: true },
  { key: 'registrationDate', header: 'Ngày ĐKKD', width: 12 },
  { key: 'taxCode', header: 'Mã số thuế', width: 14, text: true },
  { key: 'address', header: 'Địa chỉ', width: 30, required: true },
  { key: 'communeCode', header: 'Mã xã', width: 8, text: true },
  { key: 'communeName', header: 'Tên xã', width: 18 },
  { key: 'provinceName', header: 'Tỉnh/Thành phố', width: 18 },
  { key: 'oldCommune', header: 'Xã cũ (trước 7/2025)', width: 18 },
  { key: 'oldDistrict', header: 'Huyện cũ', width: 16 },
  { key: 'oldProvince', header: 'Tỉnh cũ', width: 16 },
  { key: 'phone', header: 'Điện thoại', width: 14, text: true },
  { key: 'email', header: 'Email', width: 24 },
  { key: 'representative.fullName', header: 'Người đại diện', width: 22, required: true },
  { key: 'representative.sex', header: 'Giới tính', width: 9, required: true },
  { key: 'representative.ethnicity', header: 'Dân tộc', width: 10, required: true },
  { key: 'representative.disability', header: 'Khuyết tật (Có/Không)', width: 12 },
  { key: 'workers', header: 'Số lao động', width: 10 },
  { key: 'localWorkers', header: 'Lao động địa phương', width: 12 },
] as const satisfies readonly Column[];

export const PRODUCT_COLUMNS = [
  { key: 'code', header: 'Mã sản phẩm', width: 20, text: true },
  { key: 'ownerRegistration', header: 'Số ĐKKD chủ thể', width: 16, required: true, text: true },
  { key: 'name', header: 'Tên sản phẩm', width: 36, required: true },
  { key: 'productSet', header: 'Bộ sản phẩm', width: 34, required: true },
  { key: 'description', header: 'Mô tả', width: 40 },
  { key: 'ingredients', header: 'Thành phần', width: 30 },
  { key: 'rawMaterialArea', header: 'Vùng nguyên liệu', width: 24 },
  { key: 'standard', header: 'Tiêu chuẩn công bố', width: 22 },
  { key: 'status', header: 'Trạng thái', width: 14 },
] as const satisfies readonly Column[];

export type EntityKey = (typeof ENTITY_COLUMNS)[number]['key'];
export type ProductKey = (typeof PRODUCT_COLUMNS)[number]['key'];

export const ENTITY_TYPE_LABELS: Record<(typeof ENTITY_TYPES)[number], string> = {
  htx: 'Hợp tác xã', to_hop_tac: 'Tổ hợp tác', doanh_nghiep: 'Doanh nghiệp', trang_trai: 'Trang trại', ho_kinh_doanh: 'Hộ kinh doanh',
};
/** Short forms officers use in their own lists. */
export const ENTITY_TYPE_ALIASES: Record<string, (typeof ENTITY_TYPES)[number]> = {
  htx: 'htx', tht: 'to_hop_tac', dn: 'doanh_nghiep', 'cong ty': 'doanh_nghiep', hkd: 'ho_kinh_doanh', 'ho san xuat': 'ho_kinh_doanh',
  'co so san xuat': 'ho_kinh_doanh',
};
export const PRODUCT_STATUS_LABELS: Record<(typeof PRODUCT_STATUSES)[number], string> = {
  draft: 'Nháp', registered: 'Đã đăng ký', certified: 'Đã chứng nhận', expired: 'Hết hạn', revoked: 'Đã thu hồi',
};
export const ENTITY_STATUS_LABELS = { pending: 'Chờ duyệt', approved: 'Đã duyệt', refused: 'Bị từ chối' } as const;
export const SEX_LABELS = { male: 'Nam', female: 'Nữ' } as const;
export const YES = 'Có';
export const NO = 'Không';

/** How a product set appears in a cell and in the dropdown: its sheet number, then its name. */
export const productSetLabel = (s: { sheet: number; name: string }) => `${s.sheet} - ${s.name}`;

/**
 * The example row: its first cell starts with "VD" (ví dụ), e.g. "VD: 4700123456" or "VD". The parser skips such rows,
 * wherever they are. No real registration number or product code starts with "VD".
 */
export const EXAMPLE_MARK = 'VD';
export const isExampleMark = (first: string) => /^vd(?![0-9a-z])/i.test(first.trim());

/** Folds text for comparing what people type: no diacritics, đ→d, lower case, single spaces. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd')
    .toLowerCase().replace(/\s+/g, ' ').trim();
}
/** A commune's name without its unit word: "Xã Mèo Vạc", "xa meo vac" and "Mèo Vạc" all give "meo vac". */
export const bareCommune = (s: string) => fold(s).replace(/^(xa|phuong|thi tran|dac khu)\s+/, '');
/** A province's name without its unit word: "Tỉnh Tuyên Quang", "TP. Hồ Chí Minh", "Thành phố Huế". */
export const bareProvince = (s: string) => fold(s).replace(/^(tinh|thanh pho|tp\.?)\s*/, '');
