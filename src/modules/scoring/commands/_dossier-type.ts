// Which kind of dossier a product may have, asked both when a dossier is opened and when a draft's type is changed,
// so an entity cannot open a first rating and then turn it into an upgrade of a product that was never certified.
import type { Ctx } from '../../../app/actor.js';
import { invalidField } from '../../../app/errors.js';
import { currentForProduct, hasLateReRatingPending } from '../certificates.repo.js';
import { standingOn } from '../certificates.rules.js';
import { vnDate } from '../deadlines.rules.js';
import type { DOSSIER_TYPES } from '../dossiers.tables.js';

type ProductStanding = { id: string; status: string };

/** A first rating only for a product without a certificate in force; an upgrade or a re-rating only for a certified
 * (or expired) one. Refusals are on the `type` field. */
export async function assertTypeFitsProduct(ctx: Ctx, p: ProductStanding, type: (typeof DOSSIER_TYPES)[number]): Promise<void> {
  const certified = p.status === 'certified' || p.status === 'expired';
  if (type === 'first' && certified && !(await certificateLapsed(ctx, p.id, p.status))) {
    throw invalidField('type', 'already_certified', { vi: 'Sản phẩm đã được công nhận: chọn nâng hạng hoặc đánh giá lại', en: 'The product is already certified: choose upgrade or re-rating' });
  }
  if (type !== 'first' && !certified) throw invalidField('type', 'not_certified', { vi: 'Nâng hạng và đánh giá lại chỉ dành cho sản phẩm đã được công nhận OCOP', en: 'Upgrade and re-rating are for certified products only' });
}

/** The product's certificate is no longer in force (expired, grace included): the product starts over with a first
 * rating (a re-rating is refused once the certificate has expired, Điều 7.6.a). */
async function certificateLapsed(ctx: Ctx, productId: string, productStatus: string): Promise<boolean> {
  const current = await currentForProduct(ctx.tx, productId);
  if (!current) return productStatus === 'expired';
  return standingOn(current, vnDate(ctx.now), await hasLateReRatingPending(ctx.tx, current.id)).status === 'expired';
}
