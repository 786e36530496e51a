// Inspection plans, inspections and corrective actions: /api/v1/inspection-plans, /api/v1/inspections,
// /api/v1/corrective-actions. Thin routes: access declared, validate, load, authorise the scope (a record outside the
// caller's province is 404, a list of another province 403), one command, present.
import { join } from 'node:path';
import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { readAudit } from '../../app/audit.js';
import { inTransaction } from '../../app/command.js';
import { forbidden, notFound } from '../../app/errors.js';
import { FileStore } from '../../app/files.js';
import { nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { contentDisposition, STORED_FILE_POLICY } from '../../app/security-headers.js';
import { readSingleUpload } from '../../app/uploads.js';
import { canRevokeCertificate, vnDate } from '../scoring/index.js';
import { closeCorrectiveAction } from './commands/actions.js';
import { attachLabResult, completeRevocation, createInspection, recordInspection } from './commands/inspections.js';
import { addPlanItems, approvePlan, complaintsSince, createPlan } from './commands/plans.js';
import {
  actionList, actionListQuery, addItemsBody, approvePlanBody, closeActionBody, completeRevocationBody, correctiveActionOut, createInspectionBody, createPlanBody, idParams,
  inspectionList, inspectionListQuery, inspectionOut, planList, planListQuery, planOut, recordInspectionBody, suggestionList,
} from './inspections.contract.js';
import { canReadProvince, isCentral, provinceFilter, SUPERVISION_ROLES } from './inspections.policy.js';
import { presentActionView, presentInspection, presentPlan } from './inspections.present.js';
import { ACTION_KEYS, actionsByIds, candidates, complaintsAwaiting, getInspection, getPlan, INSPECTION_KEYS, listActions, listInspections, listPlans, type InspectionView } from './inspections.repo.js';
import { bySuggestionOrder, INSPECTION_DATA, riskReasons } from './inspections.rules.js';
import { correctiveAction, inspection } from './inspections.tables.js';

const today = () => vnDate(new Date());
const AUTHORITY = ['province', 'central'] as const;
const historyOut = z.object({ items: z.array(z.object({ id: z.number(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), action: z.string(), before: z.unknown(), after: z.unknown(), changes: z.array(z.string()) })) });
const summaryOut = z.object({
  today: z.string(), planned: z.number(), overdue: z.number(), openActions: z.number(), overdueActions: z.number(), pendingRevocations: z.number(),
  complaintsAwaiting: z.number().describe('Reports received or being triaged in the scope (capped at 1,000)'),
});

/** The province a list asks for, checked against the caller's scope (403 for another province's). */
function listScope(actor: Actor, province: string | undefined, column: Parameters<typeof eq>[0]): SQL | undefined {
  if (province && !canReadProvince(actor, province)) throw forbidden('out_of_scope');
  const scope = provinceFilter(actor, column);
  if (scope === false) throw forbidden();
  return and(scope, province ? eq(column, province) : undefined);
}

const mayRevoke = (actor: Actor, v: InspectionView) => canRevokeCertificate(actor, { stars: v.certificateStars, provinceCode: v.certificateProvince });
const present = (actor: Actor, v: InspectionView) => presentInspection(v, actor, today(), mayRevoke(actor, v));

export const inspectionRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const files = new FileStore(join(config.dataDir, 'files'));
  const tags = ['supervision'];

  async function readablePlan(actor: Actor, id: string) {
    const p = await getPlan(db, id, today());
    if (!p || !canReadProvince(actor, p.provinceCode)) throw notFound('inspection_plan', 'kế hoạch kiểm tra');
    return p;
  }
  async function readable(actor: Actor, id: string) {
    const v = await getInspection(db, id);
    if (!v || !canReadProvince(actor, v.provinceCode)) throw notFound('inspection', 'cuộc kiểm tra');
    return v;
  }

  r.get('/inspection-plans', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'Inspection plans in the caller\'s scope (a province\'s own; the central office every province\'s)', querystring: planListQuery, response: { 200: planList } } }, async (req) => {
    const { province, year } = req.query;
    if (province && !canReadProvince(req.actor, province)) throw forbidden('out_of_scope');
    const own = isCentral(req.actor) ? province : req.actor.kind === 'user' ? req.actor.provinceCode ?? undefined : undefined;
    if (!isCentral(req.actor) && !own) throw forbidden();
    return { items: (await listPlans(db, { province: own, year }, today())).map((p) => presentPlan(p, req.actor)) };
  });

  r.post('/inspection-plans', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'Draft a province\'s inspection plan of a year (level central: the Ministry\'s plan of its 5★ products)', body: createPlanBody, response: { 201: planOut } } }, async (req, reply) => {
    const row = await inTransaction(db, req, (ctx) => createPlan(ctx, req.body));
    return reply.status(201).send(presentPlan((await getPlan(db, row.id, today()))!, req.actor));
  });

  r.get('/inspection-plans/:id', { config: { access: SUPERVISION_ROLES }, schema: { tags, params: idParams, response: { 200: planOut } } }, async (req) => presentPlan(await readablePlan(req.actor, req.params.id), req.actor));

  r.post('/inspection-plans/:id/approve', { config: { access: AUTHORITY }, schema: { tags, summary: 'The province office approves its province\'s plan (the central office the Ministry\'s)', params: idParams, body: approvePlanBody, response: { 200: planOut } } }, async (req) => {
    await inTransaction(db, req, (ctx) => approvePlan(ctx, req.params.id, req.body));
    return presentPlan((await getPlan(db, req.params.id, today()))!, req.actor);
  });

  r.get('/inspection-plans/:id/suggestions', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'Risk-based candidates for the plan: the province\'s certified products of its level not yet in it, with why (complaints, certificate expiring, never inspected, no traceability code at 4★+), riskiest first', params: idParams, response: { 200: suggestionList } } }, async (req, reply) => {
    const plan = await readablePlan(req.actor, req.params.id);
    const day = today();
    const rows = await candidates(db, plan, day, complaintsSince(day), INSPECTION_DATA.risk.suggestionLimit);
    reply.header('cache-control', 'private, no-store');
    return {
      limit: INSPECTION_DATA.risk.suggestionLimit,
      items: bySuggestionOrder(rows.map((c) => ({ ...c, reasons: riskReasons(c, day) }))).map((c) => ({
        productId: c.productId, productCode: c.productCode, productName: c.productName, entityName: c.entityName, communeName: c.communeName, stars: c.stars,
        certificateNumber: c.certificateNumber, expiresOn: c.expiresOn, complaints: c.complaints, lastInspectedOn: c.lastInspectedOn, traceMissing: c.traceMissing, reasons: c.reasons,
      })),
    };
  });

  r.post('/inspection-plans/:id/items', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'Add certified products to the plan, each with its date and reasons (all or none)', params: idParams, body: addItemsBody, response: { 201: z.object({ items: z.array(inspectionOut) }) } } }, async (req, reply) => {
    const rows = await inTransaction(db, req, (ctx) => addPlanItems(ctx, req.params.id, req.body));
    const items = await Promise.all(rows.map(async (row) => present(req.actor, (await getInspection(db, row.id))!)));
    return reply.status(201).send({ items });
  });

  r.get('/inspections/summary', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'The inspector\'s workspace in figures: inspections planned and overdue, corrective actions open and overdue, revocations proposed and pending, complaints awaiting triage', response: { 200: summaryOut } } }, async (req) => {
    const day = today();
    const scope = listScope(req.actor, undefined, inspection.provinceCode);
    const actScope = listScope(req.actor, undefined, correctiveAction.provinceCode);
    const count = async (table: typeof inspection | typeof correctiveAction, where: SQL | undefined) => Number((await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where))[0].n);
    const pending = sql`EXISTS (SELECT 1 FROM revocation_proposal rp WHERE rp.id = ${inspection.revocationProposalId} AND rp.status = 'pending')`;
    return {
      today: day,
      planned: await count(inspection, and(scope, eq(inspection.status, 'planned'))),
      overdue: await count(inspection, and(scope, eq(inspection.status, 'planned'), sql`${inspection.dueOn} < ${day}::date`)),
      openActions: await count(correctiveAction, and(actScope, eq(correctiveAction.status, 'open'))),
      overdueActions: await count(correctiveAction, and(actScope, eq(correctiveAction.status, 'open'), sql`${correctiveAction.dueOn} < ${day}::date`)),
      pendingRevocations: await count(inspection, and(scope, isNotNull(inspection.revocationProposalId), pending)),
      complaintsAwaiting: await complaintsAwaiting(db, isCentral(req.actor) || req.actor.kind !== 'user' ? null : req.actor.provinceCode),
    };
  });

  r.get('/inspections', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'Inspections in scope, the earliest due first (plan, status, pending revocation proposals); paged by cursor', querystring: inspectionListQuery, response: { 200: inspectionList } } }, async (req, reply) => {
    const qy = req.query;
    const where = and(listScope(req.actor, qy.province, inspection.provinceCode), qy.plan ? eq(inspection.planId, qy.plan) : undefined, qy.status ? eq(inspection.status, qy.status) : undefined,
      qy.proposal === 'pending' ? sql`EXISTS (SELECT 1 FROM revocation_proposal rp WHERE rp.id = ${inspection.revocationProposalId} AND rp.status = 'pending')` : undefined);
    const { rows, nextCursor } = await listInspections(db, where, qy.pageSize, readCursor({ cursor: qy.cursor, sort: '' }, 'inspection', INSPECTION_KEYS));
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    return { items: rows.map((v) => present(req.actor, v)), nextCursor };
  });

  r.post('/inspections', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'An unplanned inspection of a certified product in scope (after a complaint: reportId)', body: createInspectionBody, response: { 201: inspectionOut } } }, async (req, reply) => {
    const row = await inTransaction(db, req, (ctx) => createInspection(ctx, req.body));
    return reply.status(201).send(present(req.actor, (await getInspection(db, row.id))!));
  });

  r.get('/inspections/:id', { config: { access: SUPERVISION_ROLES }, schema: { tags, params: idParams, response: { 200: inspectionOut } } }, async (req) => present(req.actor, await readable(req.actor, req.params.id)));

  r.post('/inspections/:id/record', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'Record the inspection: date, team, what was checked, findings and the conclusion (compliant, corrective actions with deadlines, or a proposal to revoke on a ground of Điều 8, which the competent authority then decides within 15 days)', params: idParams, body: recordInspectionBody, response: { 200: inspectionOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => recordInspection(ctx, req.params.id, req.body));
    return present(req.actor, (await getInspection(db, req.params.id))!);
  });

  r.post('/inspections/:id/lab-result', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'Upload the lab\'s result for the samples (PDF, JPEG, PNG, WebP; multipart, field file)', params: idParams, consumes: ['multipart/form-data'], response: { 200: inspectionOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    const { upload } = await readSingleUpload(req);
    await inTransaction(db, req, (ctx) => attachLabResult(ctx, files, req.params.id, upload));
    return present(req.actor, (await getInspection(db, req.params.id))!);
  });

  r.get('/inspections/:id/lab-result', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'Download the lab\'s result file', params: idParams } }, async (req, reply) => {
    const v = await readable(req.actor, req.params.id);
    if (!v.labFile) throw notFound('lab_result', 'kết quả kiểm nghiệm');
    reply.header('content-type', v.labFile.mimeType).header('cache-control', 'private, max-age=0')
      .header('content-disposition', contentDisposition('inline', v.labFile.originalName)).header('content-security-policy', STORED_FILE_POLICY);
    return reply.send(await files.get(v.labFile.sha256));
  });

  r.post('/inspections/:id/revocation', { config: { access: AUTHORITY }, schema: { tags, summary: 'The competent authority completes the proposed revocation: the certificate is revoked on the proposal\'s ground, found on the conclusion\'s date (Điều 8.4)', params: idParams, body: completeRevocationBody, response: { 200: inspectionOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => completeRevocation(ctx, req.params.id, req.body));
    return present(req.actor, (await getInspection(db, req.params.id))!);
  });

  r.get('/inspections/:id/history', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'Audit trail of an inspection', params: idParams, response: { 200: historyOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    return { items: await readAudit(db, 'inspection', req.params.id) };
  });

  r.get('/corrective-actions', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'Corrective actions in scope, the earliest deadline first (status=open: the follow-up list, overdue flagged); paged by cursor', querystring: actionListQuery, response: { 200: actionList } } }, async (req, reply) => {
    const qy = req.query;
    const where = and(listScope(req.actor, qy.province, correctiveAction.provinceCode), qy.status ? eq(correctiveAction.status, qy.status) : undefined);
    const { rows, nextCursor } = await listActions(db, where, qy.pageSize, readCursor({ cursor: qy.cursor, sort: '' }, 'corrective_action', ACTION_KEYS));
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    const day = today();
    return { items: rows.map((a) => presentActionView(a, req.actor, day)), nextCursor };
  });

  r.post('/corrective-actions/:id/close', { config: { access: SUPERVISION_ROLES }, schema: { tags, summary: 'Close a corrective action with the evidence seen', params: idParams, body: closeActionBody, response: { 200: correctiveActionOut } } }, async (req) => {
    await inTransaction(db, req, (ctx) => closeCorrectiveAction(ctx, req.params.id, req.body));
    return presentActionView((await actionsByIds(db, [req.params.id]))[0], req.actor, today());
  });
};
