// A producer's spreadsheet of recorded steps: the template, the dry-run preview, the commit (issue 12, item 6).
// The upload is read as the registry import reads its workbooks: one multipart file (413 beyond the upload limit,
// 400 for a malformed body), checked by content (415 when it is no .xlsx), read in the import worker.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../../app/command.js';
import type { ModuleDeps } from '../../../app/plugin.js';
import { contentDisposition } from '../../../app/security-headers.js';
import { readSingleUpload } from '../../../app/uploads.js';
import { requireUser } from '../../accounts/index.js';
import type { Capture } from '../commands/record-step.js';
import { listLocations } from '../producer.repo.js';
import { commitStepImport } from './commands/commit-step-import.js';
import { importingEntity, previewStepImport } from './commands/preview-step-import.js';
import { productsOfEntity } from './import.repo.js';
import { eventImportParams, eventImportPreview, eventImportResult, MAX_STEP_ROWS, templateQuery } from './import.contract.js';
import { readStepsWorkbook } from './parse-rows.js';
import { buildStepsTemplate } from './template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const stepImportRoutes: FastifyPluginAsync<ModuleDeps & { capture: Capture }> = async (app, { database, config, capture }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.get('/trace/imports/template', {
    config: { access: ['entity'] },
    schema: { tags: ['trace'], summary: 'The .xlsx template of recorded steps (headers in Vietnamese, or English with lang=en), listing the entity\'s own products and places', querystring: templateQuery },
  }, async (req, reply) => {
    const entityId = importingEntity(req.actor);
    const [products, places] = [await productsOfEntity(db, entityId), await listLocations(db, entityId)];
    const bytes = await buildStepsTemplate(req.query.lang, products, places);
    reply.header('content-type', XLSX).header('content-disposition', contentDisposition('attachment', req.query.lang === 'en' ? 'steps-template.xlsx' : 'mau-nhap-cac-buoc.xlsx')).header('cache-control', 'private, max-age=0');
    return reply.send(bytes);
  });

  r.post('/trace/imports/preview', {
    config: { access: ['entity'] },
    schema: {
      tags: ['trace'], consumes: ['multipart/form-data'], response: { 200: eventImportPreview },
      summary: `Dry run of an .xlsx file of recorded steps (multipart field "file", at most ${MAX_STEP_ROWS} rows): per row, the step to record, unchanged (the batch has it) or its errors with their column; nothing is recorded`,
    },
  }, async (req) => {
    requireUser(req);
    importingEntity(req.actor);
    const { upload } = await readSingleUpload(req);
    const rows = await readStepsWorkbook(upload.bytes, { ...config.importLimits, maxRows: Math.min(config.importLimits.maxRows, MAX_STEP_ROWS) });
    return inTransaction(db, req, (ctx) => previewStepImport(ctx, { bytes: upload.bytes, fileName: upload.filename.slice(0, 255) }, rows));
  });

  r.post('/trace/imports/:id/commit', {
    config: { access: ['entity'] },
    schema: { tags: ['trace'], summary: 'Record a previewed file of steps, all rows or none, through the same commands as the few-tap screen (once; 409 if the preview had errors or a batch changed since); unchanged rows record nothing', params: eventImportParams, response: { 200: eventImportResult } },
  }, async (req) => {
    requireUser(req);
    return inTransaction(db, req, (ctx) => commitStepImport(ctx, req.params.id, capture));
  });
};
