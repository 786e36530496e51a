import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden } from '../../../app/errors.js';
import type { createEntityBody } from '../registry.contract.js';
import { canCreateEntity } from '../registry.policy.js';
import { snapshot } from '../registry.present.js';
import { entity } from '../registry.tables.js';
import { communeInForce, registrationFree, rethrowDuplicateRegistration } from './_shared.js';

/**
 * Registers an entity. Officers enter entities they vouch for (approved at once); a producer signing up gets a
 * pending entity that its commune must approve (`asProducer`).
 */
export async function createEntity(ctx: Ctx, input: z.infer<typeof createEntityBody>, opts: { asProducer?: boolean } = {}) {
  const commune = await communeInForce(ctx.tx, input.communeCode);
  if (!opts.asProducer && !canCreateEntity(ctx.actor, { provinceCode: commune.provinceCode, communeCode: commune.code })) throw forbidden();
  await registrationFree(ctx.tx, input.registrationNumber);
  const [row] = await ctx.tx.insert(entity).values({
    ...input, provinceCode: commune.provinceCode, status: opts.asProducer ? 'pending' : 'approved',
    createdAt: ctx.now, updatedAt: ctx.now,
  }).returning().catch(rethrowDuplicateRegistration);
  await recordAudit(ctx, { action: 'entity.create', recordType: 'entity', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: snapshot(row) });
  return row;
}
