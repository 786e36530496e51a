// A certificate decided in scoring sets the product's status and stars: 'certified' with its stars on issue,
// 'revoked' on revocation, 'expired' when the last certificate lapsed. Scoring calls it in its own transaction.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { notFound } from '../../../app/errors.js';
import { snapshot } from '../registry.present.js';
import { product } from '../registry.tables.js';

export type CertificateOutcome =
  | { status: 'certified'; stars: number; certificateNumber: string }
  | { status: 'revoked' | 'expired'; certificateNumber: string };

export async function applyCertificate(ctx: Ctx, productId: string, outcome: CertificateOutcome) {
  const [before] = await ctx.tx.select().from(product).where(eq(product.id, productId)).for('update');
  if (!before) throw notFound('product', 'sản phẩm');
  const stars = outcome.status === 'certified' ? outcome.stars : null;
  if (before.status === outcome.status && before.stars === stars) return before;
  const [after] = await ctx.tx.update(product).set({ status: outcome.status, stars, updatedAt: ctx.now, version: before.version + 1 })
    .where(eq(product.id, productId)).returning();
  await recordAudit(ctx, {
    action: `product.certificate_${outcome.status}`, recordType: 'product', recordId: productId,
    provinceCode: after.provinceCode, communeCode: after.communeCode,
    before: snapshot(before), after: { ...snapshot(after), certificateNumber: outcome.certificateNumber },
  });
  return after;
}
