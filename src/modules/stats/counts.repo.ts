// The dashboards' counts (migrations/0024_stats_counts.sql, 0038_dash_dated.sql): per commune and per province, as of
// one day, with the later days on which they change by the date alone (dated changes); made current before a read:
// the changes due are applied on a new day, the communes a write has marked (triggers, in the write's transaction) are
// recounted alone, everything only when never counted or for a new list of modern channel types. The definitions live here once: a commune's figures are these queries grouped by
// commune, a province's the sum of its communes', the nation's the sum of the provinces'.
//
// "OCOP entity": a published (approved) entity holding at least one certificate in force today — stored valid, not
// past its expiry, or kept in force by a pending late re-rating (Điều 12.3; scoring's certificateStatusIs). A valid
// certificate implies a published product (certification sets the product 'certified', which never goes back to
// draft), so the product table is read only for its sector.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db, type Queryable } from '../../app/db.js';
import { addDays, certificate, certificateLastDayInForce, certificateStatusIs } from '../scoring/index.js';
import { recountNeeded, type CountState } from './stats.rules.js';

export type Area = { province?: string; commune?: string };
export type Figure = 'ocop' | 'modern' | 'stars' | 'sector' | 'type' | 'sex' | 'ethnicity' | 'disability' | 'in_force' | 'expiring' | 'issued'
  | 'recognised_stars' | 'recognised_sector';
export type CountRow = { figure: Figure; key: string | null; n: number };

/** Beyond this many dirty communes, recounting everything is cheaper than a long list. */
const PARTIAL_LIMIT = 300;
/** Serialises recounts (two readers never recount the same communes at once). */
const RECOUNT_LOCK = 0x0c0913;

const list = (xs: string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

/** The communes' figures on `today`, as rows (commune_code, province_code, figure, key, n) of stats_commune_count;
 * every commune when `communes` is undefined. */
export function countsSql(communes: string[] | undefined, today: string, horizon: string, modern: string[]): SQL {
  const only = communes ? sql`AND e.commune_code IN (${list(communes)})` : sql``;
  const modernTypes = modern.length ? list(modern) : sql`NULL`;
  return sql`WITH ocop AS (
      SELECT e.id, e.commune_code, e.province_code FROM entity e
      WHERE e.status = 'approved' ${only} AND EXISTS (SELECT 1 FROM ${certificate} WHERE ${certificate.entityId} = e.id AND ${certificateStatusIs('valid', today)})
    ), certs AS (
      SELECT e.commune_code, e.province_code, ${certificate.stars} AS stars, ${certificate.productId} AS product_id, e.status
      FROM ${certificate} JOIN entity e ON e.id = ${certificate.entityId}
      WHERE ${certificateStatusIs('valid', today)} ${only}
    )
    SELECT commune_code, province_code, 'ocop', NULL, count(*) FROM ocop GROUP BY 1, 2
    UNION ALL
    SELECT commune_code, province_code, 'modern', NULL, count(*) FROM ocop o
      WHERE EXISTS (SELECT 1 FROM sales_channel s WHERE s.entity_id = o.id AND s.status = 'verified' AND s.type IN (${modernTypes})
        AND s.starts_on <= ${today} AND (s.ends_on IS NULL OR s.ends_on >= ${today}))
      GROUP BY 1, 2
    UNION ALL
    SELECT commune_code, province_code, 'stars', stars::text, count(*) FROM certs WHERE status = 'approved' GROUP BY 1, 2, 4
    UNION ALL
    SELECT c.commune_code, c.province_code, 'sector', ps.sector_code, count(*) FROM certs c
      JOIN product p ON p.id = c.product_id JOIN product_set ps ON ps.sheet = p.product_set WHERE c.status = 'approved' GROUP BY 1, 2, 4
    UNION ALL
    SELECT commune_code, province_code, 'in_force', NULL, count(*) FROM certs GROUP BY 1, 2
    UNION ALL
    SELECT e.commune_code, e.province_code, 'expiring', NULL, count(*) FROM ${certificate} JOIN entity e ON e.id = ${certificate.entityId}
      WHERE ${certificate.status} = 'valid' AND ${certificate.expiresOn} BETWEEN ${today} AND ${horizon} ${only} GROUP BY 1, 2
    UNION ALL
    SELECT e.commune_code, e.province_code, 'issued', to_char(${certificate.issuedOn}, 'YYYY-MM'), count(*) FROM ${certificate} JOIN entity e ON e.id = ${certificate.entityId}
      WHERE TRUE ${only} GROUP BY 1, 2, 4
    UNION ALL
    SELECT e.commune_code, e.province_code, 'recognised_stars', to_char(${certificate.issuedOn}, 'YYYY-MM') || '|' || ${certificate.stars}, count(*)
      FROM ${certificate} JOIN entity e ON e.id = ${certificate.entityId}
      WHERE e.status = 'approved' ${only} GROUP BY 1, 2, 4
    UNION ALL
    SELECT e.commune_code, e.province_code, 'recognised_sector', to_char(${certificate.issuedOn}, 'YYYY-MM') || '|' || ps.sector_code, count(*)
      FROM ${certificate} JOIN entity e ON e.id = ${certificate.entityId} JOIN product p ON p.id = ${certificate.productId} JOIN product_set ps ON ps.sheet = p.product_set
      WHERE e.status = 'approved' ${only} GROUP BY 1, 2, 4
    UNION ALL
    SELECT e.commune_code, e.province_code, f.figure, f.key, count(*) FROM entity e
      CROSS JOIN LATERAL (VALUES ('type', e.type), ('sex', e.representative->>'sex'), ('ethnicity', e.representative->>'ethnicity'),
        ('disability', e.representative->>'disability')) f (figure, key)
      WHERE e.status = 'approved' ${only} GROUP BY 1, 2, 3, 4`;
}

/** The days after `today` on which the communes' figures counted by `countsSql` on `today` change, and by how much:
 * rows (commune_code, province_code, figure, key, on_day, n) of stats_commune_change. What moves with the date alone:
 * a certificate leaves in_force (stars, sector) the day after its last day in force (its expiry, or the end of a
 * pending late re-rating's grace); it enters "expiring" `horizonDays` before its expiry and leaves it the day after;
 * an entity leaves ocop the day after its last certificate's last day; it enters or leaves modern on the days one of
 * its verified modern channels starts or ends, or it leaves ocop (the share is counted on each such day, before and
 * after). Anything else changes by a write, which marks its commune for a recount. */
export function changesSql(communes: string[] | undefined, today: string, horizonDays: number, graceDays: number, modern: string[]): SQL {
  const only = communes ? sql`AND e.commune_code IN (${list(communes)})` : sql``;
  const modernTypes = modern.length ? list(modern) : sql`NULL`;
  const t = sql`${today}::date`;
  // Whether a channel of the entity (joined, then aggregated with bool_or) is current on a day.
  const current = (day: SQL) => sql`(mch.starts_on <= ${day} AND (mch.ends_on IS NULL OR mch.ends_on >= ${day}))`;
  return sql`WITH valid AS (
      SELECT e.id AS entity_id, e.commune_code, e.province_code, e.status, ${certificate.stars} AS stars, ${certificate.productId} AS product_id,
        ${certificate.expiresOn} AS expires_on, ${certificateLastDayInForce()} AS last_day
      FROM ${certificate} JOIN entity e ON e.id = ${certificate.entityId}
      WHERE ${certificate.status} = 'valid' AND ${certificate.expiresOn} >= ${t} - ${graceDays}::int ${only}
    ), live AS (
      SELECT * FROM valid WHERE last_day >= ${t}
    ), ent AS (
      SELECT entity_id, commune_code, province_code, max(last_day) AS last_day FROM live WHERE status = 'approved' GROUP BY 1, 2, 3
    ), mch AS (
      SELECT s.entity_id, s.starts_on, s.ends_on FROM sales_channel s JOIN ent ON ent.entity_id = s.entity_id
      WHERE s.status = 'verified' AND s.type IN (${modernTypes}) AND (s.ends_on IS NULL OR s.ends_on >= ${t})
    ), cand AS (
      SELECT DISTINCT ent.entity_id, ent.commune_code, ent.province_code, ent.last_day, v.day FROM ent JOIN mch ON mch.entity_id = ent.entity_id
        CROSS JOIN LATERAL (VALUES (mch.starts_on), (mch.ends_on + 1), (ent.last_day + 1)) v (day)
      WHERE v.day > ${t} AND v.day <= ent.last_day + 1
    ), flips AS (
      SELECT cand.commune_code, cand.province_code, cand.day,
        (CASE WHEN cand.day <= cand.last_day AND bool_or(${current(sql`cand.day`)}) THEN 1 ELSE 0 END) - (CASE WHEN bool_or(${current(sql`cand.day - 1`)}) THEN 1 ELSE 0 END) AS n
      FROM cand JOIN mch ON mch.entity_id = cand.entity_id
      GROUP BY cand.entity_id, cand.commune_code, cand.province_code, cand.last_day, cand.day
    ), changes (commune_code, province_code, figure, key, on_day, n) AS (
      SELECT commune_code, province_code, 'in_force', NULL::text, last_day + 1, -1 FROM live
      UNION ALL
      SELECT commune_code, province_code, 'stars', stars::text, last_day + 1, -1 FROM live WHERE status = 'approved'
      UNION ALL
      SELECT l.commune_code, l.province_code, 'sector', ps.sector_code, l.last_day + 1, -1 FROM live l
        JOIN product p ON p.id = l.product_id JOIN product_set ps ON ps.sheet = p.product_set WHERE l.status = 'approved'
      UNION ALL
      SELECT commune_code, province_code, 'expiring', NULL, v.day, v.n FROM valid
        CROSS JOIN LATERAL (VALUES (expires_on - ${horizonDays}::int, 1), (expires_on + 1, -1)) v (day, n)
      WHERE expires_on >= ${t} AND v.day > ${t}
      UNION ALL
      SELECT commune_code, province_code, 'ocop', NULL, last_day + 1, -1 FROM ent
      UNION ALL
      SELECT commune_code, province_code, 'modern', NULL, day, n FROM flips WHERE n <> 0
    )
    SELECT commune_code, province_code, figure, key, on_day, sum(n)::int FROM changes GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0`;
}

/** Adds rows (province_code, figure, key, n) to the provinces' counts, dropping those brought to zero. */
const addToProvinces = (rows: SQL) => sql`INSERT INTO stats_province_count (province_code, figure, key, n)
  SELECT province_code, figure, key, sum(n) FROM (${rows}) r GROUP BY 1, 2, 3 HAVING sum(n) <> 0
  ON CONFLICT (province_code, figure, key) DO UPDATE SET n = stats_province_count.n + EXCLUDED.n`;

/** Makes the counts true for `today` and `modern` (a no-op, one cheap read, when nothing was written since): on a new
 * day the changes due by then are applied; the communes a write marked are recounted alone, their provinces adjusted
 * by the difference; never counted, or another list of modern types, everything is recounted. */
export async function ensureCounts(db: Db, today: string, horizonDays: number, graceDays: number, modern: string[]): Promise<void> {
  const horizon = addDays(today, horizonDays);
  const state = async (q: Queryable) => (await query<CountState>(q, sql`SELECT to_char(as_of, 'YYYY-MM-DD') AS "asOf", modern_types AS "modernTypes",
    EXISTS (SELECT 1 FROM stats_dirty) AS dirty FROM stats_count_state`))[0];
  if (recountNeeded(await state(db), today, modern) === 'none') return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${RECOUNT_LOCK})`);
    // A full recount's estimated cost would make PostgreSQL JIT-compile it: far slower than running it.
    await tx.execute(sql`SET LOCAL jit = off`);
    const need = recountNeeded(await state(tx), today, modern); // another reader may have recounted meanwhile
    if (need === 'none') return;
    if (need === 'all') {
      await tx.execute(sql`DELETE FROM stats_dirty`);
      await recountAll(tx, today, horizon, horizonDays, graceDays, modern);
      return;
    }
    if (need === 'roll') {
      // The changes due from the day after the counts' day to today, summed per commune, added to both tables.
      await tx.execute(sql`WITH due AS (DELETE FROM stats_commune_change WHERE on_day <= ${today} RETURNING commune_code, province_code, figure, key, n),
        sums AS (SELECT commune_code, province_code, figure, key, sum(n)::int AS n FROM due GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0),
        communes AS (INSERT INTO stats_commune_count (commune_code, province_code, figure, key, n) SELECT * FROM sums
          ON CONFLICT (commune_code, figure, key) DO UPDATE SET n = stats_commune_count.n + EXCLUDED.n)
        ${addToProvinces(sql`SELECT province_code, figure, key, n FROM sums`)}`);
      await tx.execute(sql`DELETE FROM stats_commune_count WHERE n = 0`);
      await tx.execute(sql`DELETE FROM stats_province_count WHERE n = 0`);
      await tx.execute(sql`UPDATE stats_count_state SET as_of = ${today}`);
    }
    // Only the marks this transaction can see are cleared; a write committing meanwhile leaves its own for later.
    const marked = [...new Set((await query<{ commune_code: string }>(tx, sql`DELETE FROM stats_dirty RETURNING commune_code`)).map((r) => r.commune_code))];
    if (!marked.length) return;
    if (marked.length > PARTIAL_LIMIT) {
      await recountAll(tx, today, horizon, horizonDays, graceDays, modern);
      return;
    }
    const only = list(marked);
    // The provinces lose the communes' old counts and gain their new ones.
    await tx.execute(sql`WITH gone AS (DELETE FROM stats_commune_count WHERE commune_code IN (${only}) RETURNING province_code, figure, key, n)
      ${addToProvinces(sql`SELECT province_code, figure, key, -n AS n FROM gone`)}`);
    await tx.execute(sql`WITH made AS (INSERT INTO stats_commune_count (commune_code, province_code, figure, key, n) ${countsSql(marked, today, horizon, modern)}
      RETURNING province_code, figure, key, n)
      ${addToProvinces(sql`SELECT province_code, figure, key, n FROM made`)}`);
    await tx.execute(sql`DELETE FROM stats_province_count WHERE n = 0`);
    await tx.execute(sql`DELETE FROM stats_commune_change WHERE commune_code IN (${only})`);
    await tx.execute(sql`INSERT INTO stats_commune_change (commune_code, province_code, figure, key, on_day, n) ${changesSql(marked, today, horizonDays, graceDays, modern)}`);
  });
}

async function recountAll(tx: Queryable, today: string, horizon: string, horizonDays: number, graceDays: number, modern: string[]) {
  await tx.execute(sql`DELETE FROM stats_commune_count`);
  await tx.execute(sql`DELETE FROM stats_commune_change`);
  await tx.execute(sql`INSERT INTO stats_commune_count (commune_code, province_code, figure, key, n) ${countsSql(undefined, today, horizon, modern)}`);
  await tx.execute(sql`INSERT INTO stats_commune_change (commune_code, province_code, figure, key, on_day, n) ${changesSql(undefined, today, horizonDays, graceDays, modern)}`);
  await tx.execute(sql`DELETE FROM stats_province_count`);
  await tx.execute(sql`INSERT INTO stats_province_count (province_code, figure, key, n)
    SELECT province_code, figure, key, sum(n) FROM stats_commune_count GROUP BY 1, 2, 3`);
  await tx.execute(sql`UPDATE stats_count_state SET as_of = ${today}, modern_types = ${sql`ARRAY[${modern.length ? list(modern) : sql``}]::text[]`}`);
}

/** The area's counts of some figures, summed by key: the nation's from the provinces', a province's or a commune's own. */
export async function countsOf(db: Queryable, a: Area, figures: Figure[]): Promise<CountRow[]> {
  if (!figures.length) return [];
  const which = sql`figure IN (${list(figures)})`;
  const from = a.commune ? sql`stats_commune_count WHERE commune_code = ${a.commune} AND ${which}`
    : a.province ? sql`stats_province_count WHERE province_code = ${a.province} AND ${which}`
      : sql`stats_province_count WHERE ${which}`;
  return query<CountRow>(db, sql`SELECT figure, key, sum(n)::int AS n FROM ${from} GROUP BY 1, 2`);
}

/** Certificates issued in whole months (keys 'YYYY-MM' from `first` to `last`), by their entity's place. */
export async function issuedInMonths(db: Queryable, a: Area, first: string, last: string): Promise<number> {
  const from = a.commune ? sql`stats_commune_count WHERE commune_code = ${a.commune}` : a.province ? sql`stats_province_count WHERE province_code = ${a.province}` : sql`stats_province_count WHERE TRUE`;
  const [row] = await query<{ n: number | null }>(db, sql`SELECT sum(n)::int AS n FROM ${from} AND figure = 'issued' AND key BETWEEN ${first} AND ${last}`);
  return Number(row?.n ?? 0);
}

/** Recognitions (certificates issued to approved entities) in whole months 'YYYY-MM' from `first` to `last`, by
 * stars, sector, province or commune, within the area: the period's months from the counts (keys 'YYYY-MM|stars',
 * 'YYYY-MM|sector'); its edge days are counted live (stats.repo.ts recognisedOnDays). */
export async function recognisedInMonths(db: Queryable, a: Area, first: string, last: string, by: 'stars' | 'sector' | 'province' | 'commune'): Promise<{ key: string; n: number }[]> {
  const figure = by === 'sector' ? 'recognised_sector' : 'recognised_stars';
  const key = by === 'stars' || by === 'sector' ? sql`split_part(key, '|', 2)` : by === 'province' ? sql`province_code` : sql`commune_code`;
  const table = a.commune || by === 'commune' ? sql`stats_commune_count` : sql`stats_province_count`;
  const where = a.commune ? sql`commune_code = ${a.commune}` : a.province ? sql`province_code = ${a.province}` : sql`TRUE`;
  const rows = await query<{ key: string; n: number }>(db, sql`SELECT ${key} AS key, sum(n)::int AS n FROM ${table}
    WHERE ${where} AND figure = ${figure} AND split_part(key, '|', 1) BETWEEN ${first} AND ${last} GROUP BY 1`);
  return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
}

/** Products in force by the entity's province, within the area. */
export function productsByProvince(db: Queryable, a: Area) {
  const from = a.commune ? sql`stats_commune_count WHERE commune_code = ${a.commune} AND figure = 'stars'`
    : a.province ? sql`stats_province_count WHERE province_code = ${a.province} AND figure = 'stars'`
      : sql`stats_province_count WHERE figure = 'stars'`;
  return query<{ province: string; name: string; count: number }>(db, sql`
    SELECT c.province, pr.full_name AS name, c.count FROM (SELECT province_code AS province, sum(n)::int AS count FROM ${from} GROUP BY 1) c
    JOIN province pr ON pr.code = c.province ORDER BY c.province`);
}

/** The sectors of the classification (I–VI) with their names. */
export function sectorNames(db: Queryable) {
  return query<{ sector: string; name: string; name_en: string }>(db, sql`SELECT sector_code AS sector, min(sector_name) AS name, min(sector_name_en) AS name_en
    FROM product_set GROUP BY 1 ORDER BY 1`);
}

export type ShareRow = { code: string; name: string; nameEn: string; province: string; ocop: number; modern: number };

/** The OCOP and modern-channel counts of the area's parts, for the map and the drill-down: by province, every
 * province (zeros included: the map colours all 34); by commune, the communes holding an OCOP entity. */
export async function sharesByArea(db: Queryable, a: Area, by: 'province' | 'commune'): Promise<ShareRow[]> {
  const sums = sql`coalesce(sum(c.n) FILTER (WHERE c.figure = 'ocop'), 0)::int AS ocop, coalesce(sum(c.n) FILTER (WHERE c.figure = 'modern'), 0)::int AS modern`;
  if (by === 'province') {
    // A commune's own counts, when the area is one commune; otherwise the provinces' table.
    const counts = a.commune
      ? sql`(SELECT province_code, figure, n FROM stats_commune_count WHERE commune_code = ${a.commune} AND figure IN ('ocop', 'modern'))`
      : sql`(SELECT province_code, figure, n FROM stats_province_count WHERE figure IN ('ocop', 'modern'))`;
    const only = a.commune ? sql`WHERE pr.code = (SELECT province_code FROM commune WHERE code = ${a.commune})` : a.province ? sql`WHERE pr.code = ${a.province}` : sql``;
    return query<ShareRow>(db, sql`SELECT pr.code, pr.full_name AS name, pr.full_name_en AS "nameEn", pr.code AS province, ${sums}
      FROM province pr LEFT JOIN ${counts} c ON c.province_code = pr.code ${only} GROUP BY pr.code ORDER BY pr.code`);
  }
  const where = a.commune ? sql`c.commune_code = ${a.commune}` : a.province ? sql`c.province_code = ${a.province}` : sql`TRUE`;
  return query<ShareRow>(db, sql`SELECT co.code, co.full_name AS name, co.full_name_en AS "nameEn", co.province_code AS province, ${sums}
    FROM stats_commune_count c JOIN commune co ON co.code = c.commune_code
    WHERE ${where} AND c.figure IN ('ocop', 'modern') GROUP BY co.code HAVING sum(c.n) FILTER (WHERE c.figure = 'ocop') > 0 ORDER BY co.code`);
}

/** Products in force by the entity's commune, within the area (the communes holding one). */
export function productsByCommune(db: Queryable, a: Area) {
  const where = a.commune ? sql`c.commune_code = ${a.commune}` : a.province ? sql`c.province_code = ${a.province}` : sql`TRUE`;
  return query<{ commune: string; name: string; province: string; count: number }>(db, sql`
    SELECT co.code AS commune, co.full_name AS name, co.province_code AS province, sum(c.n)::int AS count
    FROM stats_commune_count c JOIN commune co ON co.code = c.commune_code
    WHERE ${where} AND c.figure = 'stars' GROUP BY co.code ORDER BY 4 DESC, 1`);
}
