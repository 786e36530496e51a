import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../app/command.js';
import { AppError, notFound } from '../../app/errors.js';
import { FileStore } from '../../app/files.js';
import { contentDisposition, STORED_FILE_POLICY } from '../../app/security-headers.js';
import { readSingleUpload } from '../../app/uploads.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { requireUser } from '../accounts/index.js';
import { attachEntityDocument, attachProductFile } from './commands/attach-file.js';
import { documentMeta, documentOut, fileOut, idParams } from './registry.contract.js';
import { canEditEntity, canReadEntity, canReadProduct, inScope, SCOPED_ROLES } from './registry.policy.js';
import { presentFile } from './registry.present.js';
import { fileAttachments, getEntity, listEntityDocuments } from './registry.repo.js';
import { join } from 'node:path';

function parseFields<T extends z.ZodType>(schema: T, fields: Record<string, string>): z.infer<T> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: { vi: 'Giá trị không hợp lệ', en: i.message } }));
  throw new AppError('invalid', 'validation_failed', { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' }, { field: errors[0]?.path, errors });
}

export const fileRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const files = new FileStore(join(config.dataDir, 'files'));

  r.post('/products/:id/files', { config: { access: SCOPED_ROLES }, schema: { tags: ['registry'], summary: 'Upload a product photo (kind=image: JPEG, PNG, WebP) or document (kind=document: PDF or image), multipart', params: idParams, consumes: ['multipart/form-data'], response: { 201: fileOut } } }, async (req, reply) => {
    requireUser(req);
    const { upload, fields } = await readSingleUpload(req);
    const meta = parseFields(z.object({ kind: z.enum(['image', 'document']).default('image'), caption: z.string().max(300).optional() }), fields);
    const { file, link } = await inTransaction(db, req, (ctx) => attachProductFile(ctx, files, req.params.id, meta.kind, upload, meta.caption ?? null));
    return reply.status(201).send(presentFile(file, link.kind, link.caption));
  });

  r.post('/entities/:id/documents', { config: { access: SCOPED_ROLES }, schema: { tags: ['registry'], summary: 'Upload an entity document (business registration, food safety, trademark…), multipart', params: idParams, consumes: ['multipart/form-data'], response: { 201: documentOut } } }, async (req, reply) => {
    requireUser(req);
    const { upload, fields } = await readSingleUpload(req);
    const meta = parseFields(documentMeta, fields);
    const { doc, file } = await inTransaction(db, req, (ctx) => attachEntityDocument(ctx, files, req.params.id, meta, upload));
    return reply.status(201).send({ id: doc.id, docType: doc.docType, number: doc.number, issuer: doc.issuer, issuedOn: doc.issuedOn, expiresOn: doc.expiresOn, file: presentFile(file, 'document') });
  });

  r.get('/entities/:id/documents', { config: { access: SCOPED_ROLES }, schema: { tags: ['registry'], params: idParams, response: { 200: z.object({ items: z.array(documentOut) }) } } }, async (req) => {
    const row = await getEntity(db, req.params.id);
    if (!row || !canEditEntity(req.actor, row.entity)) throw notFound('entity', 'chủ thể');
    const docs = await listEntityDocuments(db, req.params.id);
    return { items: docs.map(({ doc, file }) => ({ id: doc.id, docType: doc.docType, number: doc.number, issuer: doc.issuer, issuedOn: doc.issuedOn, expiresOn: doc.expiresOn, file: presentFile(file, 'document') })) };
  });

  // A product photo of a published product is public; documents only for those who may edit the record.
  r.get('/files/:id', { config: { access: 'public' }, schema: { tags: ['registry'], summary: 'Download a stored file', params: idParams } }, async (req, reply) => {
    const found = await fileAttachments(db, req.params.id);
    if (!found) throw notFound('file', 'tệp');
    const actor = req.actor;
    const mayRead = found.products.some((p) => (p.kind === 'image' && canReadProduct(actor, p.product, p.entityStatus)) || inScope(actor, p.product))
      || found.entities.some((e) => inScope(actor, { ...e, entityId: e.id }) && canReadEntity(actor, e))
      || (actor.kind === 'user' && actor.role === 'central');
    if (!mayRead) throw notFound('file', 'tệp');
    const public_ = found.products.some((p) => p.kind === 'image' && canReadProduct({ kind: 'public' }, p.product, p.entityStatus));
    reply.header('content-type', found.file.mimeType);
    reply.header('etag', `"${found.file.sha256}"`);
    reply.header('cache-control', public_ ? 'public, max-age=86400, immutable' : 'private, max-age=0');
    // Shown inline (photos in pages, PDFs in the browser's viewer), but opened on its own an upload runs sandboxed.
    // The uploader's file name can name a person ("CCCD_Nguyen_Van_A.jpg", registry.fields.ts): a public photo, cached
    // for everyone, goes out under its id.
    const fileName = public_ ? `${found.file.id}.${found.file.mimeType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin'}` : found.file.originalName;
    reply.header('content-disposition', contentDisposition('inline', fileName));
    reply.header('content-security-policy', STORED_FILE_POLICY);
    if (req.headers['if-none-match'] === `"${found.file.sha256}"`) return reply.status(304).send();
    return reply.send(await files.get(found.file.sha256));
  });
};
