import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden } from '../../../app/errors.js';
import type { evaluationBody } from '../trainings.contract.js';
import { trainingAttendee, trainingEvaluation } from '../trainings.tables.js';
import { lockedTraining } from './_training.js';

const alreadyEvaluated = () => new AppError('conflict', 'already_evaluated', { vi: 'Bạn đã gửi phiếu đánh giá lớp này', en: 'You have already evaluated this training' });

/** An attendee who came rates the event once (a few ratings and a comment). */
export async function evaluateTraining(ctx: Ctx, id: string, input: z.infer<typeof evaluationBody>) {
  if (ctx.actor.kind !== 'user') throw forbidden();
  const t = await lockedTraining(ctx, id, undefined, () => true);
  const [a] = await ctx.tx.select().from(trainingAttendee).where(and(eq(trainingAttendee.trainingId, id), eq(trainingAttendee.userId, ctx.actor.id)));
  if (!a?.attendedAt) throw new AppError('forbidden', 'not_an_attendee', { vi: 'Chỉ người đã tham dự mới gửi phiếu đánh giá', en: 'Only those who attended may evaluate' });
  const [row] = await ctx.tx.insert(trainingEvaluation).values({ attendeeId: a.id, trainingId: id, ...input, comment: input.comment ?? null, createdAt: ctx.now })
    .onConflictDoNothing().returning();
  if (!row) throw alreadyEvaluated();
  await recordAudit(ctx, { action: 'training.evaluate', recordType: 'training', recordId: id, provinceCode: t.provinceCode, communeCode: t.communeCode, after: { attendeeId: a.id } });
  return row;
}
