// The library of good models: /api/v1/good-models. The public searches published models (without diacritics, by
// sector, province and topic); the offices record, publish and withdraw them.
import { join } from 'node:path';
import { and, eq, type SQL } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { inTransaction } from '../../app/command.js';
import { AppError, notFound } from '../../app/errors.js';
import { FileStore } from '../../app/files.js';
import { nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { contentDisposition, STORED_FILE_POLICY } from '../../app/security-headers.js';
import { readSingleUpload } from '../../app/uploads.js';
import { attachToGoodModel, createGoodModel, setGoodModelStatus, updateGoodModel } from './commands/good-model.js';
import { canUnpublish, OFFICE_ROLES, publicationVisibility } from './content.policy.js';
import { goodModel, type GoodModelRow } from './content.tables.js';
import { createGoodModelBody, goodModelList, goodModelListQuery, goodModelOut, updateGoodModelBody } from './good-models.contract.js';
import { versionBody } from './news.contract.js';
import { canEditModel, presentGoodModel } from './good-models.present.js';
import { attachmentsOf, certificateSpans, getAttachmentFile, getGoodModel, goodModelKeys, listGoodModels, wordsMatch } from './good-models.repo.js';
import { searchWords } from './good-models.rules.js';

const idParams = z.object({ id: z.uuid() });
const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
const attachmentKind = z.enum(['image', 'document']);

export const mayReadModel = (actor: Actor, m: GoodModelRow) => m.status === 'published' || canEditModel(actor, m) || canUnpublish(actor, m.provinceCode);

export function goodModelFilter(actor: Actor, qy: Omit<z.infer<typeof goodModelListQuery>, 'pageSize'>): SQL | undefined {
  return and(
    publicationVisibility(actor, goodModel.status, goodModel.provinceCode),
    wordsMatch(searchWords(qy.q)),
    qy.sector ? eq(goodModel.sectorCode, qy.sector) : undefined,
    qy.province ? eq(goodModel.provinceCode, qy.province) : undefined,
    qy.topic ? eq(goodModel.topic, qy.topic) : undefined,
    qy.product ? eq(goodModel.productId, qy.product) : undefined,
    qy.status ? eq(goodModel.status, qy.status) : undefined,
  );
}

export const goodModelRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const files = new FileStore(join(config.dataDir, 'files'));

  async function readable(actor: Actor, id: string) {
    const v = await getGoodModel(db, id);
    if (!v || !mayReadModel(actor, v.model)) throw notFound('good_model', 'mô hình');
    return v;
  }
  const present = async (actor: Actor, id: string) => {
    const v = (await getGoodModel(db, id))!;
    const certs = v.model.productId ? (await certificateSpans(db, [v.model.productId])).get(v.model.productId) : undefined;
    return presentGoodModel(v, (await attachmentsOf(db, [id])).get(id) ?? [], certs, actor);
  };

  r.get('/good-models', { config: { access: 'public', publicCache: true }, schema: { tags: ['programme'], summary: 'The library of good models: search without diacritics (q), by sector, province, topic or product; newest first', querystring: goodModelListQuery, response: { 200: goodModelList } } }, async (req, reply) => {
    const qy = req.query;
    const { rows, nextCursor } = await listGoodModels(db, goodModelFilter(req.actor, qy), qy.pageSize, readCursor({ ...qy, sort: '-publishedAt' }, 'good-models', goodModelKeys));
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    const ids = rows.map((v) => v.model.id);
    const [attachments, certs] = [await attachmentsOf(db, ids), await certificateSpans(db, rows.map((v) => v.model.productId).filter((x): x is string => !!x))];
    return { nextCursor, items: rows.map((v) => presentGoodModel(v, attachments.get(v.model.id) ?? [], v.model.productId ? certs.get(v.model.productId) : undefined, req.actor)) };
  });

  r.post('/good-models', { config: { access: OFFICE_ROLES }, schema: { tags: ['programme'], summary: 'Record a good model (a draft); a province office for its province, the central office for any', body: createGoodModelBody, response: { 201: goodModelOut } } }, async (req, reply) => {
    const created = await inTransaction(db, req, (ctx) => createGoodModel(ctx, req.body));
    return reply.status(201).send(await present(req.actor, created.id));
  });

  r.get('/good-models/:id', { config: { access: 'public' }, schema: { tags: ['programme'], params: idParams, response: { 200: goodModelOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    return present(req.actor, req.params.id);
  });

  r.patch('/good-models/:id', { config: { access: OFFICE_ROLES }, schema: { tags: ['programme'], summary: 'Change a good model (send the version you read)', params: idParams, body: updateGoodModelBody, response: { 200: goodModelOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => updateGoodModel(ctx, req.params.id, req.body));
    return present(req.actor, req.params.id);
  });

  for (const [path, to, summary] of [['publish', 'published', 'Publish the model: the library, its page and the product\'s page show it'], ['unpublish', 'unpublished', 'Withdraw the model']] as const) {
    r.post(`/good-models/:id/${path}`, { config: { access: OFFICE_ROLES }, schema: { tags: ['programme'], summary, params: idParams, body: versionBody, response: { 200: goodModelOut } } }, async (req) => {
      await readable(req.actor, req.params.id);
      await inTransaction(db, req, (ctx) => setGoodModelStatus(ctx, req.params.id, req.body.version, to));
      return present(req.actor, req.params.id);
    });
  }

  r.post('/good-models/:id/attachments', { config: { access: OFFICE_ROLES }, schema: { tags: ['programme'], summary: 'Attach a photo (kind=image: JPEG, PNG, WebP) or a document (kind=document: PDF or image); multipart, field file, optional caption', params: idParams, consumes: ['multipart/form-data'], response: { 200: goodModelOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    const { upload, fields } = await readSingleUpload(req);
    const kind = attachmentKind.safeParse(fields.kind ?? 'image');
    if (!kind.success) throw new AppError('invalid', 'invalid_kind', { vi: 'Loại tệp phải là image hoặc document', en: 'kind must be image or document' }, { field: 'kind' });
    await inTransaction(db, req, (ctx) => attachToGoodModel(ctx, files, req.params.id, kind.data, upload, fields.caption?.trim().slice(0, 300) || null));
    return present(req.actor, req.params.id);
  });

  r.get('/good-models/:id/attachments/:attachmentId', { config: { access: 'public' }, schema: { tags: ['programme'], summary: 'A model\'s photo or document (public once the model is published)', params: attachmentParams } }, async (req, reply) => {
    const v = await readable(req.actor, req.params.id);
    const found = await getAttachmentFile(db, req.params.id, req.params.attachmentId);
    if (!found) throw notFound('attachment', 'tệp');
    const isPublic = v.model.status === 'published';
    reply.header('content-type', found.file.mimeType);
    reply.header('etag', `"${found.file.sha256}"`);
    reply.header('cache-control', isPublic ? 'public, max-age=3600' : 'private, max-age=0');
    reply.header('content-disposition', contentDisposition('inline', `${found.attachment.id}.${found.file.mimeType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin'}`));
    reply.header('content-security-policy', STORED_FILE_POLICY);
    if (req.headers['if-none-match'] === `"${found.file.sha256}"`) return reply.status(304).send();
    return reply.send(await files.get(found.file.sha256));
  });
};
