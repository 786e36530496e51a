// The audit trail searched (table audit_log, written by src/app/audit.ts in every change's transaction): queries only.
// Newest first, paged by the row's id (keyset: a deep page costs what the first does).
import { sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';

export type AuditFilter = { province?: string; recordType?: string; recordId?: string; user?: string; action?: string; from?: string; to?: string };
export type AuditRow = {
  id: string; at: string; actor_id: string | null; actor_name: string | null; actor_role: string | null; action: string; record_type: string; record_id: string;
  province_code: string | null; commune_code: string | null; before: unknown; after: unknown;
};

function where(f: AuditFilter): SQL {
  return sql`TRUE
    ${f.province ? sql`AND a.province_code = ${f.province}` : sql``}
    ${f.recordType ? sql`AND a.record_type = ${f.recordType}` : sql``}
    ${f.recordId ? sql`AND a.record_id = ${f.recordId}` : sql``}
    ${f.user ? sql`AND a.actor_id = ${f.user}::uuid` : sql``}
    ${f.action ? sql`AND (a.action = ${f.action} OR a.action LIKE ${`${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`})` : sql``}
    ${f.from ? sql`AND a.at >= (${f.from}::date - interval '7 hours')` : sql``}
    ${f.to ? sql`AND a.at < (${f.to}::date + interval '1 day' - interval '7 hours')` : sql``}`;
}

/** One page of the trail after the row `afterId` (newest first), one row more than asked to tell whether more follow. */
export function searchAudit(db: Queryable, f: AuditFilter, limit: number, afterId?: string): Promise<AuditRow[]> {
  return query<AuditRow>(db, sql`
    SELECT a.id::text AS id, to_json(a.at) #>> '{}' AS at, a.actor_id, COALESCE(u.full_name, a.actor_label) AS actor_name, u.role AS actor_role, a.action, a.record_type,
      a.record_id, a.province_code, a.commune_code, a.before, a.after
    FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
    WHERE ${where(f)} ${afterId ? sql`AND a.id < ${afterId}::bigint` : sql``}
    ORDER BY a.id DESC LIMIT ${limit}`);
}

/** The record types and actions found in the trail (for the search form's choices), at most a few hundred. */
export async function auditVocabulary(db: Queryable, province: string | undefined): Promise<{ recordTypes: string[]; actions: string[] }> {
  const rows = await query<{ record_type: string; action: string }>(db, sql`
    SELECT DISTINCT record_type, action FROM audit_log a WHERE ${where({ province })} ORDER BY record_type, action LIMIT 500`);
  return { recordTypes: [...new Set(rows.map((r) => r.record_type))], actions: [...new Set(rows.map((r) => r.action))] };
}
