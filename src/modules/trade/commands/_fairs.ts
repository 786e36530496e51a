// Checks the fair and livestream commands share.
import type { Ctx } from '../../../app/actor.js';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../../app/errors.js';
import { getEntity } from '../../registry/index.js';
import { publishedProductsOf } from '../fairs.repo.js';

export const actorId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

/** Every product named is the entity's own and published (not a draft): an entity offers only what it sells. */
export async function ownPublishedProducts(ctx: Ctx, entityId: string, ids: string[], field = 'productIds') {
  const ok = new Set(await publishedProductsOf(ctx.tx, entityId, ids));
  const bad = ids.findIndex((id) => !ok.has(id));
  if (bad >= 0) throw invalidField(`${field}.${bad}`, 'product_not_offered', { vi: 'Sản phẩm không phải sản phẩm đã công bố của chủ thể này', en: 'Not a published product of this entity' });
}

/** The entity, approved (a pending or refused producer takes part in nothing yet). */
export async function approvedEntity(ctx: Ctx, entityId: string) {
  const e = await getEntity(ctx.tx, entityId);
  if (!e) throw notFound('entity', 'chủ thể');
  if (e.entity.status !== 'approved') throw new AppError('unprocessable', 'entity_not_approved', { vi: 'Chủ thể chưa được phê duyệt', en: 'The entity is not approved yet' });
  return e.entity;
}

/** A row locked for a change: 404 when missing, 403 when the actor may not change it, 409 on a stale version. */
export function checked<T extends { version: number }>(row: T | undefined, what: [string, string], may: (r: T) => boolean, version?: number): T {
  if (!row) throw notFound(what[0], what[1]);
  if (!may(row)) throw forbidden();
  if (version !== undefined && row.version !== version) throw staleVersion(row.version);
  return row;
}
