// Inspections: an unplanned one (after a complaint), the record of what was checked and concluded, the lab's result
// file, and the revocation a conclusion proposed, completed by the competent authority through scoring.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../../app/errors.js';
import { ALLOWED_TYPES, type FileStore } from '../../../app/files.js';
import type { Upload } from '../../../app/uploads.js';
import { storeFile } from '../../registry/index.js';
import { certificate, proposeRevocation, revokeCertificate, vnDate } from '../../scoring/index.js';
import type { completeRevocationBody, createInspectionBody, recordInspectionBody } from '../inspections.contract.js';
import { canAct, canReadProvince, isCentral } from '../inspections.policy.js';
import { actionSnapshot, inspectionSnapshot } from '../inspections.present.js';
import { getInspectionForUpdate } from '../inspections.repo.js';
import { conclusionError, levelOf } from '../inspections.rules.js';
import { correctiveAction, inspection, inspectionPlan } from '../inspections.tables.js';
import { inspectable } from './plans.js';

const actorId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);
/** Where the inspection is read in the app (the authority's queue links to it). */
export const inspectionPath = (id: string) => `/lam-viec/thanh-tra/kiem-tra/${id}`;

/** An unplanned inspection of one certified product (after a complaint, or a tip-off), in the actor's province. */
export async function createInspection(ctx: Ctx, input: z.infer<typeof createInspectionBody>) {
  const mine = ctx.actor.kind === 'user' && !isCentral(ctx.actor) ? ctx.actor.provinceCode ?? '' : undefined;
  const { candidate, reasons } = await inspectable(ctx, input.productId, { provinceCode: mine }, 'productId');
  const { provinceCode } = candidate;
  const level = levelOf(candidate.stars);
  if (!canAct(ctx.actor, { provinceCode, level })) throw forbidden();
  const [row] = await ctx.tx.insert(inspection).values({
    productId: input.productId, certificateId: candidate.certificateId, entityId: candidate.entityId, provinceCode, level,
    reasons: input.reportId ? ['complaint', ...reasons.filter((r) => r !== 'complaints')] : reasons, dueOn: input.dueOn,
    createdBy: actorId(ctx), createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'inspection.create', recordType: 'inspection', recordId: row.id, provinceCode, after: { ...inspectionSnapshot(row), reportId: input.reportId ?? null } });
  return row;
}

/** The inspection, locked; 404 outside the actor's province, 403 to a reader who may not act on it. */
export async function lockedInspection(ctx: Ctx, id: string, version?: number) {
  const i = await getInspectionForUpdate(ctx.tx, id);
  if (!i || !canReadProvince(ctx.actor, i.provinceCode)) throw notFound('inspection', 'cuộc kiểm tra');
  if (!canAct(ctx.actor, i)) throw forbidden();
  if (version !== undefined && i.version !== version) throw staleVersion(i.version);
  return i;
}

/** Records what was checked, the findings and the conclusion (once). A corrective action opens its follow-up; a
 * proposal to revoke opens scoring's revocation flow for the competent authority, the finding as its evidence and the
 * conclusion's date as the day the ground was established (Điều 8.4 counts its 15 days from it). */
export async function recordInspection(ctx: Ctx, id: string, input: z.infer<typeof recordInspectionBody>) {
  const before = await lockedInspection(ctx, id, input.version);
  if (before.status !== 'planned') throw new AppError('conflict', 'inspection_already_recorded', { vi: 'Cuộc kiểm tra đã có kết luận', en: 'The inspection already has its conclusion' });
  if (before.planId) {
    const [plan] = await ctx.tx.select({ status: inspectionPlan.status }).from(inspectionPlan).where(eq(inspectionPlan.id, before.planId));
    if (plan?.status !== 'approved') throw new AppError('conflict', 'plan_not_approved', { vi: 'Kế hoạch kiểm tra chưa được phê duyệt', en: 'The inspection plan is not approved yet' });
  }
  const err = conclusionError(input, vnDate(ctx.now));
  if (err) throw invalidField(err.field, err.code, { vi: err.vi, en: err.en });
  const [after] = await ctx.tx.update(inspection).set({
    status: 'done', inspectedOn: input.inspectedOn, team: input.team,
    checks: Object.fromEntries(Object.entries(input.checks).map(([k, v]) => [k, { result: v.result, note: v.note ?? null }])) as never,
    labName: input.labName ?? null, labResult: input.labResult ?? null, findings: input.findings, conclusion: input.conclusion, concludedOn: input.concludedOn,
    revocationGround: input.conclusion === 'revocation_proposed' ? input.revocationGround! : null, updatedAt: ctx.now, version: before.version + 1,
  }).where(eq(inspection.id, id)).returning();
  for (const a of input.correctiveActions ?? []) {
    const [row] = await ctx.tx.insert(correctiveAction).values({ inspectionId: id, provinceCode: before.provinceCode, description: a.description, dueOn: a.dueOn, createdAt: ctx.now, updatedAt: ctx.now }).returning();
    await recordAudit(ctx, { action: 'corrective_action.open', recordType: 'corrective_action', recordId: row.id, provinceCode: row.provinceCode, after: actionSnapshot(row) });
  }
  let result = after;
  if (input.conclusion === 'revocation_proposed') {
    const proposal = await proposeRevocation(ctx, {
      certificateId: before.certificateId, ground: input.revocationGround!, groundFoundOn: input.concludedOn,
      evidence: `Kết luận kiểm tra ngày ${input.concludedOn}: ${input.findings}`.slice(0, 8000), source: { type: 'inspection', id, path: inspectionPath(id) },
    });
    [result] = await ctx.tx.update(inspection).set({ revocationProposalId: proposal.id }).where(eq(inspection.id, id)).returning();
  }
  await recordAudit(ctx, { action: 'inspection.record', recordType: 'inspection', recordId: id, provinceCode: before.provinceCode, before: inspectionSnapshot(before), after: inspectionSnapshot(result) });
  return result;
}

/** The lab's result for the samples (PDF or a photo), checked by its bytes and size-limited by the upload parser. */
export async function attachLabResult(ctx: Ctx, files: FileStore, id: string, upload: Upload) {
  const before = await lockedInspection(ctx, id);
  const file = await storeFile(ctx, files, upload, ALLOWED_TYPES.document);
  const [after] = await ctx.tx.update(inspection).set({ labFileId: file.id, updatedAt: ctx.now, version: before.version + 1 }).where(eq(inspection.id, id)).returning();
  await recordAudit(ctx, { action: 'inspection.lab_result', recordType: 'inspection', recordId: id, provinceCode: before.provinceCode, before: inspectionSnapshot(before), after: { ...inspectionSnapshot(after), file: { name: file.originalName, sha256: file.sha256 } } });
  return after;
}

/** The competent authority completes the proposed revocation: the certificate is revoked on the proposal's ground,
 * the ground established on the conclusion's date; late after Điều 8.4's 15 days, still accepted and marked late. */
export async function completeRevocation(ctx: Ctx, id: string, input: z.infer<typeof completeRevocationBody>) {
  const i = await getInspectionForUpdate(ctx.tx, id);
  if (!i || !canReadProvince(ctx.actor, i.provinceCode)) throw notFound('inspection', 'cuộc kiểm tra');
  if (i.conclusion !== 'revocation_proposed' || !i.revocationProposalId) throw new AppError('conflict', 'no_revocation_proposed', { vi: 'Cuộc kiểm tra không đề nghị thu hồi', en: 'The inspection proposes no revocation' });
  const [c] = await ctx.tx.select({ number: certificate.number }).from(certificate).where(eq(certificate.id, i.certificateId));
  return revokeCertificate(ctx, c.number, {
    ground: i.revocationGround!, groundFoundOn: i.concludedOn!, decisionNumber: input.decisionNumber, decidedOn: input.decidedOn,
    note: input.note ?? `Theo kết luận kiểm tra ngày ${i.concludedOn}: ${i.findings ?? ''}`.slice(0, 2000),
  });
}
