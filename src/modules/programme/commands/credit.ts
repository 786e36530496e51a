// The credit use cases: an office keeps its programmes; an entity (or its commune officer) records an application;
// the entity, its commune or province records the lender's answer. Each audited in the caller's transaction.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../../app/errors.js';
import { vnDate } from '../../scoring/index.js';
import { publishingProvince } from '../content.policy.js';
import { creditApplication, creditProgramme } from '../content.tables.js';
import type { createApplicationBody, createProgrammeBody, outcomeBody, updateProgrammeBody } from '../credit.contract.js';
import { applicationInScope, canApplyFor, canEditProgramme, canRecordOutcome, programmeServes } from '../credit.policy.js';
import { applicationSnapshot, programmeSnapshot } from '../credit.present.js';
import { entityForApplication, getApplicationForUpdate, getProgramme, getProgrammeForUpdate } from '../credit.repo.js';
import { isOpen, withinCeiling } from '../credit.rules.js';

export async function createProgramme(ctx: Ctx, input: z.infer<typeof createProgrammeBody>) {
  const province = publishingProvince(ctx.actor);
  if (province === undefined) throw forbidden();
  const [row] = await ctx.tx.insert(creditProgramme).values({
    ...input, ratePercent: input.ratePercent ?? null, rateNote: input.rateNote ?? null, maxAmountVnd: input.maxAmountVnd ?? null,
    opensOn: input.opensOn ?? null, deadline: input.deadline ?? null, contact: input.contact ?? null, active: input.active ?? true,
    provinceCode: province, createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'credit_programme.create', recordType: 'credit_programme', recordId: row.id, provinceCode: row.provinceCode, after: programmeSnapshot(row) });
  return row;
}

export async function updateProgramme(ctx: Ctx, id: string, input: z.infer<typeof updateProgrammeBody>) {
  const before = await getProgrammeForUpdate(ctx.tx, id);
  if (!before) throw notFound('credit_programme', 'chương trình tín dụng');
  if (!canEditProgramme(ctx.actor, before)) throw forbidden();
  if (before.version !== input.version) throw staleVersion(before.version);
  const { version: _v, ...changes } = input;
  const merged = { ...before, ...changes };
  if (merged.opensOn && merged.deadline && merged.deadline < merged.opensOn) throw invalidField('deadline', 'deadline_before_opening', { vi: 'Hạn chót không thể trước ngày mở', en: 'The deadline cannot precede the opening date' });
  const [after] = await ctx.tx.update(creditProgramme).set({ ...changes, updatedAt: ctx.now, version: before.version + 1 }).where(eq(creditProgramme.id, id)).returning();
  await recordAudit(ctx, { action: 'credit_programme.update', recordType: 'credit_programme', recordId: id, provinceCode: after.provinceCode, before: programmeSnapshot(before), after: programmeSnapshot(after) });
  return after;
}

export async function createApplication(ctx: Ctx, input: z.infer<typeof createApplicationBody>) {
  const actor = ctx.actor;
  const entityId = input.entityId ?? (actor.kind === 'user' && actor.role === 'entity' ? actor.entityId : null);
  if (!entityId) throw invalidField('entityId', 'entity_required', { vi: 'Cần chọn chủ thể', en: 'Name the entity' });
  const e = await entityForApplication(ctx.tx, entityId);
  // An entity outside the officer's commune is as unknown to them as one that does not exist.
  if (!e || !applicationInScope(actor, e)) throw notFound('entity', 'chủ thể');
  if (!canApplyFor(actor, e)) throw forbidden();
  const p = await getProgramme(ctx.tx, input.programmeId);
  if (!p) throw invalidField('programmeId', 'programme_not_found', { vi: 'Không tìm thấy chương trình', en: 'Programme not found' });
  if (!programmeServes(p, e)) throw invalidField('programmeId', 'programme_not_for_province', { vi: 'Chương trình không áp dụng cho tỉnh của chủ thể', en: 'The programme does not serve the entity\'s province' });
  if (!isOpen(p, vnDate(ctx.now)) && !isOpen(p, input.submittedOn)) throw new AppError('unprocessable', 'programme_closed', { vi: 'Chương trình đã đóng hoặc hết hạn nhận hồ sơ', en: 'The programme is closed or past its deadline' }, { field: 'programmeId' });
  if (input.submittedOn > vnDate(ctx.now)) throw invalidField('submittedOn', 'date_in_future', { vi: 'Ngày nộp không thể ở tương lai', en: 'The submission date cannot be in the future' });
  const [row] = await ctx.tx.insert(creditApplication).values({
    programmeId: p.id, entityId: e.id, requestedAmountVnd: input.requestedAmountVnd, purpose: input.purpose, submittedOn: input.submittedOn, note: input.note ?? null,
    provinceCode: e.provinceCode, communeCode: e.communeCode, recordedBy: actor.kind === 'user' ? actor.id : null, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'credit_application.create', recordType: 'credit_application', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: applicationSnapshot(row) });
  return row;
}

export async function recordOutcome(ctx: Ctx, id: string, input: z.infer<typeof outcomeBody>) {
  const before = await getApplicationForUpdate(ctx.tx, id);
  if (!before || !applicationInScope(ctx.actor, before)) throw notFound('credit_application', 'hồ sơ vay vốn');
  if (before.version !== input.version) throw staleVersion(before.version);
  if (before.status !== 'submitted') throw new AppError('conflict', 'already_decided', { vi: 'Hồ sơ đã có kết quả', en: 'The application already has its outcome' });
  if (!canRecordOutcome(ctx.actor, before)) throw forbidden();
  if (input.decidedOn < before.submittedOn) throw invalidField('decidedOn', 'decided_before_submitted', { vi: 'Ngày có kết quả không thể trước ngày nộp', en: 'The decision cannot precede the submission' });
  if (input.decidedOn > vnDate(ctx.now)) throw invalidField('decidedOn', 'date_in_future', { vi: 'Ngày có kết quả không thể ở tương lai', en: 'The decision date cannot be in the future' });
  if (input.status === 'approved') {
    const p = (await getProgramme(ctx.tx, before.programmeId))!;
    if (!withinCeiling(input.approvedAmountVnd, p.maxAmountVnd)) throw invalidField('approvedAmountVnd', 'above_ceiling', { vi: 'Số tiền vượt mức tối đa của chương trình', en: 'The amount is above the programme\'s ceiling' });
  }
  const [after] = await ctx.tx.update(creditApplication).set({
    status: input.status, decidedOn: input.decidedOn, approvedAmountVnd: input.status === 'approved' ? input.approvedAmountVnd : null,
    rejectionReason: input.status === 'rejected' ? input.reason : null, ...(input.note !== undefined ? { note: input.note } : {}),
    updatedAt: ctx.now, version: before.version + 1,
  }).where(eq(creditApplication.id, id)).returning();
  await recordAudit(ctx, { action: `credit_application.${input.status}`, recordType: 'credit_application', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: applicationSnapshot(before), after: applicationSnapshot(after) });
  return after;
}
