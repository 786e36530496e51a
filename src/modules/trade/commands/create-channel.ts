import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, notFound } from '../../../app/errors.js';
import { getEntity } from '../../registry/index.js';
import type { createChannelBody } from '../channels.contract.js';
import { canCreateChannel } from '../channels.policy.js';
import { snapshot } from '../channels.present.js';
import { salesChannel } from '../trade.tables.js';
import { priceNeedsProduct, productOfEntity } from './_channel.js';

/** An entity records one of its sales channels; it waits for its commune or province to verify it. */
export async function createChannel(ctx: Ctx, entityId: string, input: z.infer<typeof createChannelBody>) {
  const e = await getEntity(ctx.tx, entityId);
  if (!e) throw notFound('entity', 'chủ thể');
  if (!canCreateChannel(ctx.actor, { entityId })) throw forbidden();
  priceNeedsProduct(input.priceVnd, input.productId);
  if (input.productId) await productOfEntity(ctx, input.productId, entityId);
  const [row] = await ctx.tx.insert(salesChannel).values({
    entityId, productId: input.productId ?? null, type: input.type, partnerName: input.partnerName, shopUrl: input.shopUrl ?? null,
    priceVnd: input.priceVnd ?? null, startsOn: input.startsOn, endsOn: input.endsOn ?? null, note: input.note ?? null,
    provinceCode: e.entity.provinceCode, communeCode: e.entity.communeCode, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'channel.create', recordType: 'sales_channel', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: snapshot(row) });
  return row;
}
