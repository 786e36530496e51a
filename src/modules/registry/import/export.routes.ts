import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModulePlugin } from '../../../app/plugin.js';
import { requireUser } from '../../accounts/index.js';
import { exportEntities, exportProducts, type ExportFile } from './export.js';
import { entityExportQuery, productExportQuery } from './import.contract.js';

function sendFile(reply: FastifyReply, f: ExportFile) {
  reply.header('content-type', f.contentType)
    .header('content-disposition', `attachment; filename="${f.fileName}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .header('cache-control', 'private, no-store');
  return reply.send(f.stream);
}

export const exportRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.get('/entities/export', {
    config: { access: 'user' },
    schema: { tags: ['registry'], summary: 'Export the entities the caller may see, with the list\'s filters, as .xlsx or CSV (UTF-8 with BOM), under the import template\'s headers', querystring: entityExportQuery },
  }, async (req, reply) => {
    requireUser(req);
    return sendFile(reply, exportEntities(db, req.actor, req.query, (err) => req.log.error({ err }, 'entity export failed')));
  });

  r.get('/products/export', {
    config: { access: 'user' },
    schema: { tags: ['registry'], summary: 'Export the products the caller may see, with the list\'s filters, as .xlsx or CSV (UTF-8 with BOM), under the import template\'s headers', querystring: productExportQuery },
  }, async (req, reply) => {
    requireUser(req);
    return sendFile(reply, exportProducts(db, req.actor, req.query, (err) => req.log.error({ err }, 'product export failed')));
  });
};
