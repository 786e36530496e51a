// Checks the channel commands share: the entity may edit, the product is the entity's, the price has a product.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { forbidden, invalidField, notFound, staleVersion } from '../../../app/errors.js';
import { product } from '../../registry/index.js';
import { canEditChannel } from '../channels.policy.js';
import { getChannelForUpdate } from '../channels.repo.js';

export async function productOfEntity(ctx: Ctx, productId: string, entityId: string) {
  const [p] = await ctx.tx.select({ id: product.id }).from(product).where(and(eq(product.id, productId), eq(product.entityId, entityId)));
  if (!p) throw invalidField('productId', 'product_not_of_entity', { vi: 'Sản phẩm không thuộc chủ thể này', en: 'The product does not belong to this entity' });
}

export function priceNeedsProduct(priceVnd: number | null | undefined, productId: string | null | undefined) {
  if (priceVnd != null && !productId) throw invalidField('priceVnd', 'price_needs_product', { vi: 'Giá bán chỉ ghi cho kênh của một sản phẩm cụ thể', en: 'A price is given for a channel of one product only' });
}

/** The channel, locked; 404 to whoever may not read it at all, 403 to a reader who may not change it. */
export async function lockedChannel(ctx: Ctx, id: string, version: number | undefined, may: (c: NonNullable<Awaited<ReturnType<typeof getChannelForUpdate>>>) => boolean = (c) => canEditChannel(ctx.actor, c)) {
  const c = await getChannelForUpdate(ctx.tx, id);
  if (!c) throw notFound('channel', 'kênh bán hàng');
  if (!may(c)) throw forbidden();
  if (version !== undefined && c.version !== version) throw staleVersion(c.version);
  return c;
}
