// The content half of programme (issue 15, parts 4, 7, 8): news and guidance, good models, access to credit. The
// module's index.ts re-exports this (the plans half has its own), so the two halves merge without touching each
// other's lines.
import type { ModulePlugin } from '../../app/plugin.js';
import { creditRoutes } from './credit.routes.js';
import { goodModelRoutes } from './good-models.routes.js';
import { newsRoutes } from './news.routes.js';

export const contentRoutes: ModulePlugin = async (app, deps) => {
  await app.register(newsRoutes, deps);
  await app.register(goodModelRoutes, deps);
  await app.register(creditRoutes, deps);
};

export { programmePages as contentPages } from './pages/pages.routes.js';
export { contentSitemap, productGoodModels } from './good-models.links.js';
export { newsArticle, newsImage, goodModel, goodModelFile, creditProgramme, creditApplication } from './content.tables.js';
