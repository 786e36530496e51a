import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModulePlugin } from '../../../app/plugin.js';
import { logSensitiveRead } from '../../../app/privacy.js';
import { contentDisposition } from '../../../app/security-headers.js';
import { requireUser } from '../../accounts/index.js';
import { exportEntities, exportProducts, type ExportFile } from './export.js';
import { entityExportQuery, productExportQuery } from './import.contract.js';

function sendFile(reply: FastifyReply, f: ExportFile) {
  reply.header('content-type', f.contentType)
    .header('content-disposition', contentDisposition('attachment', f.fileName))
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
    // The rows in the caller's scope carry the representatives' sex, ethnicity and disability: one logged read per
    // export, named by its filters (the entity's own export holds only its own data).
    if (!(req.actor.kind === 'user' && req.actor.role === 'entity')) {
      await logSensitiveRead(db, req.log, req.actor, { recordType: 'entity export', recordId: new URLSearchParams(Object.entries(req.query).map(([k, v]) => [k, String(v)])).toString(), fields: ['representative.sex', 'representative.ethnicity', 'representative.disability'], route: req.routeOptions.url ?? req.url, requestId: req.id });
    }
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
