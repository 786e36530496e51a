// Turns parsed rows into the plan the commit runs: create, update or leave unchanged, against what the database holds
// and what the officer may touch. Pure given the lookups (apart from yielding to the event loop between slices);
// every problem becomes an error on its row and column. A row finds its record by registration number (entities),
// by product code, else by entity + name + product set (products), so importing a workbook twice writes nothing the
// second time.
import type { Actor } from '../../../app/actor.js';
import type { Message } from '../../../app/errors.js';
import { canCreateEntity, canCreateProduct, canEditEntity, canEditProduct, canReadEntity } from '../registry.policy.js';
import { ENTITY_COLUMNS, PRODUCT_COLUMNS, bareCommune, bareProvince, type Column } from './columns.js';
import { nextTurn } from './next-turn.js';
import { entityChanges, possibleDuplicates, productChanges, productKey } from './compare.js';
import type { ImportError, PlannedRow, Totals } from './import.contract.js';
import { oldAddressKey, type CommuneInForce, type CommuneIndex, type ExistingEntity, type ExistingProduct, type OldTranslation } from './lookups.js';
import type { CommuneRef, ParsedEntity, ParsedProduct, ParsedWorkbook } from './parse-workbook.js';

export type Lookups = {
  communes: CommuneIndex;
  entities: Map<string, ExistingEntity>;
  products: Map<string, ExistingProduct>;
  /** The products of every entity the file names, by the entity's registration number. */
  productsByOwner: Map<string, ExistingProduct[]>;
  old: Map<string, OldTranslation>;
};

const col = (columns: readonly Column[], key: string) => columns.find((c) => c.key === key)!;
const err = (c: Column, code: string, message: Message): ImportError => ({ column: c.header, field: c.key, code, message });
const E = (key: string) => col(ENTITY_COLUMNS, key);
const P = (key: string) => col(PRODUCT_COLUMNS, key);

const outOfScope = (c: Column) => err(c, 'out_of_scope', { vi: 'Ngoài địa bàn bạn quản lý', en: 'Outside your area' });

/** The commune by code, else by name (+ province), else by the district-era address; exactly one commune in force. */
export function resolveCommune(place: CommuneRef, lookups: Lookups, actor: Actor): { commune?: CommuneInForce; error?: ImportError } {
  const { communes } = lookups;
  if (place.code) {
    const c = communes.byCode.get(place.code);
    return c ? { commune: c } : { error: err(E('communeCode'), 'unknown_commune', { vi: `Mã xã ${place.code} không có trong danh mục đơn vị hành chính hiện hành`, en: `Commune code ${place.code} is not in the administrative units in force` }) };
  }
  if (place.name) {
    let candidates = communes.byName.get(bareCommune(place.name)) ?? [];
    if (place.province) {
      const provinceCode = communes.provinceByName.get(bareProvince(place.province));
      if (!provinceCode) return { error: err(E('provinceName'), 'unknown_province', { vi: `Không có tỉnh/thành phố "${place.province}"`, en: `No province named "${place.province}"` }) };
      candidates = candidates.filter((c) => c.provinceCode === provinceCode);
    } else if (candidates.length > 1 && actor.kind === 'user' && actor.provinceCode) {
      // An officer imports inside their own province: the name is read there first.
      const own = candidates.filter((c) => c.provinceCode === actor.provinceCode);
      if (own.length === 1) candidates = own;
    }
    if (candidates.length === 1) return { commune: candidates[0] };
    if (!candidates.length) return { error: err(E('communeName'), 'unknown_commune_name', { vi: `Không có xã/phường "${place.name}"${place.province ? ` ở ${place.province}` : ''}`, en: `No commune named "${place.name}"${place.province ? ` in ${place.province}` : ''}` }) };
    const where = candidates.slice(0, 5).map((c) => `${c.fullName} (${communes.provinceName.get(c.provinceCode)})`).join('; ');
    return { error: err(E('communeName'), 'ambiguous_commune_name', { vi: `Có nhiều xã/phường tên "${place.name}": ${where}; hãy ghi thêm Tỉnh/Thành phố hoặc Mã xã`, en: `Several communes are named "${place.name}": ${where}; add the province or the commune code` }) };
  }
  if (place.oldCommune) {
    const found = lookups.old.get(oldAddressKey({ commune: place.oldCommune, district: place.oldDistrict, province: place.oldProvince })) ?? [];
    const codes = [...new Set(found.map((f) => f.code))];
    const old = [place.oldCommune, place.oldDistrict, place.oldProvince].filter(Boolean).join(', ');
    if (codes.length === 1) return { commune: lookups.communes.byCode.get(codes[0]) };
    if (!codes.length) return { error: err(E('oldCommune'), 'unknown_old_commune', { vi: `Không tìm thấy đơn vị cũ "${old}" trong bảng chuyển đổi sau 1/7/2025`, en: `"${old}" is not in the table of district-era units` }) };
    const where = found.slice(0, 5).map((f) => `${f.fullName}, ${f.provinceName} (từ ${f.oldDistrict})`).join('; ');
    return { error: err(E('oldCommune'), 'ambiguous_old_commune', { vi: `Địa chỉ cũ "${old}" ứng với nhiều xã hiện nay: ${where}; hãy ghi Huyện cũ hoặc Mã xã`, en: `The old address "${old}" maps to several communes in force: ${where}; add the old district or the commune code` }) };
  }
  return {};
}

/** What an entity of the file will look like after the commit, for the products that name it. */
type Owner = { id: string; provinceCode: string; communeCode: string; status: string; row?: number; valid: boolean };

function planEntity(p: ParsedEntity, lookups: Lookups, actor: Actor, owners: Map<string, Owner>): PlannedRow {
  const errors = [...p.errors];
  const placeColumn = p.place.code ? E('communeCode') : p.place.name ? E('communeName') : E('oldCommune');
  const { commune, error } = resolveCommune(p.place, lookups, actor);
  if (error) errors.push(error);
  const existing = p.registrationNumber ? lookups.entities.get(p.registrationNumber) : undefined;
  if (existing && !canEditEntity(actor, existing)) {
    errors.push(err(E('registrationNumber'), 'registration_number_taken', { vi: 'Số ĐKKD này đã thuộc một chủ thể ngoài địa bàn bạn quản lý', en: 'This registration number belongs to an entity outside your area' }));
  } else if (commune) {
    const at = { provinceCode: commune.provinceCode, communeCode: commune.code };
    const allowed = existing ? canEditEntity(actor, { ...existing, ...at }) : canCreateEntity(actor, at);
    if (!allowed) errors.push(outOfScope(placeColumn));
  }
  const valid = !errors.length && !!p.fields && !!commune;
  if (p.registrationNumber && !owners.has(p.registrationNumber)) {
    owners.set(p.registrationNumber, {
      id: existing?.id ?? '', provinceCode: commune?.provinceCode ?? '', communeCode: commune?.code ?? '',
      status: existing?.status ?? 'approved', row: p.row, valid,
    });
  }
  const base = { row: p.row, sheet: p.sheet, kind: 'entity' as const, label: p.label, errors, changes: [], duplicates: [] };
  if (!valid) return { ...base, action: 'error' };
  const record = { ...p.fields!, communeCode: commune!.code, provinceCode: commune!.provinceCode };
  const changes = existing ? entityChanges(record, existing) : [];
  return {
    ...base, action: !existing ? 'create' : changes.length ? 'update' : 'unchanged', changes,
    plan: { kind: 'entity', record, targetId: existing?.id, version: existing?.version },
  };
}

const CERTIFICATE_STATUSES = ['certified', 'expired', 'revoked'];
const statusByCertificate = () => err(P('status'), 'status_set_by_certificate', { vi: 'Trạng thái Đã chứng nhận, Hết hạn, Đã thu hồi do giấy chứng nhận quyết định; chỉ ghi Nháp hoặc Đã đăng ký', en: 'Certified, expired and revoked follow the certificate; write Nháp or Đã đăng ký' });

function planProduct(p: ParsedProduct, lookups: Lookups, actor: Actor, owners: Map<string, Owner>): PlannedRow {
  const errors = [...p.errors];
  let owner: Owner | undefined = owners.get(p.ownerRegistration);
  if (owner && !owner.valid) {
    errors.push(err(P('ownerRegistration'), 'owner_row_invalid', { vi: `Chủ thể ở dòng ${owner.row} của trang "Chủ thể" đang có lỗi`, en: `The entity on row ${owner.row} of the entities sheet has errors` }));
  } else if (!owner && p.ownerRegistration) {
    const e = lookups.entities.get(p.ownerRegistration);
    if (e && canReadEntity(actor, e)) owner = { ...e, valid: true };
    else errors.push(err(P('ownerRegistration'), 'unknown_entity', { vi: `Không có chủ thể với Số ĐKKD ${p.ownerRegistration} trong tệp hay trong hệ thống`, en: `No entity with registration number ${p.ownerRegistration} in the file or the system` }));
  }
  // The product this row is: by its code, else (an owner already in the system) by name and product set.
  const siblings = owner?.valid && owner.id ? lookups.productsByOwner.get(p.ownerRegistration) ?? [] : [];
  const key = p.record && siblings.length ? productKey(p.ownerRegistration, p.record.name, p.record.productSet) : undefined;
  const existing = p.code ? lookups.products.get(p.code) : key ? siblings.find((s) => productKey(s.ownerRegistration, s.name, s.productSet) === key) : undefined;
  const changes = existing && p.record ? productChanges(p.record, existing) : [];
  if (p.code && !existing) {
    errors.push(err(P('code'), 'unknown_product_code', { vi: `Không có sản phẩm mã ${p.code}; để trống để tạo sản phẩm mới`, en: `No product with code ${p.code}; leave it empty to create a new product` }));
  } else if (existing) {
    // A row equal to its product changes nothing, so a revoked product read back from an export is no error.
    const revoked = existing.status === 'revoked' && canEditProduct(actor, { ...existing, status: 'draft' });
    if (!canEditProduct(actor, existing) && !(revoked && !changes.length)) {
      errors.push(revoked ? err(P('code'), 'product_revoked', { vi: 'Sản phẩm đã bị thu hồi, không sửa được', en: 'The product is revoked and cannot be changed' }) : outOfScope(P('code')));
    }
    if (p.ownerRegistration && existing.ownerRegistration !== p.ownerRegistration) {
      errors.push(err(P('ownerRegistration'), 'product_owner_mismatch', { vi: `Sản phẩm ${existing.code} thuộc chủ thể có Số ĐKKD ${existing.ownerRegistration}; không đổi chủ thể qua tệp nhập`, en: `Product ${existing.code} belongs to registration number ${existing.ownerRegistration}; the owner cannot change by import` }));
    }
    if (CERTIFICATE_STATUSES.includes(existing.status)) {
      if (p.status && p.status !== existing.status) errors.push(statusByCertificate());
      if (p.record && p.record.productSet !== existing.productSet) errors.push(err(P('productSet'), 'product_set_locked', { vi: 'Không đổi được bộ sản phẩm sau khi đã chứng nhận', en: 'The product set cannot change after certification' }));
    } else if (p.status && CERTIFICATE_STATUSES.includes(p.status)) errors.push(statusByCertificate());
  } else {
    if (p.status && CERTIFICATE_STATUSES.includes(p.status)) errors.push(statusByCertificate());
    if (owner?.valid && owner.status !== 'approved') {
      errors.push(err(P('ownerRegistration'), 'entity_not_approved', { vi: 'Chủ thể chưa được UBND xã phê duyệt nên chưa thể đăng ký sản phẩm', en: 'The entity is not yet approved by its commune, so it cannot register products' }));
    } else if (owner?.valid && !canCreateProduct(actor, owner)) errors.push(outOfScope(P('ownerRegistration')));
  }
  const duplicates = !existing && p.record ? possibleDuplicates(p.record, siblings) : [];
  const base = { row: p.row, sheet: p.sheet, kind: 'product' as const, label: p.label, errors, changes: [], duplicates };
  if (errors.length || !p.record) return { ...base, action: 'error' };
  return {
    ...base, action: !existing ? 'create' : changes.length ? 'update' : 'unchanged', changes,
    plan: { kind: 'product', record: p.record, ownerRegistration: p.ownerRegistration, targetId: existing?.id, version: existing?.version, nameKey: existing ? undefined : key },
  };
}

/** Rows planned between two yields to the event loop (a 20,000-row file must not hold the server). */
const ROWS_PER_SLICE = 50;

export function countRows(rows: Pick<PlannedRow, 'action' | 'duplicates'>[]): Totals {
  const totals: Totals = { rows: rows.length, create: 0, update: 0, unchanged: 0, duplicates: 0, errors: 0 };
  for (const r of rows) {
    if (r.action === 'error') totals.errors++;
    else totals[r.action]++;
    if (r.duplicates.length) totals.duplicates++;
  }
  return totals;
}

export async function planRows(parsed: ParsedWorkbook, lookups: Lookups, actor: Actor): Promise<{ rows: PlannedRow[]; totals: Totals }> {
  const owners = new Map<string, Owner>();
  const rows: PlannedRow[] = [];
  for (const [i, p] of parsed.entities.entries()) {
    if (i % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await nextTurn();
    rows.push(planEntity(p, lookups, actor, owners));
  }
  for (const [i, p] of parsed.products.entries()) {
    if (i % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await nextTurn();
    rows.push(planProduct(p, lookups, actor, owners));
  }
  return { rows, totals: countRows(rows) };
}
