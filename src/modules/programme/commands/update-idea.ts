// The author corrects an idea not yet accepted; a returned idea goes back to the commune as submitted.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import type { updateIdeaBody } from '../cycle.contract.js';
import { canEditIdea } from '../cycle.policy.js';
import { ideaSnapshot } from '../cycle.present.js';
import { productIdea } from '../cycle.tables.js';
import { lockedIdea } from './_idea.js';

export async function updateIdea(ctx: Ctx, id: string, input: z.infer<typeof updateIdeaBody>) {
  const { version, ...changes } = input;
  const before = await lockedIdea(ctx, id, version, (i) => canEditIdea(ctx.actor, i), { code: 'idea_already_accepted', vi: 'Ý tưởng đã được tiếp nhận, không sửa được', en: 'The idea was accepted and can no longer change' });
  const [after] = await ctx.tx.update(productIdea).set({ ...changes, status: 'submitted', statusReason: null, updatedAt: ctx.now, version: before.version + 1 }).where(eq(productIdea.id, id)).returning();
  await recordAudit(ctx, { action: before.status === 'returned' ? 'idea.resubmit' : 'idea.update', recordType: 'product_idea', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: ideaSnapshot(before), after: ideaSnapshot(after) });
  return after;
}
