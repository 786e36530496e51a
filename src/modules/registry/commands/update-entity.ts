import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, invalidField, notFound } from '../../../app/errors.js';
import type { updateEntityBody } from '../registry.contract.js';
import { canEditEntity } from '../registry.policy.js';
import { snapshot } from '../registry.present.js';
import { getEntityForUpdate } from '../registry.repo.js';
import { entity } from '../registry.tables.js';
import { communeInForce, expectVersion, registrationFree, rethrowDuplicateRegistration } from './_shared.js';

export async function updateEntity(ctx: Ctx, id: string, input: z.infer<typeof updateEntityBody>) {
  const before = await getEntityForUpdate(ctx.tx, id);
  if (!before) throw notFound('entity', 'chủ thể');
  if (!canEditEntity(ctx.actor, before)) throw forbidden();
  expectVersion(before.version, input.version);
  const { version: _v, ...changes } = input;
  let provinceCode = before.provinceCode;
  if (changes.communeCode && changes.communeCode !== before.communeCode) {
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
  await recordAudit(ctx, { action: 'entity.update', recordType: 'entity', recordId: id, provinceCode, communeCode: after.communeCode, before: snapshot(before), after: snapshot(after) });
  return after;
}
