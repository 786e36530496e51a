// Credit queries: no decisions.
import { desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import type { KeyValues, SortKey } from '../../app/paging.js';
import { entity } from '../registry/index.js';
import { creditApplication, creditProgramme } from './content.tables.js';
import { byIds, inIdOrder, keysetIds } from './content.repo.js';

export async function getProgramme(db: Queryable, id: string) {
  const [row] = await db.select().from(creditProgramme).where(eq(creditProgramme.id, id));
  return row;
}
export async function getProgrammeForUpdate(db: Queryable, id: string) {
  const [row] = await db.select().from(creditProgramme).where(eq(creditProgramme.id, id)).for('update');
  return row;
}

/** Programmes, national first then by province, newest first; bounded (a directory, not a table of millions). */
export function listProgrammes(db: Queryable, where: SQL | undefined) {
  return db.select().from(creditProgramme).where(where)
    .orderBy(sql`${creditProgramme.provinceCode} NULLS FIRST`, desc(creditProgramme.active), desc(creditProgramme.createdAt)).limit(500);
}
export const servingProvince = (province: string) => or(isNull(creditProgramme.provinceCode), eq(creditProgramme.provinceCode, province));

export type ApplicationView = { application: typeof creditApplication.$inferSelect; programmeName: string; lender: string; entityName: string };
const decorated = (db: Queryable) => db.select({ application: creditApplication, programmeName: creditProgramme.name, lender: creditProgramme.lender, entityName: entity.name })
  .from(creditApplication).innerJoin(creditProgramme, eq(creditProgramme.id, creditApplication.programmeId)).innerJoin(entity, eq(entity.id, creditApplication.entityId));

export async function getApplication(db: Queryable, id: string): Promise<ApplicationView | undefined> {
  const [row] = await decorated(db).where(eq(creditApplication.id, id));
  return row;
}
export async function getApplicationForUpdate(db: Queryable, id: string) {
  const [row] = await db.select().from(creditApplication).where(eq(creditApplication.id, id)).for('update');
  return row;
}

export const applicationKeys: SortKey[] = [{ expr: creditApplication.createdAt, kind: 'timestamp', dir: 'desc' }, { expr: creditApplication.id, kind: 'uuid', dir: 'desc' }];

export async function listApplications(db: Queryable, where: SQL | undefined, pageSize: number, afterKeys?: KeyValues) {
  const { ids, nextCursor } = await keysetIds(db, creditApplication, creditApplication.id, where, applicationKeys, 'credit-applications', '-createdAt', pageSize, afterKeys);
  const rows = ids.length ? await decorated(db).where(byIds(creditApplication.id, ids)) : [];
  return { rows: inIdOrder(ids, rows, (r) => r.application.id), nextCursor };
}

/** Who was helped and with what, over every application the filter selects. */
export async function applicationSummary(db: Queryable, where: SQL | undefined) {
  const [r] = await query<{ n: number; approved: number; rejected: number; pending: number; helped: number; amount: string | null }>(db, sql`
    SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'approved')::int AS approved, count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
      count(*) FILTER (WHERE status = 'submitted')::int AS pending, count(DISTINCT entity_id) FILTER (WHERE status = 'approved')::int AS helped,
      sum(approved_amount_vnd)::text AS amount
    FROM credit_application WHERE ${where ?? sql`TRUE`}`);
  return { applications: Number(r.n), approved: Number(r.approved), rejected: Number(r.rejected), pending: Number(r.pending), entitiesHelped: Number(r.helped), approvedAmountVnd: Number(r.amount ?? 0) };
}

export async function entityForApplication(db: Queryable, id: string) {
  const [row] = await db.select({ id: entity.id, provinceCode: entity.provinceCode, communeCode: entity.communeCode, status: entity.status }).from(entity).where(eq(entity.id, id));
  return row ? { ...row, entityId: row.id } : undefined;
}
