// A producer submits a product idea to its commune (bước 2 of the cycle), before any product exists: a registered
// producer from its own account, or the commune officer for a producer not registered yet.
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, invalidField, notFound } from '../../../app/errors.js';
import { getCommune } from '../../geo/index.js';
import { getEntity } from '../../registry/index.js';
import type { createIdeaBody } from '../cycle.contract.js';
import { ideaSnapshot } from '../cycle.present.js';
import { productIdea } from '../cycle.tables.js';
import { actorId } from './_idea.js';

export async function submitIdea(ctx: Ctx, input: z.infer<typeof createIdeaBody>) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw forbidden();
  let place: { entityId: string | null; producerName: string; communeCode: string; provinceCode: string };
  if (a.role === 'entity' && a.entityId) {
    if (input.producerName) throw invalidField('producerName', 'producer_is_you', { vi: 'Ý tưởng gửi từ tài khoản chủ thể là của chính chủ thể', en: 'An idea sent from a producer\'s account is that producer\'s' });
    const e = await getEntity(ctx.tx, a.entityId);
    if (!e) throw notFound('entity', 'chủ thể');
    place = { entityId: e.entity.id, producerName: e.entity.name, communeCode: e.entity.communeCode, provinceCode: e.entity.provinceCode };
  } else if (a.role === 'commune' && a.communeCode) {
    if (!input.producerName) throw invalidField('producerName', 'producer_required', { vi: 'Ghi tên người sản xuất (chưa đăng ký chủ thể)', en: 'Name the producer (not registered yet)' });
    const c = await getCommune(ctx.tx, a.communeCode);
    if (!c) throw notFound('commune', 'xã');
    place = { entityId: null, producerName: input.producerName, communeCode: c.code, provinceCode: c.provinceCode };
  } else {
    throw forbidden();
  }
  const [row] = await ctx.tx.insert(productIdea).values({
    ...place, producerPhone: input.producerPhone ?? null, title: input.title, description: input.description, productSet: input.productSet ?? null,
    rawMaterials: input.rawMaterials ?? null, market: input.market ?? null, createdBy: actorId(ctx), createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'idea.submit', recordType: 'product_idea', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: ideaSnapshot(row) });
  return row;
}
