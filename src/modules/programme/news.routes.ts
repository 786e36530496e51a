// News and guidance: /api/v1/news. Thin routes: access declared, validate, load, authorise, one command, present.
// The public reads published articles; the central office and the provincial offices write and publish theirs.
import { join } from 'node:path';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { inTransaction } from '../../app/command.js';
import { notFound } from '../../app/errors.js';
import { FileStore } from '../../app/files.js';
import { nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { contentDisposition, STORED_FILE_POLICY } from '../../app/security-headers.js';
import { readSingleUpload } from '../../app/uploads.js';
import { addArticleImage, createArticle, removeArticleImage, setArticleStatus, updateArticle } from './commands/news-article.js';
import { canEditPublication, canUnpublish, OFFICE_ROLES, publicationVisibility } from './content.policy.js';
import { newsArticle, type ArticleRow } from './content.tables.js';
import { articleList, articleListQuery, articleOut, createArticleBody, updateArticleBody, versionBody } from './news.contract.js';
import { presentArticle } from './news.present.js';
import { articleKeys, getArticle, getImageFile, imagesOf, listArticles } from './news.repo.js';

const idParams = z.object({ id: z.uuid() });
const imageParams = z.object({ id: z.uuid(), imageId: z.uuid() });

export const mayReadArticle = (actor: Actor, a: ArticleRow) => a.status === 'published' || canEditPublication(actor, a.provinceCode) || canUnpublish(actor, a.provinceCode);

function articleFilter(actor: Actor, qy: z.infer<typeof articleListQuery>): SQL | undefined {
  return and(
    publicationVisibility(actor, newsArticle.status, newsArticle.provinceCode),
    qy.kind ? eq(newsArticle.kind, qy.kind) : undefined,
    qy.province === 'national' ? isNull(newsArticle.provinceCode) : qy.province ? eq(newsArticle.provinceCode, qy.province) : undefined,
    qy.status ? eq(newsArticle.status, qy.status) : undefined,
  );
}

export const newsRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const files = new FileStore(join(config.dataDir, 'files'));

  async function readable(actor: Actor, id: string) {
    const v = await getArticle(db, id);
    if (!v || !mayReadArticle(actor, v.article)) throw notFound('article', 'bài viết');
    return v;
  }
  const present = async (actor: Actor, id: string) => {
    const v = (await getArticle(db, id))!;
    return presentArticle(v, (await imagesOf(db, [id])).get(id) ?? [], actor);
  };

  r.get('/news', { config: { access: 'public', publicCache: true }, schema: { tags: ['programme'], summary: 'News, guides and announcements: the public gets published ones (newest first); the offices their drafts too', querystring: articleListQuery, response: { 200: articleList } } }, async (req, reply) => {
    const qy = req.query;
    const { rows, nextCursor } = await listArticles(db, articleFilter(req.actor, qy), qy.sort, qy.pageSize, readCursor(qy, 'news', articleKeys(qy.sort)));
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    const images = await imagesOf(db, rows.map((v) => v.article.id));
    return { nextCursor, items: rows.map((v) => presentArticle(v, images.get(v.article.id) ?? [], req.actor)) };
  });

  r.post('/news', { config: { access: OFFICE_ROLES }, schema: { tags: ['programme'], summary: 'Write an article (a draft) for your office: the central office nationally, a province office for its province', body: createArticleBody, response: { 201: articleOut } } }, async (req, reply) => {
    const created = await inTransaction(db, req, (ctx) => createArticle(ctx, req.body));
    return reply.status(201).send(await present(req.actor, created.id));
  });

  r.get('/news/:id', { config: { access: 'public' }, schema: { tags: ['programme'], params: idParams, response: { 200: articleOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    return present(req.actor, req.params.id);
  });

  r.patch('/news/:id', { config: { access: OFFICE_ROLES }, schema: { tags: ['programme'], summary: 'Change an article (send the version you read); a published one changes on its page at once', params: idParams, body: updateArticleBody, response: { 200: articleOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => updateArticle(ctx, req.params.id, req.body));
    return present(req.actor, req.params.id);
  });

  for (const [path, to, summary] of [['publish', 'published', 'Publish: the article appears on /tin-tuc and in /feeds/news.xml'], ['unpublish', 'unpublished', 'Withdraw: the article leaves the site and the feed at once']] as const) {
    r.post(`/news/:id/${path}`, { config: { access: OFFICE_ROLES }, schema: { tags: ['programme'], summary, params: idParams, body: versionBody, response: { 200: articleOut } } }, async (req) => {
      await readable(req.actor, req.params.id);
      await inTransaction(db, req, (ctx) => setArticleStatus(ctx, req.params.id, req.body.version, to));
      return present(req.actor, req.params.id);
    });
  }

  r.post('/news/:id/images', { config: { access: OFFICE_ROLES }, schema: { tags: ['programme'], summary: 'Add an image (JPEG, PNG, WebP; multipart, field file; optional field caption); the first is the cover', params: idParams, consumes: ['multipart/form-data'], response: { 200: articleOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    const { upload, fields } = await readSingleUpload(req);
    const caption = fields.caption?.trim().slice(0, 300) || null;
    await inTransaction(db, req, (ctx) => addArticleImage(ctx, files, req.params.id, upload, caption));
    return present(req.actor, req.params.id);
  });

  r.delete('/news/:id/images/:imageId', { config: { access: OFFICE_ROLES }, schema: { tags: ['programme'], summary: 'Remove an image', params: imageParams } }, async (req, reply) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => removeArticleImage(ctx, req.params.id, req.params.imageId));
    return reply.status(204).send();
  });

  r.get('/news/:id/images/:imageId', { config: { access: 'public' }, schema: { tags: ['programme'], summary: 'An article\'s image (public once the article is published)', params: imageParams } }, async (req, reply) => {
    const v = await readable(req.actor, req.params.id);
    const found = await getImageFile(db, req.params.id, req.params.imageId);
    if (!found) throw notFound('image', 'ảnh');
    const isPublic = v.article.status === 'published';
    reply.header('content-type', found.file.mimeType);
    reply.header('etag', `"${found.file.sha256}"`);
    reply.header('cache-control', isPublic ? 'public, max-age=3600' : 'private, max-age=0');
    // The uploader's file name may name a person: the image goes out under its id.
    reply.header('content-disposition', contentDisposition('inline', `${found.image.id}.${found.file.mimeType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin'}`));
    reply.header('content-security-policy', STORED_FILE_POLICY);
    if (req.headers['if-none-match'] === `"${found.file.sha256}"`) return reply.status(304).send();
    return reply.send(await files.get(found.file.sha256));
  });
};
