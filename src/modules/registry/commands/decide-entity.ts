import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, notFound } from '../../../app/errors.js';
import { enqueue } from '../../../app/outbox.js';
import { canApproveEntity } from '../registry.policy.js';
import { snapshot } from '../registry.present.js';
import { getEntityForUpdate } from '../registry.repo.js';
import { entity } from '../registry.tables.js';
import { expectVersion } from './_shared.js';

/** The commune approves a producer's registration, or refuses it with a reason the producer reads. */
export async function decideEntity(ctx: Ctx, id: string, decision: { approve: true; version: number } | { approve: false; reason: string; version: number }) {
  const before = await getEntityForUpdate(ctx.tx, id);
  if (!before) throw notFound('entity', 'chủ thể');
  if (!canApproveEntity(ctx.actor, before)) {
    if (ctx.actor.kind === 'user' && before.status === 'approved') {
      throw new AppError('conflict', 'entity_already_approved', { vi: 'Chủ thể đã được phê duyệt', en: 'The entity is already approved' });
    }
    throw forbidden();
  }
  if (!decision.approve && before.status !== 'pending') {
    throw new AppError('conflict', 'entity_not_pending', { vi: 'Chỉ từ chối được hồ sơ đang chờ duyệt', en: 'Only a pending registration can be refused' });
  }
  expectVersion(before.version, decision.version);
  const [after] = await ctx.tx.update(entity).set({
    status: decision.approve ? 'approved' : 'refused', statusReason: decision.approve ? null : decision.reason,
    updatedAt: ctx.now, version: before.version + 1,
  }).where(eq(entity.id, id)).returning();
  await recordAudit(ctx, { action: decision.approve ? 'entity.approve' : 'entity.refuse', recordType: 'entity', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshot(before), after: snapshot(after) });
  if (decision.approve) await enqueue(ctx.tx, 'entity.approved', { entityId: id });
  else await enqueue(ctx.tx, 'entity.refused', { entityId: id, reason: decision.reason });
  return after;
}
