// Each target kind's measure: one function per kind that counts the achievement live from the data of the modules to
// the left (reads join their tables; nothing is written or cached). A measure answers the total for the plan's area
// and the count per commune; null means "not measured" (a budget line).
import { sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { certificateStatusIs } from '../scoring/index.js';
import { modernTypes } from '../trade/index.js';
import type { Measure, PlanTarget } from './plans.rules.js';

export type Area = { year: number; provinceCode: string | null; asOf: string };
export type Achieved = { total: number | null; byCommune: Map<string, number> };
type Filter = Pick<PlanTarget, 'stars' | 'sector'>;

const NOT_MEASURED: Achieved = { total: null, byCommune: new Map() };
const list = (xs: string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

/** Products given a certificate of `kind` in the year (revoked ones excluded), by the product's commune. */
async function certificatesIssued(db: Queryable, kind: 'first' | 'upgrade' | 're_rating', a: Area, f: Filter): Promise<Achieved> {
  const where: SQL[] = [sql`c.kind = ${kind}`, sql`c.status <> 'revoked'`, sql`c.issued_on BETWEEN ${`${a.year}-01-01`} AND ${`${a.year}-12-31`}`];
  if (a.provinceCode) where.push(sql`c.province_code = ${a.provinceCode}`);
  if (f.stars) where.push(sql`c.stars = ${f.stars}`);
  if (f.sector) where.push(sql`EXISTS (SELECT 1 FROM product_set ps WHERE ps.sheet = p.product_set AND ps.sector_code = ${f.sector})`);
  const rows = await query<{ commune_code: string; n: number }>(db, sql`
    SELECT p.commune_code, count(DISTINCT c.product_id)::int AS n FROM certificate c JOIN product p ON p.id = c.product_id
    WHERE ${sql.join(where, sql` AND `)} GROUP BY p.commune_code`);
  const byCommune = new Map(rows.map((r) => [r.commune_code, Number(r.n)]));
  return { total: [...byCommune.values()].reduce((s, n) => s + n, 0), byCommune };
}

/** The modern-channel share (the stats indicator's definition, counted here over trade's and scoring's tables):
 * approved entities holding a certificate in force on the day, and those of them with a verified modern channel
 * running that day. Per commune, the commune's own share. */
async function modernChannelShare(db: Queryable, a: Area): Promise<Achieved> {
  const modern = modernTypes();
  const rows = await query<{ commune_code: string; ocop: number; modern: number }>(db, sql`
    SELECT e.commune_code, count(*)::int AS ocop,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM sales_channel s WHERE s.entity_id = e.id AND s.status = 'verified'
        AND s.type IN (${modern.length ? list(modern) : sql`NULL`}) AND s.starts_on <= ${a.asOf} AND (s.ends_on IS NULL OR s.ends_on >= ${a.asOf})))::int AS modern
    FROM entity e
    WHERE e.status = 'approved' ${a.provinceCode ? sql`AND e.province_code = ${a.provinceCode}` : sql``}
      AND EXISTS (SELECT 1 FROM certificate WHERE certificate.entity_id = e.id AND ${certificateStatusIs('valid', a.asOf)})
    GROUP BY e.commune_code`);
  const share = (m: number, o: number) => (o ? Math.round((m / o) * 1000) / 10 : 0);
  const ocop = rows.reduce((s, r) => s + Number(r.ocop), 0);
  const withModern = rows.reduce((s, r) => s + Number(r.modern), 0);
  return { total: share(withModern, ocop), byCommune: new Map(rows.map((r) => [r.commune_code, share(Number(r.modern), Number(r.ocop))])) };
}

/** Trainings, workshops and study tours held in the year (not cancelled, begun by the day counted) by the plan's
 * area: the central office's and every office's for the nation, the province's and its communes' for a province. */
export async function trainingsHeld(db: Queryable, a: Area): Promise<Achieved> {
  const rows = await query<{ commune_code: string | null; n: number }>(db, sql`
    SELECT commune_code, count(*)::int AS n FROM training
    WHERE NOT cancelled AND starts_on BETWEEN ${`${a.year}-01-01`} AND ${`${a.year}-12-31`} AND starts_on <= ${a.asOf}
      ${a.provinceCode ? sql`AND province_code = ${a.provinceCode}` : sql``}
    GROUP BY commune_code`);
  return {
    total: rows.reduce((sum, r) => sum + Number(r.n), 0),
    byCommune: new Map(rows.filter((r) => r.commune_code).map((r) => [r.commune_code!, Number(r.n)])),
  };
}

/** Fairs and trade events of the year (published, begun by the day counted) that at least one of the area's
 * entities attended (an approved registration); per commune, the events its entities attended. */
export async function fairsAttended(db: Queryable, a: Area): Promise<Achieved> {
  const attended = sql`
    FROM trade_event ev JOIN trade_event_registration r ON r.event_id = ev.id AND r.status = 'approved' JOIN entity e ON e.id = r.entity_id
    WHERE ev.status = 'published' AND ev.starts_on BETWEEN ${`${a.year}-01-01`} AND ${`${a.year}-12-31`} AND ev.starts_on <= ${a.asOf}
      ${a.provinceCode ? sql`AND e.province_code = ${a.provinceCode}` : sql``}`;
  const [{ n }] = await query<{ n: number }>(db, sql`SELECT count(DISTINCT ev.id)::int AS n ${attended}`);
  const rows = await query<{ commune_code: string; n: number }>(db, sql`SELECT e.commune_code, count(DISTINCT ev.id)::int AS n ${attended} GROUP BY e.commune_code`);
  return { total: Number(n), byCommune: new Map(rows.map((r) => [r.commune_code, Number(r.n)])) };
}

/** The measure of each kind of target (data/programme/plan-targets.json names it). */
export const MEASURE_OF: Record<Measure, (db: Queryable, a: Area, f: Filter) => Promise<Achieved>> = {
  certificates_first: (db, a, f) => certificatesIssued(db, 'first', a, f),
  certificates_upgrade: (db, a, f) => certificatesIssued(db, 'upgrade', a, f),
  certificates_re_rating: (db, a, f) => certificatesIssued(db, 're_rating', a, f),
  modern_channel_share: (db, a) => modernChannelShare(db, a),
  trainings: trainingsHeld,
  fairs: fairsAttended,
  none: async () => NOT_MEASURED,
};
