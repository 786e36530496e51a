// The officers' actions on a report in their province's queue: triage (fix the category or lot, assign, start the
// investigation), merge a duplicate into the report it repeats, link the inspection it triggered, close it with the
// resolution. Each is audited; the public status (GET /api/v1/reports/{reference}) follows.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../../app/errors.js';
import type { closeReportBody, linkInspectionBody, mergeReportBody, triageReportBody } from '../reports.contract.js';
import { canHandle, inScope } from '../reports.policy.js';
import { snapshot } from '../reports.present.js';
import { assignable, lockReport } from '../reports.repo.js';
import { nextStatus, normalizeReference, type ReportAction } from '../reports.rules.js';
import { report, type ReportRow, type ReportStatus } from '../reports.tables.js';

const reportNotFound = () => notFound('report', 'phản ánh');
const ended = () => new AppError('conflict', 'report_ended', { vi: 'Phản ánh đã đóng hoặc đã được gộp', en: 'The report is closed or merged' });

/** The report, locked; 404 to whoever may not read it, 403 to a reader who may not handle it, 409 if stale. */
async function locked(ctx: Ctx, reference: string, version: number) {
  const r = await lockReport(ctx.tx, reference);
  if (!r || !inScope(ctx.actor, r)) throw reportNotFound();
  if (!canHandle(ctx.actor, r)) throw forbidden();
  if (r.version !== version) throw staleVersion(r.version);
  return r;
}

function next(r: ReportRow, action: ReportAction, opts?: { investigate?: boolean }): ReportStatus {
  const s = nextStatus(r.status, action, opts);
  if (!s) throw ended();
  return s;
}

async function save(ctx: Ctx, before: ReportRow, action: string, changes: Partial<typeof report.$inferInsert>) {
  const [after] = await ctx.tx.update(report).set({ ...changes, updatedAt: ctx.now, version: before.version + 1 }).where(eq(report.id, before.id)).returning();
  await recordAudit(ctx, { action: `report.${action}`, recordType: 'report', recordId: before.id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshot(before), after: snapshot(after) });
  return after;
}

export async function triageReport(ctx: Ctx, reference: string, input: z.infer<typeof triageReportBody>) {
  const before = await locked(ctx, reference, input.version);
  const status = next(before, 'triage', { investigate: input.investigate });
  if (input.assignedTo) {
    const u = await assignable(ctx.tx, input.assignedTo);
    const fits = u && (u.role === 'central' || ((u.role === 'province' || u.role === 'inspector') && (u.provinceCode === before.provinceCode || (u.role === 'inspector' && u.provinceCode === null))));
    if (!fits) throw invalidField('assignedTo', 'assignee_out_of_scope', { vi: 'Người được giao phải là cán bộ hoặc thanh tra của tỉnh này', en: 'The assignee must be an officer or inspector of this province' });
  }
  return save(ctx, before, 'triage', {
    status,
    ...(input.category !== undefined ? { category: input.category } : {}),
    ...(input.assignedTo !== undefined ? { assignedTo: input.assignedTo } : {}),
    ...(input.lot !== undefined ? { lot: input.lot || null } : {}),
  });
}

export async function mergeReport(ctx: Ctx, reference: string, input: z.infer<typeof mergeReportBody>) {
  const before = await locked(ctx, reference, input.version);
  const status = next(before, 'merge');
  const into = normalizeReference(input.into);
  const target = into ? await lockReport(ctx.tx, into) : undefined;
  if (!target || !inScope(ctx.actor, target) || target.provinceCode !== before.provinceCode) throw invalidField('into', 'merge_target_not_found', { vi: 'Không tìm thấy phản ánh gốc trong cùng tỉnh', en: 'No such report in the same province' });
  if (target.id === before.id) throw invalidField('into', 'merge_into_itself', { vi: 'Không thể gộp phản ánh vào chính nó', en: 'A report cannot be merged into itself' });
  if (target.status === 'merged') throw invalidField('into', 'merge_into_merged', { vi: 'Phản ánh gốc đã được gộp vào phản ánh khác; hãy gộp vào phản ánh đó', en: 'That report was itself merged; merge into the one it joined' });
  // Reports merged into this one follow it to the original, so no chain forms.
  const after = await save(ctx, before, 'merge', { status, duplicateOf: target.id });
  const followers = await ctx.tx.update(report).set({ duplicateOf: target.id, updatedAt: ctx.now }).where(eq(report.duplicateOf, before.id)).returning({ id: report.id });
  for (const f of followers) await recordAudit(ctx, { action: 'report.merge', recordType: 'report', recordId: f.id, provinceCode: after.provinceCode, communeCode: after.communeCode, after: { duplicateOf: target.id, via: before.id } });
  return after;
}

export async function linkInspection(ctx: Ctx, reference: string, input: z.infer<typeof linkInspectionBody>) {
  const before = await locked(ctx, reference, input.version);
  return save(ctx, before, 'link', { status: next(before, 'link'), inspectionId: input.inspectionId });
}

export async function closeReport(ctx: Ctx, reference: string, input: z.infer<typeof closeReportBody>) {
  const before = await locked(ctx, reference, input.version);
  return save(ctx, before, 'close', { status: next(before, 'close'), resolution: input.resolution, closedAt: ctx.now });
}
