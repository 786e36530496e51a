// Where to buy a product, for the registry's public product page (handed to it by the composition root, so the
// registry never imports trade): the entity's verified, current channels for this product or all its products.
import type { Queryable } from '../../app/db.js';
import type { OfferLookup, PublicOffer } from '../registry/index.js';
import { vnDate } from '../scoring/index.js';
import { countsOn } from './channels.policy.js';
import { channelsOfProduct } from './channels.repo.js';

export const productOffers = (db: Queryable): OfferLookup => async (productId, entityId): Promise<PublicOffer[]> => {
  const rows = await channelsOfProduct(db, productId, entityId, countsOn(vnDate(new Date())));
  // A price belongs to the channel of that one product (a general channel lists none).
  return rows.map((r) => ({ type: r.type, partnerName: r.partnerName, url: r.shopUrl, priceVnd: r.productId === productId ? r.priceVnd : null }));
};
