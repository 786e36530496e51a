import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, invalidField, notFound } from '../../../app/errors.js';
import type { updateEntityBody } from '../registry.contract.js';
import { canEditEntity } from '../registry.policy.js';
import { snapshot } from '../registry.present.js';
import { getEntityForUpdate } from '../registry.repo.js';
import { entity, product } from '../registry.tables.js';
import { communeInForce, expectVersion, registrationFree, rethrowDuplicateRegistration } from './_shared.js';

export async function updateEntity(ctx: Ctx, id: string, input: z.infer<typeof updateEntityBody>) {
  const before = await getEntityForUpdate(ctx.tx, id);
  if (!before) throw notFound('entity', 'chủ thể');
  if (!canEditEntity(ctx.actor, before)) throw forbidden();
  expectVersion(before.version, input.version);
  const { version: _v, ...changes } = input;
  let provinceCode = before.provinceCode;
  if (changes.communeCode && changes.communeCode !== before.communeCode) {
    // An approved entity's address is what its commune approved: only an officer may move it.
    if (ctx.actor.kind === 'user' && ctx.actor.role === 'entity' && before.status === 'approved') {
      throw invalidField('communeCode', 'commune_change_needs_officer', { vi: 'Chủ thể đã được phê duyệt; việc đổi xã do cán bộ xã hoặc tỉnh thực hiện', en: 'The entity is approved; a commune or province officer must make the move' });
    }
    const commune = await communeInForce(ctx.tx, changes.communeCode);
    // Moving an entity out of the actor's own scope would hand it to someone else: only within scope.
    if (!canEditEntity(ctx.actor, { ...before, communeCode: commune.code, provinceCode: commune.provinceCode })) {
      throw invalidField('communeCode', 'commune_out_of_scope', { vi: 'Không thể chuyển chủ thể ra ngoài địa bàn bạn quản lý', en: 'You cannot move the entity outside your area' });
    }
    provinceCode = commune.provinceCode;
  }
  if (changes.registrationNumber) await registrationFree(ctx.tx, changes.registrationNumber, id);
  const [after] = await ctx.tx.update(entity).set({ ...changes, provinceCode, updatedAt: ctx.now, version: before.version + 1 })
    .where(eq(entity.id, id)).returning().catch(rethrowDuplicateRegistration);
  if (after.communeCode !== before.communeCode) {
    // Its products move with it (their codes keep the commune that issued them).
    await ctx.tx.update(product).set({ provinceCode, communeCode: after.communeCode, updatedAt: ctx.now }).where(eq(product.entityId, id));
  }
  await recordAudit(ctx, { action: 'entity.update', recordType: 'entity', recordId: id, provinceCode, communeCode: after.communeCode, before: snapshot(before), after: snapshot(after) });
  return after;
}
