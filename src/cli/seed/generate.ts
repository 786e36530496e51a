// Deterministic registry data: `count` entities spread over every province, products over every product set.
import type { Representative } from '../../modules/registry/registry.tables.js';
import { ENTITY_PREFIX, ETHNICITIES, FAMILY, GIVEN, MIDDLE, PRODUCTS_BY_SHEET, prng } from './names.js';

export type Commune = { code: string; provinceCode: string; name: string };
type EntityType = 'htx' | 'to_hop_tac' | 'doanh_nghiep' | 'trang_trai' | 'ho_kinh_doanh';
const TYPES: EntityType[] = ['htx', 'htx', 'htx', 'doanh_nghiep', 'doanh_nghiep', 'ho_kinh_doanh', 'ho_kinh_doanh', 'to_hop_tac', 'trang_trai'];

export type GeneratedEntity = {
  id: string; name: string; type: EntityType; registrationNumber: string; registrationDate: string; taxCode: string | null;
  address: string; communeCode: string; provinceCode: string; phone: string; representative: Representative;
  workers: number; localWorkers: number; status: 'approved' | 'pending' | 'refused'; statusReason: string | null;
};
export type GeneratedProduct = {
  id: string; code: string; entityId: string; name: string; productSet: number; description: string;
  ingredients: string | null; rawMaterialArea: string; standard: string; status: 'draft' | 'registered' | 'certified';
  stars: number | null; provinceCode: string; communeCode: string;
};

/** A v4-shaped UUID from the PRNG, so ids are stable between runs. */
function uuid(r: ReturnType<typeof prng>) {
  const hex = Array.from({ length: 32 }, () => r.int(16).toString(16));
  hex[12] = '4';
  hex[16] = ((r.int(4) + 8)).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function generateRegistry(opts: { entities: number; products: number; communes: Commune[]; seed?: number; year?: number; startSequence?: Map<string, number> }) {
  const r = prng(opts.seed ?? 2026);
  const year = opts.year ?? 2026;
  const byProvince = new Map<string, Commune[]>();
  for (const c of opts.communes) byProvince.set(c.provinceCode, [...(byProvince.get(c.provinceCode) ?? []), c]);
  const provinces = [...byProvince.keys()].sort();
  const sequence = new Map(opts.startSequence ?? []);

  const entities: GeneratedEntity[] = [];
  for (let i = 0; i < opts.entities; i++) {
    const commune = r.pick(byProvince.get(provinces[i % provinces.length])!);
    const type = r.pick(TYPES);
    const sex = r.next() < 0.45 ? 'female' : 'male';
    const person = `${r.pick(FAMILY)} ${sex === 'female' ? 'Thị' : r.pick(MIDDLE)} ${r.pick(GIVEN)}`;
    const name = type === 'ho_kinh_doanh' ? `${r.pick(ENTITY_PREFIX[type])} ${person}` : `${r.pick(ENTITY_PREFIX[type])} ${commune.name}${i >= provinces.length ? ` ${i + 1}` : ''}`;
    const workers = 3 + r.int(60);
    const roll = r.next();
    entities.push({
      id: uuid(r), name, type,
      registrationNumber: type === 'doanh_nghiep' ? String(4_000_000_000 + i * 7919).padStart(10, '0') : `${commune.provinceCode}${String(i + 1).padStart(6, '0')}-${type.slice(0, 3).toUpperCase()}`,
      registrationDate: `${2010 + r.int(15)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`,
      taxCode: type === 'doanh_nghiep' || type === 'htx' ? String(5_000_000_000 + i * 104_729).slice(0, 10) : null,
      address: `Thôn ${1 + r.int(12)}, ${commune.name}`, communeCode: commune.code, provinceCode: commune.provinceCode,
      phone: `09${String(10_000_000 + r.int(89_999_999))}`,
      representative: { fullName: person, sex, ethnicity: r.pick(ETHNICITIES), disability: r.next() < 0.03, position: type === 'htx' ? 'Giám đốc HTX' : 'Chủ cơ sở' },
      workers, localWorkers: Math.round(workers * (0.5 + r.next() * 0.5)),
      status: roll < 0.92 ? 'approved' : roll < 0.97 ? 'pending' : 'refused',
      statusReason: roll >= 0.97 ? 'Hồ sơ đăng ký kinh doanh chưa hợp lệ' : null,
    });
  }

  const approved = entities.filter((e) => e.status === 'approved');
  const products: GeneratedProduct[] = [];
  for (let j = 0; j < opts.products; j++) {
    // Every product set appears; beyond that, the common food sets weigh more, as in the real programme.
    const sheet = j < 26 ? j + 1 : r.next() < 0.6 ? 1 + r.int(13) : 1 + r.int(26);
    const owner = j < entities.length ? entities[j] : r.pick(approved.length ? approved : entities);
    const base = r.pick(PRODUCTS_BY_SHEET[sheet]);
    const place = owner.address.split(', ').pop()!;
    const seq = (sequence.get(owner.communeCode) ?? 0) + 1;
    sequence.set(owner.communeCode, seq);
    const roll = r.next();
    const status = owner.status !== 'approved' ? 'draft' : roll < 0.55 ? 'certified' : roll < 0.85 ? 'registered' : 'draft';
    const starRoll = r.next();
    products.push({
      id: uuid(r), code: `${owner.provinceCode}-${owner.communeCode}-${seq}-${year - (status === 'certified' ? r.int(3) : 0)}`,
      entityId: owner.id, name: `${base} ${place}`, productSet: sheet,
      description: `${base} đặc sản của ${place}, sản xuất theo quy trình truyền thống, đạt tiêu chuẩn an toàn thực phẩm.`,
      ingredients: sheet <= 20 ? `Nguyên liệu chính: ${base.toLowerCase()} từ vùng nguyên liệu tại ${place}` : null,
      rawMaterialArea: `${5 + r.int(200)} ha tại ${place}`,
      standard: `TCCS ${String(1 + r.int(20)).padStart(2, '0')}:${2020 + r.int(6)}/${owner.type.toUpperCase()}`,
      status, stars: status === 'certified' ? (starRoll < 0.6 ? 3 : starRoll < 0.95 ? 4 : 5) : null,
      provinceCode: owner.provinceCode, communeCode: owner.communeCode,
    });
  }
  return { entities, products, sequence };
}
