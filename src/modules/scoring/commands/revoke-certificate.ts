// Revokes a certificate on one of the six grounds of Điều 8, by the competent authority (province for 3★–4★,
// Ministry for 5★). Điều 8.4's 15 days from the conclusion or confirmation are the authority's duty, not a bar: a later
// decision is accepted (a certificate the law says must go does not stay in force) and stored with its days late.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField, notFound } from '../../../app/errors.js';
import { enqueue } from '../../../app/outbox.js';
import { applyCertificate } from '../../registry/index.js';
import { revocationTiming, standingOn, vnDate } from '../certificates.rules.js';
import type { revokeBody } from '../certificates.contract.js';
import { canRevokeCertificate } from '../certificates.policy.js';
import { certificateSnapshot } from '../certificates.present.js';
import { getForUpdate, hasLateReRatingPending } from '../certificates.repo.js';
import { certificate, revocationProposal } from '../certificates.tables.js';

export type RevokeCertificateInput = z.infer<typeof revokeBody>;

export async function revokeCertificate(ctx: Ctx, number: string, input: RevokeCertificateInput) {
  const before = await getForUpdate(ctx.tx, number);
  if (!before) throw notFound('certificate', 'giấy chứng nhận');
  if (!canRevokeCertificate(ctx.actor, before)) throw forbidden('not_competent_authority');
  const today = vnDate(ctx.now);
  // A certificate kept in force past its expiry by a late re-rating (Điều 12.3) can still be revoked.
  const { status } = standingOn(before, today, await hasLateReRatingPending(ctx.tx, before.id));
  if (status !== 'valid') {
    throw new AppError('conflict', 'certificate_not_in_force', { vi: `Giấy chứng nhận không còn hiệu lực (${status}); không thể thu hồi`, en: `The certificate is no longer in force (${status}); it cannot be revoked` }, { status });
  }
  if (input.decidedOn > today) throw invalidField('decidedOn', 'date_in_future', { vi: 'Ngày quyết định không thể ở tương lai', en: 'The decision date cannot be in the future' });
  if (input.groundFoundOn > input.decidedOn) throw invalidField('groundFoundOn', 'ground_after_decision', { vi: 'Ngày có kết luận không thể sau ngày quyết định thu hồi', en: 'The conclusion cannot come after the revocation decision' });
  const timing = revocationTiming(input.groundFoundOn, input.decidedOn);
  const authority = before.authority;
  const [after] = await ctx.tx.update(certificate).set({
    status: 'revoked', revocationGround: input.ground, revocationGroundFoundOn: input.groundFoundOn, revocationDecisionNumber: input.decisionNumber,
    revokedOn: input.decidedOn, revocationAuthority: authority, revocationNote: input.note ?? null,
    revocationDeadlineOn: timing.deadlineOn, revocationDaysLate: timing.daysLate,
    revokedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, updatedAt: ctx.now, version: before.version + 1,
  }).where(eq(certificate.id, before.id)).returning();
  await recordAudit(ctx, { action: 'certificate.revoke', recordType: 'certificate', recordId: after.id, provinceCode: after.provinceCode, before: certificateSnapshot(before), after: certificateSnapshot(after) });
  // A pending proposal (an inspection's conclusion, 0027) is completed by this decision.
  await ctx.tx.update(revocationProposal).set({ status: 'completed', completedAt: ctx.now })
    .where(and(eq(revocationProposal.certificateId, after.id), eq(revocationProposal.status, 'pending')));
  await applyCertificate(ctx, after.productId, { status: 'revoked', certificateNumber: after.number });
  await enqueue(ctx.tx, 'certificate.revoked', { certificateId: after.id, number: after.number, productId: after.productId, entityId: after.entityId, ground: input.ground });
  if (timing.daysLate > 0) ctx.log.warn({ number: after.number, daysLate: timing.daysLate }, 'certificate revoked after the Điều 8.4 deadline');
  return after;
}
