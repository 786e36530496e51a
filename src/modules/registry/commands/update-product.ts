import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField, notFound } from '../../../app/errors.js';
import type { updateProductBody } from '../registry.contract.js';
import { canEditProduct } from '../registry.policy.js';
import { snapshot } from '../registry.present.js';
import { getProductSet } from '../registry.repo.js';
import { product } from '../registry.tables.js';
import { expectVersion, rethrowDuplicateGtin } from './_shared.js';
import type { GtinOptions } from './create-product.js';
import { ownGtin } from '../gtin.rules.js';

export async function updateProduct(ctx: Ctx, id: string, input: z.infer<typeof updateProductBody>, opts: GtinOptions = {}) {
  const [before] = await ctx.tx.select().from(product).where(eq(product.id, id)).for('update');
  if (!before) throw notFound('product', 'sản phẩm');
  if (!canEditProduct(ctx.actor, before)) throw forbidden();
  expectVersion(before.version, input.version);
  const { version: _v, ...changes } = input;
  if (changes.status && ['certified', 'expired', 'revoked'].includes(before.status)) {
    throw new AppError('conflict', 'status_set_by_certificate', { vi: 'Trạng thái của sản phẩm đã chứng nhận do giấy chứng nhận quyết định', en: 'A certified product\'s status follows its certificate' }, { field: 'status' });
  }
  if (changes.productSet !== undefined && changes.productSet !== before.productSet) {
    if (before.status !== 'draft' && before.status !== 'registered') throw invalidField('productSet', 'product_set_locked', { vi: 'Không đổi được bộ sản phẩm sau khi đã chứng nhận', en: 'The product set cannot change after certification' });
    if (!(await getProductSet(ctx.tx, changes.productSet))) throw invalidField('productSet', 'unknown_product_set', { vi: 'Bộ sản phẩm không tồn tại', en: 'Unknown product set' });
  }
  // A product may replace its programme GTIN by its own (the entity joined GS1 Vietnam); lots keep the GTIN they
  // were labelled with (trace_lot.gtin), so printed labels still resolve.
  if (changes.gtin !== undefined) changes.gtin = ownGtin(changes.gtin, opts.gs1Prefix ?? '');
  const [after] = await ctx.tx.update(product).set({ ...changes, updatedAt: ctx.now, version: before.version + 1 }).where(eq(product.id, id)).returning().catch(rethrowDuplicateGtin);
  await recordAudit(ctx, { action: 'product.update', recordType: 'product', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshot(before), after: snapshot(after) });
  return after;
}
