// The indicators' live queries besides the counts (counts.repo.ts): certificates issued and revoked within any
// period, and whether an area exists. Stats reads every module's tables and writes only its own counts.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { certificate } from '../scoring/index.js';
import type { Area } from './counts.repo.js';

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
