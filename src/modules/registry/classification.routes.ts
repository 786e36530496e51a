import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModulePlugin } from '../../app/plugin.js';
import { readClassification } from './commands/load-classification.js';
import { classificationOut, productSetList, productSetQuery } from './registry.contract.js';
import { searchProductSets } from './registry.repo.js';

export const classificationRoutes: ModulePlugin = async (app, { database }) => {
  const classification = readClassification();
  app.withTypeProvider<ZodTypeProvider>().get('/classification', {
    config: { access: 'public' },
    schema: { tags: ['registry'], summary: 'Product classification of QĐ 26/2026/QĐ-TTg (6 sectors, 17 groups, 26 product sets with their score-sheet numbers)', response: { 200: classificationOut } },
  }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return classification;
  });

  app.withTypeProvider<ZodTypeProvider>().get('/classification/product-sets', {
    config: { access: 'public' },
    schema: { tags: ['registry'], summary: 'Product sets by name or alias (Phụ lục II\'s wording), diacritics ignored, with their managing agencies (Phụ lục I)', querystring: productSetQuery, response: { 200: productSetList } },
  }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    const rows = await searchProductSets(database.db, req.query.q);
    return { items: rows.map((s) => ({ sheet: s.sheet, code: s.code, name: s.name, nameEn: s.nameEn, aliases: s.aliases, agencies: s.agencies, groupCode: s.groupCode, sectorCode: s.sectorCode })) };
  });
};
