// Opens a batch (lot) of one of the entity's products: GTIN + lot code (AI 10), production and expiry dates. The
// product must carry a GTIN (every product gets one at creation or start-up, see registry/commands/assign-gtins.ts).
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { isUniqueViolation } from '../../../app/db.js';
import { AppError, forbidden, invalidField } from '../../../app/errors.js';
import { areaOfProduct, product } from '../../registry/index.js';
import type { createLotBody } from '../producer.contract.js';
import { canManageTrace, canReadTrace } from '../producer.policy.js';
import { countLotsOfDay } from '../producer.repo.js';
import { lotCode } from '../recording.rules.js';
import { traceLot } from '../trace.tables.js';

/** Today in Việt Nam (yyyy-mm-dd). */
export const vietnamDate = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export async function createLot(ctx: Ctx, input: z.infer<typeof createLotBody>) {
  const [p] = await ctx.tx.select().from(product).where(eq(product.id, input.productId));
  const scope = p && { id: p.entityId, provinceCode: p.provinceCode, communeCode: p.communeCode };
  if (!p || !canReadTrace(ctx.actor, scope!)) throw invalidField('productId', 'unknown_product', { vi: 'Sản phẩm không tồn tại', en: 'Unknown product' });
  if (!canManageTrace(ctx.actor, scope!)) throw forbidden();
  if (!p.gtin) throw new AppError('conflict', 'product_without_gtin', { vi: 'Sản phẩm chưa có mã GTIN', en: 'The product has no GTIN yet' }, { field: 'productId' });
  if (input.rawMaterialAreaId && !(await areaOfProduct(ctx.tx, input.rawMaterialAreaId, p.id))) {
    throw invalidField('rawMaterialAreaId', 'area_not_of_entity', { vi: 'Vùng nguyên liệu không thuộc chủ thể của sản phẩm', en: 'The raw-material area is not one of the product\'s entity' });
  }
  const producedOn = input.producedOn ?? vietnamDate(ctx.now);
  let lot = input.lot;
  if (!lot) {
    const prefix = lotCode(producedOn, 0).slice(0, -1);
    lot = lotCode(producedOn, (await countLotsOfDay(ctx.tx, p.id, prefix)) + 1);
  }
  const [row] = await ctx.tx.insert(traceLot).values({
    productId: p.id, gtin: p.gtin, lot, producedOn, expiresOn: input.expiresOn ?? null,
    quantity: input.quantity != null ? String(input.quantity) : null, uom: input.uom ?? null, rawMaterialAreaId: input.rawMaterialAreaId ?? null,
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, createdAt: ctx.now,
  }).returning().catch((err) => {
    throw isUniqueViolation(err, 'trace_lot_gtin_lot_key')
      ? new AppError('conflict', 'duplicate_lot', { vi: `Lô ${lot} của sản phẩm này đã có`, en: `Lot ${lot} of this product already exists` }, { field: 'lot' })
      : err;
  });
  await recordAudit(ctx, { action: 'trace_lot.create', recordType: 'trace_lot', recordId: row.id, provinceCode: p.provinceCode, communeCode: p.communeCode, after: row });
  return row;
}
