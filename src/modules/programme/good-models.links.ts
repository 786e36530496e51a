// The good models about a product, for the registry's public product page (handed to it by the composition root, so
// the registry never imports programme).
import type { Queryable } from '../../app/db.js';
import type { GoodModelLookup } from '../registry/index.js';
import { goodModelPath } from './good-models.present.js';
import { modelsOfProduct } from './good-models.repo.js';

export const productGoodModels = (db: Queryable): GoodModelLookup => async (productId) =>
  (await modelsOfProduct(db, productId)).map((m) => ({ name: m.name, summary: m.summary, url: goodModelPath(m.slug) }));
