// Opens the revocation flow of Điều 8 for the competent authority: a proposal on one of the six grounds, with the
// finding as its evidence and the day the ground was established, from which Điều 8.4 counts its 15 days. The
// authority completes it by revoking the certificate (revoke-certificate.ts); a certificate has one pending proposal.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, invalidField, notFound } from '../../../app/errors.js';
import { revocationDeadline, standingOn, vnDate } from '../certificates.rules.js';
import { hasLateReRatingPending } from '../certificates.repo.js';
import { certificate, revocationProposal } from '../certificates.tables.js';
import { REVOCATION_GROUNDS } from '../rules.data.js';

export type ProposeRevocationInput = {
  certificateId: string; ground: string; groundFoundOn: string; evidence: string;
  source: { type: 'inspection'; id: string; path?: string };
};

/** The caller (supervision) has decided who may propose; this checks the certificate and the ground. */
export async function proposeRevocation(ctx: Ctx, input: ProposeRevocationInput) {
  const [c] = await ctx.tx.select().from(certificate).where(eq(certificate.id, input.certificateId)).for('update');
  if (!c) throw notFound('certificate', 'giấy chứng nhận');
  if (!REVOCATION_GROUNDS.includes(input.ground)) throw invalidField('revocationGround', 'unknown_ground', { vi: 'Căn cứ thu hồi không thuộc Điều 8.1', en: 'Not a ground of Điều 8.1' });
  const { status } = standingOn(c, vnDate(ctx.now), await hasLateReRatingPending(ctx.tx, c.id));
  if (status !== 'valid') {
    throw new AppError('conflict', 'certificate_not_in_force', { vi: `Giấy chứng nhận không còn hiệu lực (${status}); không thể đề nghị thu hồi`, en: `The certificate is no longer in force (${status}); no revocation can be proposed` }, { status });
  }
  const [pending] = await ctx.tx.select({ id: revocationProposal.id }).from(revocationProposal)
    .where(and(eq(revocationProposal.certificateId, c.id), eq(revocationProposal.status, 'pending')));
  if (pending) throw new AppError('conflict', 'revocation_already_proposed', { vi: 'Giấy chứng nhận này đã có đề nghị thu hồi đang chờ xử lý', en: 'A revocation of this certificate is already proposed and pending' });
  const [row] = await ctx.tx.insert(revocationProposal).values({
    certificateId: c.id, ground: input.ground, groundFoundOn: input.groundFoundOn, deadlineOn: revocationDeadline(input.groundFoundOn),
    evidence: input.evidence, sourceType: input.source.type, sourceId: input.source.id, sourcePath: input.source.path ?? null,
    proposedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, createdAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'certificate.revocation_proposed', recordType: 'certificate', recordId: c.id, provinceCode: c.provinceCode, after: { proposalId: row.id, ground: row.ground, groundFoundOn: row.groundFoundOn, deadlineOn: row.deadlineOn, source: input.source } });
  return row;
}
