import { and, asc, eq, sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { adminUnitVersion, commune, province } from './geo.tables.js';

export async function currentVersion(db: Queryable) {
  const [v] = await db.select().from(adminUnitVersion).where(sql`${adminUnitVersion.validTo} IS NULL`).orderBy(asc(adminUnitVersion.validFrom)).limit(1);
  return v;
}

export function listProvinces(db: Queryable, q?: string) {
  return db.select().from(province)
    .where(q ? sql`name_fold LIKE '%' || f_unaccent(${q}) || '%'` : undefined)
    .orderBy(asc(province.code));
}

/** `q`: a name, diacritics ignored ("meo vac" finds "Xã Mèo Vạc"), or a code (digits: the communes whose code starts
 * with them), so a picker can show the name of a code it was given. `limit` keeps a picker's answer small. */
export function listCommunes(db: Queryable, provinceCode?: string, q?: string, limit?: number) {
  const byQ = !q ? undefined : /^\d+$/.test(q.trim()) ? sql`${commune.code} LIKE ${q.trim()} || '%'` : sql`name_fold LIKE '%' || f_unaccent(${q}) || '%'`;
  const rows = db.select().from(commune).where(and(provinceCode ? eq(commune.provinceCode, provinceCode) : undefined, byQ)).orderBy(asc(commune.code));
  return limit ? rows.limit(limit) : rows;
}

export async function getCommune(db: Queryable, code: string) {
  const [c] = await db.select().from(commune).where(eq(commune.code, code));
  return c;
}

export async function getProvince(db: Queryable, code: string) {
  const [p] = await db.select().from(province).where(eq(province.code, code));
  return p;
}

/** Communes in force whose name (or full name) matches, diacritics ignored, optionally inside one province. */
export async function findCommunesByName(db: Queryable, name: string, provinceCode?: string) {
  return (await query<{ code: string; province_code: string; full_name: string }>(db, sql`
    SELECT code, province_code, full_name FROM commune
    WHERE (name_fold = f_unaccent(${name}) OR f_unaccent(name) = f_unaccent(${name}))
      ${provinceCode ? sql`AND province_code = ${provinceCode}` : sql``}`));
}

/** Provinces whose name matches, diacritics and the "Tỉnh"/"Thành phố" prefix ignored. */
export async function findProvincesByName(db: Queryable, name: string) {
  return (await query<{ code: string; full_name: string }>(db, sql`
    SELECT code, full_name FROM province
    WHERE name_fold = f_unaccent(${name}) OR f_unaccent(name) = f_unaccent(${name})`));
}

/** District-era commune → communes in force. Names compare without diacritics or unit prefixes. */
export async function translateOldCommune(db: Queryable, old: { commune: string; district?: string; province?: string }) {
  const bare = (col: string) => sql.raw(`regexp_replace(${col}, '^(xa|phuong|thi tran|quan|huyen|thi xa|thanh pho|tinh) ', '')`);
  const arg = (v: string) => sql`regexp_replace(f_unaccent(${v}), '^(xa|phuong|thi tran|quan|huyen|thi xa|thanh pho|tinh) ', '')`;
  return (await query<{ code: string; full_name: string; province_code: string; province_name: string; old_name: string; old_district: string; old_province: string }>(db, sql`
    SELECT DISTINCT c.code, c.full_name, c.province_code, p.full_name AS province_name, m.old_name, m.old_district, m.old_province
    FROM commune_mapping m JOIN commune c ON c.code = m.new_code JOIN province p ON p.code = c.province_code
    WHERE ${bare('m.old_name_fold')} = ${arg(old.commune)}
      ${old.district ? sql`AND ${bare('m.old_district_fold')} = ${arg(old.district)}` : sql``}
      ${old.province ? sql`AND ${bare('m.old_province_fold')} = ${arg(old.province)}` : sql``}
    ORDER BY c.code LIMIT 20`));
}
