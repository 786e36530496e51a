// The commune officer decides on a submitted idea: accepted into the cycle (it goes on to its business plan), or
// returned to the producer with the reason (who may correct it and submit again).
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { canDecideIdea } from '../cycle.policy.js';
import { ideaSnapshot } from '../cycle.present.js';
import { productIdea } from '../cycle.tables.js';
import { actorId, lockedIdea } from './_idea.js';

const NOT_SUBMITTED = { code: 'idea_not_submitted', vi: 'Ý tưởng không ở trạng thái chờ xã xem xét', en: 'The idea is not waiting for the commune' };

export async function acceptIdea(ctx: Ctx, id: string, version: number) {
  const before = await lockedIdea(ctx, id, version, (i) => canDecideIdea(ctx.actor, i), NOT_SUBMITTED);
  const [after] = await ctx.tx.update(productIdea).set({ status: 'accepted', statusReason: null, step: 'business_plan', decidedBy: actorId(ctx), decidedAt: ctx.now, updatedAt: ctx.now, version: before.version + 1 })
    .where(eq(productIdea.id, id)).returning();
  await recordAudit(ctx, { action: 'idea.accept', recordType: 'product_idea', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: ideaSnapshot(before), after: ideaSnapshot(after) });
  return after;
}

export async function returnIdea(ctx: Ctx, id: string, version: number, reason: string) {
  const before = await lockedIdea(ctx, id, version, (i) => canDecideIdea(ctx.actor, i), NOT_SUBMITTED);
  const [after] = await ctx.tx.update(productIdea).set({ status: 'returned', statusReason: reason, decidedBy: actorId(ctx), decidedAt: ctx.now, updatedAt: ctx.now, version: before.version + 1 })
    .where(eq(productIdea.id, id)).returning();
  await recordAudit(ctx, { action: 'idea.return', recordType: 'product_idea', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: ideaSnapshot(before), after: ideaSnapshot(after) });
  return after;
}
