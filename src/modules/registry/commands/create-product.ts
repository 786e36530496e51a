import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField } from '../../../app/errors.js';
import type { createProductBody } from '../registry.contract.js';
import { canCreateProduct, canReadEntity } from '../registry.policy.js';
import { productCode, vietnamYear } from '../registry.rules.js';
import { snapshot } from '../registry.present.js';
import { getEntityForUpdate, getProductSet, nextProductSequence } from '../registry.repo.js';
import { product } from '../registry.tables.js';
import { ownGtin } from '../gtin.rules.js';
import { nextProgrammeGtin } from './assign-gtins.js';
import { rethrowDuplicateGtin } from './_shared.js';

/** `gs1Prefix`: the programme's GS1 company prefix (config); a product without its own GTIN is numbered under it. */
export type GtinOptions = { gs1Prefix?: string };

export async function createProduct(ctx: Ctx, input: z.infer<typeof createProductBody>, opts: GtinOptions = {}) {
  const owner = await getEntityForUpdate(ctx.tx, input.entityId);
  if (!owner || !canReadEntity(ctx.actor, owner)) throw invalidField('entityId', 'unknown_entity', { vi: 'Chủ thể không tồn tại', en: 'Unknown entity' });
  if (!canCreateProduct(ctx.actor, owner)) {
    if (owner.status !== 'approved' && ctx.actor.kind === 'user' && ctx.actor.entityId === owner.id) {
      throw new AppError('conflict', 'entity_not_approved', { vi: 'Chủ thể chưa được UBND xã phê duyệt nên chưa thể đăng ký sản phẩm', en: 'The entity is not yet approved by its commune, so it cannot register products' });
    }
    throw forbidden();
  }
  if (!(await getProductSet(ctx.tx, input.productSet))) throw invalidField('productSet', 'unknown_product_set', { vi: 'Bộ sản phẩm không tồn tại', en: 'Unknown product set' });
  // Checked before the commune's sequence is taken: a bad GTIN leaves nothing behind.
  const gtin = input.gtin ? ownGtin(input.gtin, opts.gs1Prefix ?? '') : opts.gs1Prefix ? await nextProgrammeGtin(ctx.tx, opts.gs1Prefix) : null;
  const seq = await nextProductSequence(ctx.tx, owner.communeCode);
  const code = productCode(owner.provinceCode, owner.communeCode, seq, vietnamYear(ctx.now));
  const [row] = await ctx.tx.insert(product).values({
    ...input, gtin, status: input.status ?? 'draft', code, provinceCode: owner.provinceCode, communeCode: owner.communeCode,
    createdAt: ctx.now, updatedAt: ctx.now,
  }).returning().catch(rethrowDuplicateGtin);
  await recordAudit(ctx, { action: 'product.create', recordType: 'product', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: snapshot(row) });
  return row;
}

