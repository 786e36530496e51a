// Synthetic registry data written by the database itself (generate_series), for the scale benchmark: a million
// products in about a minute where seedSynthetic's row batches from Node take minutes and the memory of every row.
// The shape follows src/cli/seed/generate.ts: entities spread over every province (a commune drawn in each), the
// same names, types and status shares; products over every product set, the food sets weighted, owned by approved
// entities, 55 % certified with 3-5 stars. Draws are hashes of the row number, so the data is the same on every
// run; updated times spread over three years (seedSynthetic's share one timestamp), as real records do.
import { sql } from 'drizzle-orm';
import { query, type Database } from '../src/app/db.js';
import { ENTITY_PREFIX, FAMILY, GIVEN, MIDDLE, PRODUCTS_BY_SHEET } from '../src/cli/seed/names.js';

const literal = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`;
/** A uniform draw in [0, 1) from row number `n` and a salt. */
const u = (n: string, salt: number) => `((hashint8(${n}::bigint * 7919 + ${salt}) & 2147483647)::float8 / 2147483648)`;
const pick = (arr: string, n: string, salt: number) => `(${arr})[1 + floor(${u(n, salt)} * cardinality(${arr}))::int]`;

const TYPES = ['htx', 'htx', 'htx', 'doanh_nghiep', 'doanh_nghiep', 'ho_kinh_doanh', 'ho_kinh_doanh', 'to_hop_tac', 'trang_trai'];

export async function seedSyntheticSql(database: Database, entities: number, products: number): Promise<void> {
  const [{ n: before }] = await query<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM entity`);
  const tag = `B${Number(before)}`;
  const prefixes = Object.fromEntries(Object.entries(ENTITY_PREFIX).map(([k, v]) => [k, literal(v)]));
  const products_ = Array.from({ length: 26 }, (_, i) => literal(PRODUCTS_BY_SHEET[i + 1]));
  // One pinned connection: the temporary tables live in its session.
  await database.session(async (run) => {
  await run(`DROP TABLE IF EXISTS seed_commune, seed_entity, seed_owner`);
  await run(`CREATE TEMP TABLE seed_commune AS
    SELECT province_code, array_agg(code ORDER BY code) AS codes, array_agg(name ORDER BY code) AS names,
      row_number() OVER (ORDER BY province_code) - 1 AS k
    FROM commune GROUP BY province_code`);
  // Entities: province i mod 34, a commune drawn in it.
  await run(`CREATE TEMP TABLE seed_entity AS
    SELECT i, gen_random_uuid() AS id, c.province_code,
      c.codes[1 + floor(${u('i', 1)} * cardinality(c.codes))::int] AS commune_code,
      c.names[1 + floor(${u('i', 1)} * cardinality(c.codes))::int] AS place,
      (${literal(TYPES)})[1 + floor(${u('i', 2)} * ${TYPES.length})::int] AS type,
      CASE WHEN ${u('i', 3)} < 0.92 THEN 'approved' WHEN ${u('i', 3)} < 0.97 THEN 'pending' ELSE 'refused' END AS status
    FROM generate_series(0, ${entities - 1}) AS i
    JOIN seed_commune c ON c.k = i % (SELECT count(*) FROM seed_commune)`);
  await run(`INSERT INTO entity (id, name, type, registration_number, registration_date, tax_code, address, commune_code, province_code,
      phone, representative, workers, local_workers, status, status_reason, created_at, updated_at)
    SELECT id,
      CASE type
        WHEN 'ho_kinh_doanh' THEN ${pick(prefixes.ho_kinh_doanh, 'i', 4)} || ' ' || ${pick(literal(FAMILY), 'i', 5)} || ' ' || ${pick(literal(MIDDLE), 'i', 6)} || ' ' || ${pick(literal(GIVEN), 'i', 7)}
        WHEN 'htx' THEN ${pick(prefixes.htx, 'i', 4)} || ' ' || place || ' ' || (i + 1)
        WHEN 'to_hop_tac' THEN ${pick(prefixes.to_hop_tac, 'i', 4)} || ' ' || place || ' ' || (i + 1)
        WHEN 'doanh_nghiep' THEN ${pick(prefixes.doanh_nghiep, 'i', 4)} || ' ' || place || ' ' || (i + 1)
        ELSE ${pick(prefixes.trang_trai, 'i', 4)} || ' ' || place || ' ' || (i + 1) END,
      type, '${tag}-' || province_code || lpad((i + 1)::text, 7, '0'),
      DATE '2010-01-01' + floor(${u('i', 8)} * 5400)::int,
      CASE WHEN type IN ('htx', 'doanh_nghiep') THEN (5000000000 + i)::text END,
      'Thôn ' || (1 + floor(${u('i', 9)} * 12)::int) || ', ' || place, commune_code, province_code,
      '09' || (10000000 + floor(${u('i', 10)} * 89999999)::int),
      jsonb_build_object('fullName', ${pick(literal(FAMILY), 'i', 5)} || ' ' || ${pick(literal(MIDDLE), 'i', 6)} || ' ' || ${pick(literal(GIVEN), 'i', 7)},
        'sex', CASE WHEN ${u('i', 11)} < 0.45 THEN 'female' ELSE 'male' END, 'ethnicity', 'Kinh', 'disability', false),
      3 + floor(${u('i', 12)} * 60)::int, 3, status,
      CASE WHEN status = 'refused' THEN 'Hồ sơ đăng ký kinh doanh chưa hợp lệ' END,
      now() - make_interval(secs => ${u('i', 13)} * 94608000), now() - make_interval(secs => ${u('i', 14)} * 94608000)
    FROM seed_entity`);
  // Owners: the first products take one entity each (every entity has a product); the rest go to approved entities.
  await run(`CREATE TEMP TABLE seed_owner AS SELECT row_number() OVER (ORDER BY i) - 1 AS k, i FROM seed_entity WHERE status = 'approved'`);
  await run(`CREATE INDEX ON seed_owner (k)`);
  const approved = `(SELECT count(*) FROM seed_owner)`;
  await run(`INSERT INTO product (id, code, entity_id, name, product_set, description, raw_material_area, standard, status, stars,
      province_code, commune_code, created_at, updated_at)
    SELECT gen_random_uuid(),
      e.province_code || '-' || e.commune_code || '-' || (coalesce(s.last_value, 0) + row_number() OVER (PARTITION BY e.commune_code ORDER BY j)) || '-2026',
      e.id, (CASE sheet ${products_.map((arr, i) => `WHEN ${i + 1} THEN ${pick(arr, 'j', 21)}`).join(' ')} END) || ' ' || e.place,
      sheet, 'Đặc sản của ' || e.place || ', sản xuất theo quy trình truyền thống.', (5 + floor(${u('j', 22)} * 200)::int) || ' ha tại ' || e.place,
      'TCCS 01:2024', st, CASE WHEN st = 'certified' THEN CASE WHEN ${u('j', 23)} < 0.6 THEN 3 WHEN ${u('j', 23)} < 0.95 THEN 4 ELSE 5 END END,
      e.province_code, e.commune_code,
      now() - make_interval(secs => ${u('j', 24)} * 94608000), now() - make_interval(secs => ${u('j', 25)} * 94608000)
    FROM (
      SELECT j,
        CASE WHEN j < 26 THEN j + 1 WHEN ${u('j', 26)} < 0.6 THEN 1 + floor(${u('j', 27)} * 13)::int ELSE 1 + floor(${u('j', 27)} * 26)::int END AS sheet,
        CASE WHEN j < ${entities} THEN j ELSE (SELECT o.i FROM seed_owner o WHERE o.k = floor(${u('j', 28)} * ${approved})::int) END AS owner
      FROM generate_series(0, ${products - 1}) AS j
    ) p
    JOIN seed_entity e ON e.i = p.owner
    LEFT JOIN commune_product_seq s ON s.commune_code = e.commune_code
    CROSS JOIN LATERAL (SELECT CASE WHEN e.status <> 'approved' THEN 'draft' WHEN ${u('j', 29)} < 0.55 THEN 'certified' WHEN ${u('j', 29)} < 0.85 THEN 'registered' ELSE 'draft' END AS st) x`);
  await run(`INSERT INTO commune_product_seq (commune_code, last_value)
    SELECT commune_code, count(*) FROM product GROUP BY commune_code
    ON CONFLICT (commune_code) DO UPDATE SET last_value = GREATEST(commune_product_seq.last_value, excluded.last_value)`);
  await run(`DROP TABLE seed_commune, seed_entity, seed_owner`);
  });
  await database.db.execute(sql`ANALYZE`);
}
