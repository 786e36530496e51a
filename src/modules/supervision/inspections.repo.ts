// Inspection queries: no decisions. Lists fetch the page's keys through an index (due date, id), then decorate those
// rows only; the plans of a year are few (one per province and level) and bounded.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { after, encodeCursor, keyFields, keyValuesOf, orderBy, type KeyValues, type SortKey } from '../../app/paging.js';
import { traceCodeMissingSql } from '../trace/index.js';
import type { Checks, CorrectiveActionRow, InspectionRow, PlanLevel, PlanRow, RiskReason } from './inspections.tables.js';
import { correctiveAction, inspection, inspectionPlan } from './inspections.tables.js';

export type PlanView = PlanRow & { provinceName: string; planned: number; done: number; overdue: number };

const planCols = (today: string) => sql`p.id, p.province_code AS "provinceCode", p.level, p.year, p.title, p.note, p.status, p.approved_by AS "approvedBy",
  p.approved_at AS "approvedAt", p.created_by AS "createdBy", p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.version, pr.full_name AS "provinceName",
  (SELECT count(*)::int FROM inspection i WHERE i.plan_id = p.id AND i.status = 'planned') AS planned,
  (SELECT count(*)::int FROM inspection i WHERE i.plan_id = p.id AND i.status = 'done') AS done,
  (SELECT count(*)::int FROM inspection i WHERE i.plan_id = p.id AND i.status = 'planned' AND i.due_on < ${today}::date) AS overdue`;

const planRow = (r: PlanView): PlanView => ({ ...r, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt), approvedAt: r.approvedAt ? new Date(r.approvedAt) : null, planned: Number(r.planned), done: Number(r.done), overdue: Number(r.overdue) });

export async function getPlan(db: Queryable, id: string, today: string): Promise<PlanView | undefined> {
  const [row] = await query<PlanView>(db, sql`SELECT ${planCols(today)} FROM inspection_plan p JOIN province pr ON pr.code = p.province_code WHERE p.id = ${id}`);
  return row && planRow(row);
}

export async function listPlans(db: Queryable, where: { province?: string; year?: number }, today: string): Promise<PlanView[]> {
  const rows = await query<PlanView>(db, sql`SELECT ${planCols(today)} FROM inspection_plan p JOIN province pr ON pr.code = p.province_code
    WHERE ${where.province ? sql`p.province_code = ${where.province}` : sql`TRUE`} AND ${where.year ? sql`p.year = ${where.year}` : sql`TRUE`}
    ORDER BY p.year DESC, p.province_code, p.level DESC LIMIT 200`);
  return rows.map(planRow);
}

export async function getPlanForUpdate(db: Queryable, id: string) {
  const [row] = await db.select().from(inspectionPlan).where(eq(inspectionPlan.id, id)).for('update');
  return row;
}

export async function findPlan(db: Queryable, provinceCode: string, level: PlanLevel, year: number) {
  const [row] = await db.select({ id: inspectionPlan.id }).from(inspectionPlan).where(and(eq(inspectionPlan.provinceCode, provinceCode), eq(inspectionPlan.level, level), eq(inspectionPlan.year, year)));
  return row;
}

/** A certified product with its certificate in force and the facts the risk reasons are made of. */
export type Candidate = {
  productId: string; productCode: string; productName: string; entityId: string; entityName: string; communeName: string | null; provinceCode: string;
  stars: number; certificateId: string; certificateNumber: string; expiresOn: string; complaints: number; lastInspectedOn: string | null; traceMissing: boolean;
};

const candidateSql = (since: string) => sql`SELECT product.id AS "productId", product.code AS "productCode", product.name AS "productName", product.entity_id AS "entityId",
    e.name AS "entityName", cm.full_name AS "communeName", product.province_code AS "provinceCode", c.stars, c.id AS "certificateId", c.number AS "certificateNumber",
    c.expires_on::text AS "expiresOn",
    (SELECT count(*)::int FROM report r WHERE r.product_id = product.id AND r.status <> 'merged' AND r.created_at >= ${since}::date) AS complaints,
    (SELECT max(i.inspected_on)::text FROM inspection i WHERE i.product_id = product.id AND i.status = 'done') AS "lastInspectedOn",
    ${traceCodeMissingSql} AS "traceMissing"
  FROM product JOIN certificate c ON c.product_id = product.id AND c.status = 'valid'
  JOIN entity e ON e.id = product.entity_id LEFT JOIN commune cm ON cm.code = product.commune_code`;

const candidate = (r: Candidate): Candidate => ({ ...r, stars: Number(r.stars), complaints: Number(r.complaints), traceMissing: Boolean(r.traceMissing) });

/** The province's certified products of the plan's level not yet in the plan (certificate in force today). Bounded. */
export async function candidates(db: Queryable, plan: { id: string; provinceCode: string; level: PlanLevel }, today: string, since: string, limit: number): Promise<Candidate[]> {
  const rows = await query<Candidate>(db, sql`${candidateSql(since)}
    WHERE product.province_code = ${plan.provinceCode} AND product.status = 'certified' AND c.authority_level = ${plan.level} AND c.expires_on >= ${today}::date
      AND NOT EXISTS (SELECT 1 FROM inspection i WHERE i.plan_id = ${plan.id} AND i.product_id = product.id)
    ORDER BY product.code LIMIT ${limit}`);
  return rows.map(candidate);
}

/** One product as a candidate (its certificate in force), for adding it to a plan or an unplanned inspection. */
export async function candidateOf(db: Queryable, productId: string, since: string): Promise<Candidate | undefined> {
  const [row] = await query<Candidate>(db, sql`${candidateSql(since)} WHERE product.id = ${productId} LIMIT 1`);
  return row && candidate(row);
}

export type InspectionView = InspectionRow & {
  planTitle: string | null; planStatus: 'draft' | 'approved' | null; productName: string; productCode: string; entityName: string; provinceName: string; communeName: string | null;
  certificateNumber: string; certificateStars: number; certificateStatus: string; certificateExpiresOn: string; certificateProvince: string;
  labFile: { mimeType: string; sizeBytes: number; originalName: string; sha256: string } | null;
  proposal: { ground: string; deadlineOn: string; status: 'pending' | 'completed' } | null;
  correctiveActions: CorrectiveActionRow[];
};

type RawInspection = Omit<InspectionView, 'correctiveActions'> & Record<string, unknown>;

async function decorate(db: Queryable, ids: string[]): Promise<InspectionView[]> {
  if (!ids.length) return [];
  const list = JSON.stringify(ids);
  const rows = await query<RawInspection>(db, sql`
    SELECT i.id, i.plan_id AS "planId", i.product_id AS "productId", i.certificate_id AS "certificateId", i.entity_id AS "entityId", i.province_code AS "provinceCode",
      i.level, i.reasons, i.due_on::text AS "dueOn", i.status, i.inspected_on::text AS "inspectedOn", i.team, i.checks, i.lab_name AS "labName", i.lab_result AS "labResult",
      i.lab_file_id AS "labFileId", i.findings, i.conclusion, i.concluded_on::text AS "concludedOn", i.revocation_ground AS "revocationGround",
      i.revocation_proposal_id AS "revocationProposalId", i.created_by AS "createdBy", i.created_at AS "createdAt", i.updated_at AS "updatedAt", i.version,
      pl.title AS "planTitle", pl.status AS "planStatus", p.name AS "productName", p.code AS "productCode", e.name AS "entityName", pr.full_name AS "provinceName",
      cm.full_name AS "communeName", c.number AS "certificateNumber", c.stars AS "certificateStars", c.status AS "certificateStatus", c.expires_on::text AS "certificateExpiresOn",
      c.province_code AS "certificateProvince",
      CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object('mimeType', f.mime_type, 'sizeBytes', f.size_bytes, 'originalName', f.original_name, 'sha256', f.sha256) END AS "labFile",
      CASE WHEN rp.id IS NULL THEN NULL ELSE json_build_object('ground', rp.ground, 'deadlineOn', rp.deadline_on::text, 'status', rp.status) END AS proposal
    FROM inspection i JOIN product p ON p.id = i.product_id JOIN entity e ON e.id = i.entity_id JOIN province pr ON pr.code = i.province_code
      LEFT JOIN commune cm ON cm.code = p.commune_code JOIN certificate c ON c.id = i.certificate_id LEFT JOIN inspection_plan pl ON pl.id = i.plan_id
      LEFT JOIN stored_file f ON f.id = i.lab_file_id LEFT JOIN revocation_proposal rp ON rp.id = i.revocation_proposal_id
    WHERE i.id IN (SELECT value::uuid FROM json_array_elements_text(${list}::json))`);
  const actions = await db.select().from(correctiveAction).where(inArray(correctiveAction.inspectionId, ids)).orderBy(correctiveAction.dueOn, correctiveAction.id);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is RawInspection => Boolean(r)).map((r) => ({
    ...r, certificateStars: Number(r.certificateStars), createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt),
    reasons: r.reasons as RiskReason[], team: r.team as string[], checks: r.checks as Checks | null,
    correctiveActions: actions.filter((a) => a.inspectionId === r.id),
  }));
}

export async function getInspection(db: Queryable, id: string): Promise<InspectionView | undefined> {
  return (await decorate(db, [id]))[0];
}

export async function getInspectionForUpdate(db: Queryable, id: string) {
  const [row] = await db.select().from(inspection).where(eq(inspection.id, id)).for('update');
  return row;
}

export const INSPECTION_KEYS: SortKey[] = [{ expr: inspection.dueOn, kind: 'date', dir: 'asc' }, { expr: inspection.id, kind: 'uuid', dir: 'asc' }];
export const ACTION_KEYS: SortKey[] = [{ expr: correctiveAction.dueOn, kind: 'date', dir: 'asc' }, { expr: correctiveAction.id, kind: 'uuid', dir: 'asc' }];

/** A page of inspections, the earliest due first. */
export async function listInspections(db: Queryable, where: SQL | undefined, pageSize: number, afterKeys?: KeyValues) {
  const found = await db.select({ id: inspection.id, ...keyFields(INSPECTION_KEYS) }).from(inspection)
    .where(and(where, afterKeys && after(INSPECTION_KEYS, afterKeys))).orderBy(...orderBy(INSPECTION_KEYS)).limit(pageSize + 1);
  const page = found.slice(0, pageSize);
  const nextCursor = found.length > pageSize ? encodeCursor('inspection', '', keyValuesOf(page.at(-1)!, INSPECTION_KEYS)) : null;
  return { rows: await decorate(db, page.map((r) => r.id)), nextCursor };
}

export type ActionView = CorrectiveActionRow & { productId: string | null; productName: string | null; entityName: string | null; level: PlanLevel };

/** A page of corrective actions, the earliest deadline first, with their product. */
export async function listActions(db: Queryable, where: SQL | undefined, pageSize: number, afterKeys?: KeyValues) {
  const found = await db.select({ id: correctiveAction.id, ...keyFields(ACTION_KEYS) }).from(correctiveAction)
    .where(and(where, afterKeys && after(ACTION_KEYS, afterKeys))).orderBy(...orderBy(ACTION_KEYS)).limit(pageSize + 1);
  const page = found.slice(0, pageSize);
  const nextCursor = found.length > pageSize ? encodeCursor('corrective_action', '', keyValuesOf(page.at(-1)!, ACTION_KEYS)) : null;
  return { rows: page.length ? await actionsByIds(db, page.map((r) => r.id)) : [], nextCursor };
}

export async function actionsByIds(db: Queryable, ids: string[]): Promise<ActionView[]> {
  const rows = await db.select({ a: correctiveAction, productId: inspection.productId, level: inspection.level, productName: sql<string>`(SELECT name FROM product WHERE id = ${inspection.productId})`, entityName: sql<string>`(SELECT name FROM entity WHERE id = ${inspection.entityId})` })
    .from(correctiveAction).innerJoin(inspection, eq(inspection.id, correctiveAction.inspectionId)).where(inArray(correctiveAction.id, ids));
  const byId = new Map(rows.map((r) => [r.a.id, { ...r.a, productId: r.productId, productName: r.productName, entityName: r.entityName, level: r.level }]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

export async function getActionForUpdate(db: Queryable, id: string) {
  const [row] = await db.select({ a: correctiveAction, level: inspection.level }).from(correctiveAction).innerJoin(inspection, eq(inspection.id, correctiveAction.inspectionId))
    .where(eq(correctiveAction.id, id)).for('update', { of: correctiveAction });
  return row;
}

/** Complaints awaiting triage in a scope (received or being triaged), for the inspector's workspace. Capped. */
export async function complaintsAwaiting(db: Queryable, provinceCode: string | null): Promise<number> {
  const [row] = await query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM report r WHERE r.status IN ('received', 'triaging')
    AND ${provinceCode ? sql`r.province_code = ${provinceCode}` : sql`TRUE`} LIMIT 1001) x`);
  return Number(row.n);
}
