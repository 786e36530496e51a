// The indicators' live queries besides the counts (counts.repo.ts): certificates issued and revoked within any
// period, and whether an area exists. Stats reads every module's tables and writes only its own counts.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { certificate } from '../scoring/index.js';
import type { Area } from './counts.repo.js';

export type RecognisedBy = 'stars' | 'sector' | 'province' | 'commune';

/** Certificates issued on the given days (a period's edges outside its whole months, counts.repo.ts keeps those) and
 * revoked within the period, by their entity's place. Index ranges on certificate_issued_on_idx /
 * certificate_revoked_on_idx; an area filters through its entities. */
export async function certificatesIssuedRevoked(db: Queryable, a: Area, issuedOn: { from: string; to: string }[], revokedIn: { from: string; to: string }) {
  const inArea: SQL = a.commune ? sql`AND ${certificate.entityId} IN (SELECT id FROM entity WHERE commune_code = ${a.commune})`
    : a.province ? sql`AND ${certificate.entityId} IN (SELECT id FROM entity WHERE province_code = ${a.province})` : sql``;
  const days = issuedOn.length ? sql.join(issuedOn.map((d) => sql`${certificate.issuedOn} BETWEEN ${d.from} AND ${d.to}`), sql` OR `) : sql`FALSE`;
  const [row] = await query<{ issued: number; revoked: number }>(db, sql`SELECT
    (SELECT count(*) FROM ${certificate} WHERE (${days}) ${inArea})::int AS issued,
    (SELECT count(*) FROM ${certificate} WHERE ${certificate.status} = 'revoked' AND ${certificate.revokedOn} BETWEEN ${revokedIn.from} AND ${revokedIn.to} ${inArea})::int AS revoked`);
  return { issued: Number(row.issued), revoked: Number(row.revoked) };
}

/** What a well-formed area names that does not exist: an unknown province, an unknown commune, or a commune of
 * another province than the one asked (nothing, when the area exists). */
export async function missingArea(db: Queryable, a: Area): Promise<'province' | 'commune' | undefined> {
  if (a.province && !(await query(db, sql`SELECT 1 FROM province WHERE code = ${a.province}`)).length) return 'province';
  if (a.commune && !(await query(db, sql`SELECT 1 FROM commune WHERE code = ${a.commune} ${a.province ? sql`AND province_code = ${a.province}` : sql``}`)).length) return 'commune';
  return undefined;
}


/** Recognitions on the given days (a period's edges outside its whole months; counts.repo.ts keeps the months):
 * certificates issued to approved entities (first rating, upgrade, re-rating or a recorded earlier one), by stars,
 * sector, province or commune. Index range on certificate_issued_on_idx. */
export async function recognisedOnDays(db: Queryable, a: Area, days: { from: string; to: string }[], by: RecognisedBy): Promise<{ key: string; n: number }[]> {
  if (!days.length) return [];
  const inArea: SQL = a.commune ? sql`AND e.commune_code = ${a.commune}` : a.province ? sql`AND e.province_code = ${a.province}` : sql``;
  const key = { stars: sql`c.stars::text`, sector: sql`ps.sector_code`, province: sql`e.province_code`, commune: sql`e.commune_code` }[by];
  const within = sql.join(days.map((d) => sql`c.issued_on BETWEEN ${d.from} AND ${d.to}`), sql` OR `);
  const rows = await query<{ key: string; n: number }>(db, sql`SELECT ${key} AS key, count(*)::int AS n
    FROM ${certificate} c JOIN entity e ON e.id = c.entity_id
      ${by === 'sector' ? sql`JOIN product p ON p.id = c.product_id JOIN product_set ps ON ps.sheet = p.product_set` : sql``}
    WHERE (${within}) AND e.status = 'approved' ${inArea} GROUP BY 1`);
  return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
}

/** Names of provinces or communes by code (for rows keyed by code). */
export async function unitNames(db: Queryable, level: 'province' | 'commune', codes: string[]): Promise<Map<string, { name: string; province: string }>> {
  if (!codes.length) return new Map();
  const list = sql.join(codes.map((c) => sql`${c}`), sql`, `);
  const rows = level === 'province'
    ? await query<{ code: string; name: string; province: string }>(db, sql`SELECT code, full_name AS name, code AS province FROM province WHERE code IN (${list})`)
    : await query<{ code: string; name: string; province: string }>(db, sql`SELECT code, full_name AS name, province_code AS province FROM commune WHERE code IN (${list})`);
  return new Map(rows.map((r) => [r.code, { name: r.name, province: r.province }]));
}
