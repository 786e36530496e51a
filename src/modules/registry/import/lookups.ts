// Everything the preview checks against the database, fetched in a handful of queries for the whole file:
// the communes in force and provinces (once), the entities and products the file names (one query each), and the
// district-era addresses (all distinct ones in one query, matched as geo's translateOldCommune does).
import { eq, sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../../app/db.js';
import { entity, product } from '../registry.tables.js';
import { bareCommune, bareProvince, fold } from './columns.js';
import { nextTurn } from './next-turn.js';

export type CommuneInForce = { code: string; provinceCode: string; fullName: string };
export type CommuneIndex = {
  byCode: Map<string, CommuneInForce>;
  byName: Map<string, CommuneInForce[]>;
  provinceByName: Map<string, string>;
  provinceName: Map<string, string>;
};

export async function communeIndex(db: Queryable): Promise<CommuneIndex> {
  const communes = await query<{ code: string; province_code: string; full_name: string }>(db, sql`
    SELECT c.code, c.province_code, c.full_name FROM commune c
    JOIN admin_unit_version v ON v.id = c.version_id WHERE v.valid_to IS NULL`);
  const provinces = await query<{ code: string; name: string; full_name: string }>(db, sql`SELECT code, name, full_name FROM province`);
  const byCode = new Map<string, CommuneInForce>();
  const byName = new Map<string, CommuneInForce[]>();
  for (const c of communes) {
    const row = { code: c.code, provinceCode: c.province_code, fullName: c.full_name };
    byCode.set(c.code, row);
    const key = bareCommune(c.full_name);
    byName.set(key, [...(byName.get(key) ?? []), row]);
  }
  const provinceByName = new Map<string, string>();
  for (const p of provinces) {
    provinceByName.set(bareProvince(p.full_name), p.code);
    provinceByName.set(bareProvince(p.name), p.code);
  }
  return { byCode, byName, provinceByName, provinceName: new Map(provinces.map((p) => [p.code, p.full_name])) };
}

const jsonList = (values: string[]) => sql`(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/** Values per lookup query: each query is short, and the server answers others between two (the embedded engine
 * runs a query on the main thread). */
const PER_QUERY = 500;
async function inParts<T>(values: string[], run: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += PER_QUERY) {
    if (i) await nextTurn();
    out.push(...await run(values.slice(i, i + PER_QUERY)));
  }
  return out;
}

const entityFields = {
  id: entity.id, registrationNumber: entity.registrationNumber, provinceCode: entity.provinceCode, communeCode: entity.communeCode,
  status: entity.status, version: entity.version, name: entity.name, type: entity.type, registrationDate: entity.registrationDate,
  taxCode: entity.taxCode, address: entity.address, phone: entity.phone, email: entity.email, representative: entity.representative,
  workers: entity.workers, localWorkers: entity.localWorkers,
};
/** An entity as the import compares it with a row: its identity, scope and version, and the fields the sheet has. */
export type ExistingEntity = Pick<typeof entity.$inferSelect, keyof typeof entityFields>;

export async function entitiesByRegistration(db: Queryable, numbers: string[]): Promise<Map<string, ExistingEntity>> {
  const rows = await inParts(numbers, (part) => db.select(entityFields).from(entity).where(sql`${entity.registrationNumber} IN ${jsonList(part)}`));
  return new Map(rows.map((r) => [r.registrationNumber, r]));
}

const productFields = {
  id: product.id, code: product.code, entityId: product.entityId, status: product.status, productSet: product.productSet,
  version: product.version, provinceCode: product.provinceCode, communeCode: product.communeCode, ownerRegistration: entity.registrationNumber,
  name: product.name, description: product.description, ingredients: product.ingredients, rawMaterialArea: product.rawMaterialArea,
  standard: product.standard,
};
/** A product as the import compares it with a row, with its owner's registration number. */
export type ExistingProduct = Pick<typeof product.$inferSelect, Exclude<keyof typeof productFields, 'ownerRegistration'>> & { ownerRegistration: string };

export async function productsByCode(db: Queryable, codes: string[]): Promise<Map<string, ExistingProduct>> {
  const rows = await inParts(codes, (part) => db.select(productFields).from(product).innerJoin(entity, eq(entity.id, product.entityId))
    .where(sql`${product.code} IN ${jsonList(part)}`));
  return new Map(rows.map((r) => [r.code, r]));
}

/** Every product of the entities the file names, by owner's registration number: a row without a product code is
 * matched among them by name and product set, and compared with the others for possible duplicates. */
export async function productsByOwner(db: Queryable, registrations: string[]): Promise<Map<string, ExistingProduct[]>> {
  const rows = await inParts(registrations, (part) => db.select(productFields).from(product).innerJoin(entity, eq(entity.id, product.entityId))
    .where(sql`${entity.registrationNumber} IN ${jsonList(part)}`).orderBy(product.code));
  const out = new Map<string, ExistingProduct[]>();
  for (const r of rows) out.set(r.ownerRegistration, [...(out.get(r.ownerRegistration) ?? []), r]);
  return out;
}

export type OldAddress = { commune: string; district?: string; province?: string };
export const oldAddressKey = (a: OldAddress) => [a.commune, a.district ?? '', a.province ?? ''].map(fold).join('|');
export type OldTranslation = { code: string; fullName: string; provinceName: string; oldDistrict: string }[];

/**
 * Translates every distinct district-era address of the file in one query. The matching is geo's
 * translateOldCommune (names without diacritics or unit words, optional district and province), set-based: one
 * call per address costs ~50 ms on the embedded engine, far too slow for a province's list of old addresses.
 * lookups.test.ts checks that both give the same communes.
 */
export async function translateOldAddresses(db: Queryable, addresses: OldAddress[]): Promise<Map<string, OldTranslation>> {
  const wanted = new Map<string, OldAddress>();
  for (const a of addresses) wanted.set(oldAddressKey(a), a);
  const out = new Map<string, OldTranslation>([...wanted.keys()].map((k) => [k, []]));
  if (!wanted.size) return out;
  const json = JSON.stringify([...wanted].map(([key, a]) => ({ key, commune: a.commune, district: a.district ?? null, province: a.province ?? null })));
  const bare = (v: SQL) => sql`regexp_replace(${v}, '^(xa|phuong|thi tran|quan|huyen|thi xa|thanh pho|tinh) ', '')`;
  const rows = await query<{ key: string; code: string; full_name: string; province_name: string; old_district: string }>(db, sql`
    WITH w AS (
      SELECT x.key, ${bare(sql`f_unaccent(x.commune)`)} AS n, ${bare(sql`f_unaccent(x.district)`)} AS d, ${bare(sql`f_unaccent(x.province)`)} AS p
      FROM jsonb_to_recordset(${json}::jsonb) AS x(key text, commune text, district text, province text)
    ), m AS (
      SELECT new_code, old_district, ${bare(sql`old_name_fold`)} AS n, ${bare(sql`old_district_fold`)} AS d, ${bare(sql`old_province_fold`)} AS p
      FROM commune_mapping
    )
    SELECT DISTINCT w.key, c.code, c.full_name, pr.full_name AS province_name, m.old_district
    FROM w JOIN m ON m.n = w.n AND (w.d IS NULL OR m.d = w.d) AND (w.p IS NULL OR m.p = w.p)
    JOIN commune c ON c.code = m.new_code JOIN province pr ON pr.code = c.province_code
    ORDER BY w.key, c.code`);
  for (const r of rows) out.get(r.key)!.push({ code: r.code, fullName: r.full_name, provinceName: r.province_name, oldDistrict: r.old_district });
  return out;
}
