// programme: running the OCOP programme — yearly plans and targets, the OCOP cycle of each product, trainings, good
// models, standards and market requirements, access to credit, news for the public.
export { contentRoutes, contentPages, contentSitemap, productGoodModels, newsArticle, newsImage, goodModel, goodModelFile, creditProgramme, creditApplication } from './content.index.js';
