import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, invalidField } from '../../../app/errors.js';
import { getCommune } from '../../geo/index.js';
import { product } from '../../registry/index.js';
import { snapshotOf } from '../fairs.present.js';
import { tourismDestination } from '../fairs.tables.js';
import type { createDestinationBody, updateDestinationBody } from '../tourism.contract.js';
import { lockDestination } from '../tourism.repo.js';
import { managesDestination } from '../tourism.present.js';
import { actorId, approvedEntity, checked } from './_fairs.js';

/** The product set of sector VI (community and eco-tourism services and tourist sites): score sheet 26. */
export const TOURISM_PRODUCT_SET = 26;

async function place(ctx: Ctx, communeCode: string) {
  const c = await getCommune(ctx.tx, communeCode);
  if (!c) throw invalidField('communeCode', 'commune_not_found', { vi: 'Không tìm thấy xã', en: 'No such commune' });
  return { communeCode, provinceCode: c.provinceCode };
}

/** The rated product: a published product of set 26, of the managing entity when there is one. */
async function tourismProduct(ctx: Ctx, productId: string, entityId: string | null) {
  const [p] = await ctx.tx.select({ id: product.id, entityId: product.entityId, set: product.productSet, status: product.status }).from(product).where(eq(product.id, productId));
  if (!p || p.set !== TOURISM_PRODUCT_SET || p.status === 'draft') throw invalidField('productId', 'not_a_tourism_product', { vi: 'Không phải sản phẩm OCOP du lịch cộng đồng (bộ 26) đã công bố', en: 'Not a published community-tourism OCOP product (set 26)' });
  if (entityId && p.entityId !== entityId) throw invalidField('productId', 'product_not_of_entity', { vi: 'Sản phẩm không thuộc chủ thể quản lý điểm du lịch', en: 'The product does not belong to the managing entity' });
  return p;
}

export async function createDestination(ctx: Ctx, input: z.infer<typeof createDestinationBody>) {
  const actor = ctx.actor;
  const isEntity = actor.kind === 'user' && actor.role === 'entity';
  if (isEntity && input.entityId && input.entityId !== actor.entityId) throw forbidden();
  let entityId = isEntity ? actor.entityId : input.entityId ?? null;
  const where = await place(ctx, input.communeCode);
  if (input.productId) entityId ??= (await tourismProduct(ctx, input.productId, entityId)).entityId;
  if (input.productId) await tourismProduct(ctx, input.productId, entityId);
  if (entityId) await approvedEntity(ctx, entityId);
  if (!managesDestination(actor, { entityId, ...where })) throw forbidden();
  const { entityId: _e, ...rest } = input;
  const [row] = await ctx.tx.insert(tourismDestination).values({ ...rest, ...where, entityId, createdBy: actorId(ctx), createdAt: ctx.now, updatedAt: ctx.now }).returning();
  await recordAudit(ctx, { action: 'tourism.create', recordType: 'tourism_destination', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: snapshotOf(row) });
  return row;
}

export async function updateDestination(ctx: Ctx, id: string, input: z.infer<typeof updateDestinationBody>) {
  const { version, ...changes } = input;
  const before = checked(await lockDestination(ctx.tx, id), ['tourism_destination', 'điểm du lịch'], (d) => managesDestination(ctx.actor, d), version);
  if (changes.entityId !== undefined && changes.entityId !== before.entityId && ctx.actor.kind === 'user' && ctx.actor.role === 'entity') throw forbidden();
  const where = changes.communeCode ? await place(ctx, changes.communeCode) : { communeCode: before.communeCode, provinceCode: before.provinceCode };
  const entityId = changes.entityId === undefined ? before.entityId : changes.entityId;
  if (changes.entityId) await approvedEntity(ctx, changes.entityId);
  const productId = changes.productId === undefined ? before.productId : changes.productId;
  if (productId && (changes.productId !== undefined || changes.entityId !== undefined)) await tourismProduct(ctx, productId, entityId);
  if (!managesDestination(ctx.actor, { entityId, ...where })) throw forbidden();
  const [after] = await ctx.tx.update(tourismDestination).set({ ...changes, ...where, updatedAt: ctx.now, version: before.version + 1 }).where(eq(tourismDestination.id, id)).returning();
  await recordAudit(ctx, { action: 'tourism.update', recordType: 'tourism_destination', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshotOf(before), after: snapshotOf(after) });
  return after;
}
