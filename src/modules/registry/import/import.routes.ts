import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../../app/command.js';
import { readSingleUpload } from '../../../app/uploads.js';
import { contentDisposition } from '../../../app/security-headers.js';
import { forbidden, notFound } from '../../../app/errors.js';
import type { ModulePlugin } from '../../../app/plugin.js';
import { requireUser } from '../../accounts/index.js';
import { listProductSets } from '../registry.repo.js';
import { commitImport } from './commands/commit-import.js';
import { canImport, importRowsPage, planImport, previewImport } from './commands/preview-import.js';
import { commitResult, importIdParams, importPreview, importRowsPage as importRowsPageSchema, importRowsQuery } from './import.contract.js';
import { readWorkbook } from './read-workbook.js';
import { buildTemplate } from './template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The one file of the multipart request (readSingleUpload: 413 beyond the upload limit, 400 for a malformed body). */
async function readWorkbookUpload(req: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  const { upload } = await readSingleUpload(req);
  return { bytes: upload.bytes, fileName: upload.filename.slice(0, 255) };
}

export const importRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.get('/imports/template', { config: { access: 'public' }, schema: { tags: ['registry'], summary: 'The .xlsx import template: sheets "Chủ thể", "Sản phẩm" (Vietnamese headers, an example row marked "VD") and "Danh mục" (allowed values)' } }, async (_req, reply) => {
    const sets = await listProductSets(db);
    const bytes = await buildTemplate(sets);
    reply.header('content-type', XLSX).header('content-disposition', contentDisposition('attachment', 'mau-nhap-ocop.xlsx')).header('cache-control', 'private, max-age=0');
    return reply.send(bytes);
  });

  r.post('/imports/preview', {
    config: { access: ['central', 'province', 'commune'] },
    schema: { tags: ['registry'], summary: 'Dry run of an .xlsx workbook (multipart field "file"): the counts of rows to create, update, leave unchanged, possible duplicates and errors, and the first page of rows (the errors first); nothing in the registry is written', consumes: ['multipart/form-data'], response: { 200: importPreview } },
  }, async (req) => {
    const actor = requireUser(req);
    if (!canImport(actor)) throw forbidden();
    const upload = await readWorkbookUpload(req);
    const book = await readWorkbook(upload.bytes, config.importLimits);
    const planned = await planImport(db, actor, book);
    return inTransaction(db, req, (ctx) => previewImport(ctx, upload, planned));
  });

  r.get('/imports/:id/rows', {
    config: { access: ['central', 'province', 'commune'] },
    schema: { tags: ['registry'], summary: 'A page of a preview\'s rows (100 a page): all, or those to create, update, leave unchanged, the possible duplicates or the errors', params: importIdParams, querystring: importRowsQuery, response: { 200: importRowsPageSchema } },
  }, async (req) => {
    const page = await importRowsPage(db, requireUser(req), req.params.id, req.query.show, req.query.page);
    if (!page) throw notFound('import', 'lần nhập');
    return page;
  });

  r.post('/imports/:id/commit', {
    config: { access: ['central', 'province', 'commune'] },
    schema: { tags: ['registry'], summary: 'Commit a previewed import, all rows or none (uploader or central office; once; 409 if the preview had errors or a record changed since); unchanged rows write nothing', params: importIdParams, response: { 200: commitResult } },
  }, async (req) => {
    requireUser(req);
    return inTransaction(db, req, (ctx) => commitImport(ctx, req.params.id, { gs1Prefix: config.gs1Prefix }));
  });
};
