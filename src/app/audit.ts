// The audit trail: who changed what, when, before and after — written in the same transaction as the change.
import { sql } from 'drizzle-orm';
import type { Ctx } from './actor.js';
import { query } from './db.js';

export type AuditEntry = {
  action: string;
  recordType: string;
  recordId: string;
  provinceCode?: string | null;
  communeCode?: string | null;
  before?: unknown;
  after?: unknown;
};

export async function recordAudit(ctx: Ctx, e: AuditEntry): Promise<void> {
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const actorLabel = ctx.actor.kind === 'system' ? `system:${ctx.actor.name}` : null;
  await ctx.tx.execute(sql`
    INSERT INTO audit_log (at, actor_id, actor_label, action, record_type, record_id, province_code, commune_code, before, after)
    VALUES (${ctx.now.toISOString()}, ${actorId}, ${actorLabel}, ${e.action}, ${e.recordType}, ${e.recordId}, ${e.provinceCode ?? null},
            ${e.communeCode ?? null}, ${e.before === undefined ? null : JSON.stringify(e.before)}::jsonb,
            ${e.after === undefined ? null : JSON.stringify(e.after)}::jsonb)`);
}

export type AuditRecord = {
  id: number; at: string; actorId: string | null; actorName: string | null; action: string;
  before: unknown; after: unknown; changes: string[];
};

/** The history of one record, newest first, with the names of the fields that changed. */
export async function readAudit(db: Ctx['tx'], recordType: string, recordId: string): Promise<AuditRecord[]> {
  const rows = (await query<{ id: number; at: Date; actor_id: string | null; actor_name: string | null; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(db, sql`
    SELECT a.id, a.at, a.actor_id, COALESCE(u.full_name, a.actor_label) AS actor_name, a.action, a.before, a.after
    FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
    WHERE a.record_type = ${recordType} AND a.record_id = ${recordId}
    ORDER BY a.id DESC LIMIT 500`));
  return rows.map((r) => ({
    id: Number(r.id), at: new Date(r.at).toISOString(), actorId: r.actor_id, actorName: r.actor_name, action: r.action,
    before: r.before, after: r.after, changes: changedKeys(r.before, r.after),
  }));
}

function changedKeys(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  if (!before || !after) return Object.keys(after ?? before ?? {});
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => k !== 'version' && k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
