// Bước 3–4 of the cycle: the author hands the accepted idea's business plan to the commune, which then moves the idea
// on to carrying it out (and later links the product registered from it).
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { invalidField } from '../../../app/errors.js';
import { product } from '../../registry/index.js';
import type { advanceIdeaBody, businessPlanBody } from '../cycle.contract.js';
import { canAdvanceIdea, canSubmitBusinessPlan } from '../cycle.policy.js';
import { ideaSnapshot } from '../cycle.present.js';
import { productIdea } from '../cycle.tables.js';
import { actorId, lockedIdea } from './_idea.js';

export async function submitBusinessPlan(ctx: Ctx, id: string, input: z.infer<typeof businessPlanBody>) {
  const before = await lockedIdea(ctx, id, input.version, (i) => canSubmitBusinessPlan(ctx.actor, i), { code: 'idea_not_accepted', vi: 'Phương án chỉ nộp cho ý tưởng đã được xã tiếp nhận', en: 'A business plan follows an idea the commune accepted' });
  const businessPlan = { summary: input.summary, investmentVnd: input.investmentVnd ?? null, expectedOutput: input.expectedOutput ?? null, startsOn: input.startsOn ?? null, submittedAt: ctx.now.toISOString(), submittedBy: actorId(ctx) };
  const [after] = await ctx.tx.update(productIdea).set({ businessPlan, updatedAt: ctx.now, version: before.version + 1 }).where(eq(productIdea.id, id)).returning();
  await recordAudit(ctx, { action: 'idea.business_plan', recordType: 'product_idea', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: ideaSnapshot(before), after: ideaSnapshot(after) });
  return after;
}

export async function advanceIdea(ctx: Ctx, id: string, input: z.infer<typeof advanceIdeaBody>) {
  const before = await lockedIdea(ctx, id, input.version, (i) => canAdvanceIdea(ctx.actor, i), { code: 'business_plan_missing', vi: 'Chưa nhận phương án sản xuất kinh doanh', en: 'No business plan received yet' });
  if (input.productId) {
    const [p] = await ctx.tx.select({ id: product.id }).from(product).where(and(eq(product.id, input.productId), eq(product.communeCode, before.communeCode)));
    if (!p || (before.entityId && !(await ctx.tx.select({ id: product.id }).from(product).where(and(eq(product.id, input.productId), eq(product.entityId, before.entityId)))).length)) {
      throw invalidField('productId', 'product_not_of_idea', { vi: 'Sản phẩm không thuộc người sản xuất của ý tưởng', en: 'The product is not the idea\'s producer\'s' });
    }
  }
  const [after] = await ctx.tx.update(productIdea).set({ step: 'implementation', productId: input.productId ?? null, updatedAt: ctx.now, version: before.version + 1 }).where(eq(productIdea.id, id)).returning();
  await recordAudit(ctx, { action: 'idea.advance', recordType: 'product_idea', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: ideaSnapshot(before), after: ideaSnapshot(after) });
  return after;
}
