// The indicators' queries, live from every module's tables (stats reads across modules; it writes nothing). Each
// reads through an index: certificates in force by entity (certificate_entity_valid_idx), entities by status and
// place (entity_status_place_idx), verified channels by entity (sales_channel_verified_idx).
//
// "OCOP entity" here: a published (approved) entity holding at least one certificate in force today — stored valid,
// not past its expiry, or kept in force by a pending late re-rating (Điều 12.3; scoring's certificateStatusIs). A
// valid certificate implies a published product: certification sets the product 'certified', and a certified
// product cannot go back to draft, so the product table need not be read.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { certificate, certificateStatusIs } from '../scoring/index.js';

export type Area = { province?: string; commune?: string };

const inArea = (a: Area): SQL => sql.join([
  sql`e.status = 'approved'`,
  ...(a.province ? [sql`e.province_code = ${a.province}`] : []),
  ...(a.commune ? [sql`e.commune_code = ${a.commune}`] : []),
], sql` AND `);

/** Certificates in force today of published entities in the area (FROM certificate JOIN entity e, and `joins`). */
const certificatesInForce = (a: Area, today: string, joins: SQL = sql``) => sql`FROM ${certificate} JOIN entity e ON e.id = ${certificate.entityId} ${joins}
  WHERE ${certificateStatusIs('valid', today)} AND ${inArea(a)}`;

/** OCOP entities in the area, and those of them with at least one verified current channel of a modern type. */
export async function modernChannelCounts(db: Queryable, a: Area, today: string, modern: string[]): Promise<{ numerator: number; denominator: number }> {
  const types = modern.length ? sql.join(modern.map((m) => sql`${m}`), sql`, `) : sql`NULL`;
  const [row] = await query<{ numerator: number; denominator: number }>(db, sql`
    WITH ocop AS (SELECT DISTINCT ${certificate.entityId} AS id ${certificatesInForce(a, today)})
    SELECT count(*)::int AS denominator,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM sales_channel s WHERE s.entity_id = ocop.id AND s.status = 'verified'
        AND s.type IN (${types}) AND s.starts_on <= ${today} AND (s.ends_on IS NULL OR s.ends_on >= ${today})))::int AS numerator
    FROM ocop`);
  return { numerator: Number(row.numerator), denominator: Number(row.denominator) };
}

/** Products certified and in force by stars (3, 4, 5). */
export function productsByStars(db: Queryable, a: Area, today: string) {
  return query<{ stars: number; count: number }>(db, sql`SELECT ${certificate.stars} AS stars, count(*)::int AS count ${certificatesInForce(a, today)}
    GROUP BY 1 ORDER BY 1`);
}

/** Products certified and in force by sector of the classification (I–VI). */
export function productsBySector(db: Queryable, a: Area, today: string) {
  return query<{ sector: string; name: string; name_en: string; count: number }>(db, sql`
    SELECT s.sector_code AS sector, min(s.sector_name) AS name, min(s.sector_name_en) AS name_en, count(*)::int AS count
    ${certificatesInForce(a, today, sql`JOIN product p ON p.id = ${certificate.productId} JOIN product_set s ON s.sheet = p.product_set`)}
    GROUP BY s.sector_code ORDER BY s.sector_code`);
}

/** Products certified and in force by province (the entity's). */
export function productsByProvince(db: Queryable, a: Area, today: string) {
  return query<{ province: string; name: string; count: number }>(db, sql`
    SELECT c.province, pr.full_name AS name, c.count FROM (
      SELECT e.province_code AS province, count(*)::int AS count ${certificatesInForce(a, today)} GROUP BY 1
    ) c JOIN province pr ON pr.code = c.province ORDER BY c.province`);
}

/** Certificates issued and revoked in a period (by issue and revocation date), in force today, and expiring within
 * `days` (in force today, expiry date within the next `days`). By the certificate's province; `commune` by the entity's. */
export async function certificateCounts(db: Queryable, a: Area, today: string, period: { from: string; to: string }, horizon: string) {
  const where = sql.join([
    sql`TRUE`,
    ...(a.province ? [sql`${certificate.provinceCode} = ${a.province}`] : []),
    ...(a.commune ? [sql`EXISTS (SELECT 1 FROM entity e WHERE e.id = ${certificate.entityId} AND e.commune_code = ${a.commune})`] : []),
  ], sql` AND `);
  const [row] = await query<Record<string, number>>(db, sql`SELECT
    count(*) FILTER (WHERE ${certificate.issuedOn} BETWEEN ${period.from} AND ${period.to})::int AS issued,
    count(*) FILTER (WHERE ${certificate.status} = 'revoked' AND ${certificate.revokedOn} BETWEEN ${period.from} AND ${period.to})::int AS revoked,
    count(*) FILTER (WHERE ${certificateStatusIs('valid', today)})::int AS in_force,
    count(*) FILTER (WHERE ${certificate.status} = 'valid' AND ${certificate.expiresOn} BETWEEN ${today} AND ${horizon})::int AS expiring
    FROM ${certificate} WHERE ${where}`);
  return { issued: Number(row.issued), revoked: Number(row.revoked), inForce: Number(row.in_force), expiring: Number(row.expiring) };
}

/** Published entities in the area by one attribute: their type, or the legal representative's sex, ethnicity or
 * disability (sensitive: the route publishes these above the minimum cell size only). */
const ATTRIBUTE: Record<'type' | 'sex' | 'ethnicity' | 'disability', SQL> = {
  type: sql`e.type`,
  sex: sql`e.representative->>'sex'`,
  ethnicity: sql`e.representative->>'ethnicity'`,
  disability: sql`e.representative->>'disability'`,
};
export function entitiesBy(db: Queryable, a: Area, attribute: keyof typeof ATTRIBUTE) {
  return query<{ key: string | null; count: number }>(db, sql`SELECT ${ATTRIBUTE[attribute]} AS key, count(*)::int AS count FROM entity e
    WHERE ${inArea(a)} GROUP BY 1 ORDER BY 2 DESC, 1`);
}
