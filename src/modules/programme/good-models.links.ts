// The good models about a product, for the registry's public product page (handed to it by the composition root, so
// the registry never imports programme).
import type { Queryable } from '../../app/db.js';
import type { GoodModelLookup } from '../registry/index.js';
import { goodModelPath } from './good-models.present.js';
import { modelsOfProduct } from './good-models.repo.js';
import { newsPagePath } from './pages/news.page.js';
import { publishedSlugs } from './content.repo.js';

/** The sitemap's share of the programme: the news and good-models lists, and every published article and model
 * (bounded: the sitemaps protocol's 50,000 URLs per file, far beyond what offices publish). */
export const contentSitemap = (db: Queryable) => async (): Promise<{ path: string; updatedAt?: Date }[]> => {
  const [articles, models] = [await publishedSlugs(db, 'news'), await publishedSlugs(db, 'models')];
  return [
    { path: '/tin-tuc' }, ...articles.map((a) => ({ path: newsPagePath(a.slug), updatedAt: a.updatedAt })),
    { path: '/mo-hinh-hay' }, ...models.map((m) => ({ path: goodModelPath(m.slug), updatedAt: m.updatedAt })),
  ];
};

export const productGoodModels = (db: Queryable): GoodModelLookup => async (productId) =>
  (await modelsOfProduct(db, productId)).map((m) => ({ name: m.name, summary: m.summary, url: goodModelPath(m.slug) }));
