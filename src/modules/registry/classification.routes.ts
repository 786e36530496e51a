import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModulePlugin } from '../../app/plugin.js';
import { readClassification } from './commands/load-classification.js';
import { classificationOut } from './registry.contract.js';

export const classificationRoutes: ModulePlugin = async (app) => {
  const classification = readClassification();
  app.withTypeProvider<ZodTypeProvider>().get('/classification', {
    config: { access: 'public' },
    schema: { tags: ['registry'], summary: 'Product classification of QĐ 26/2026/QĐ-TTg (6 sectors, 17 groups, 26 product sets with their score-sheet numbers)', response: { 200: classificationOut } },
  }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return classification;
  });
};
