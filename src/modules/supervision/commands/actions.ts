// Corrective actions are followed up until closed: the inspector or office in scope closes one with the evidence seen.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../../app/errors.js';
import { vnDate } from '../../scoring/index.js';
import type { closeActionBody } from '../inspections.contract.js';
import { canAct, canReadProvince } from '../inspections.policy.js';
import { actionSnapshot } from '../inspections.present.js';
import { getActionForUpdate } from '../inspections.repo.js';
import { correctiveAction } from '../inspections.tables.js';

export async function closeCorrectiveAction(ctx: Ctx, id: string, input: z.infer<typeof closeActionBody>) {
  const found = await getActionForUpdate(ctx.tx, id);
  if (!found || !canReadProvince(ctx.actor, found.a.provinceCode)) throw notFound('corrective_action', 'yêu cầu khắc phục');
  const before = found.a;
  if (!canAct(ctx.actor, { provinceCode: before.provinceCode, level: found.level })) throw forbidden();
  if (before.version !== input.version) throw staleVersion(before.version);
  if (before.status === 'closed') throw new AppError('conflict', 'action_already_closed', { vi: 'Yêu cầu khắc phục đã được đóng', en: 'The corrective action is already closed' });
  if (input.closedOn > vnDate(ctx.now)) throw invalidField('closedOn', 'date_in_future', { vi: 'Ngày đóng không thể ở tương lai', en: 'The closing date cannot be in the future' });
  const [after] = await ctx.tx.update(correctiveAction).set({
    status: 'closed', closedOn: input.closedOn, closingNote: input.closingNote, closedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, updatedAt: ctx.now, version: before.version + 1,
  }).where(eq(correctiveAction.id, id)).returning();
  await recordAudit(ctx, { action: 'corrective_action.close', recordType: 'corrective_action', recordId: id, provinceCode: after.provinceCode, before: actionSnapshot(before), after: actionSnapshot(after) });
  return after;
}
