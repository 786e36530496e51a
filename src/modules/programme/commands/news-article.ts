// The news use cases: an office writes an article (draft), changes it, publishes it, withdraws it, adds or removes
// an image. Each in the caller's transaction, audited.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../../app/errors.js';
import { ALLOWED_TYPES, type FileStore } from '../../../app/files.js';
import type { Upload } from '../../../app/uploads.js';
import { storeFile } from '../../registry/index.js';
import { canEditPublication, canUnpublish, publishingProvince } from '../content.policy.js';
import { newsArticle, newsImage, type ArticleRow } from '../content.tables.js';
import { englishPaired, type createArticleBody, type updateArticleBody } from '../news.contract.js';
import { articleSnapshot } from '../news.present.js';
import { getArticleForUpdate, nextImagePosition, slugsLike } from '../news.repo.js';
import { canMoveTo, slugify, uniqueSlug } from '../news.rules.js';

const MAX_IMAGES = 12;
const audit = (ctx: Ctx, action: string, a: ArticleRow, before?: ArticleRow, extra: object = {}) =>
  recordAudit(ctx, { action, recordType: 'news_article', recordId: a.id, provinceCode: a.provinceCode, before: before && articleSnapshot(before), after: { ...articleSnapshot(a), ...extra } });

async function freeSlug(ctx: Ctx, wanted: string | undefined, title: string, exceptId?: string): Promise<string> {
  if (wanted) {
    const taken = await slugsLike(ctx.tx, wanted, exceptId);
    if (taken.has(wanted)) throw invalidField('slug', 'slug_taken', { vi: 'Địa chỉ (slug) này đã được dùng cho bài khác', en: 'This slug is already used by another article' });
    return wanted;
  }
  const base = slugify(title);
  return uniqueSlug(base, await slugsLike(ctx.tx, base, exceptId));
}

export async function createArticle(ctx: Ctx, input: z.infer<typeof createArticleBody>) {
  const province = publishingProvince(ctx.actor);
  if (province === undefined) throw forbidden();
  const slug = await freeSlug(ctx, input.slug, input.titleVi);
  const [row] = await ctx.tx.insert(newsArticle).values({
    kind: input.kind, slug, titleVi: input.titleVi, titleEn: input.titleEn ?? null, summaryVi: input.summaryVi, summaryEn: input.summaryEn ?? null,
    bodyVi: input.bodyVi, bodyEn: input.bodyEn ?? null, provinceCode: province,
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await audit(ctx, 'news.create', row);
  return row;
}

async function locked(ctx: Ctx, id: string, version: number | undefined, may: (a: ArticleRow) => boolean) {
  const a = await getArticleForUpdate(ctx.tx, id);
  if (!a) throw notFound('article', 'bài viết');
  if (!may(a)) throw forbidden();
  if (version !== undefined && a.version !== version) throw staleVersion(a.version);
  return a;
}

export async function updateArticle(ctx: Ctx, id: string, input: z.infer<typeof updateArticleBody>) {
  const before = await locked(ctx, id, input.version, (a) => canEditPublication(ctx.actor, a.provinceCode));
  const { version: _v, slug: wanted, ...changes } = input;
  const merged = { ...before, ...changes };
  if (!englishPaired(merged)) throw invalidField('bodyEn', 'english_incomplete', { vi: 'Bản tiếng Anh cần cả tiêu đề và nội dung', en: 'An English version needs both its title and its body' });
  let slug = before.slug;
  if (wanted && wanted !== before.slug) {
    // A published address stays: links to it (the feed, shared posts) must keep working.
    if (before.publishedAt) throw invalidField('slug', 'slug_fixed', { vi: 'Bài đã đăng thì không đổi được địa chỉ', en: 'The address of an article once published cannot change' });
    slug = await freeSlug(ctx, wanted, merged.titleVi, id);
  }
  const [after] = await ctx.tx.update(newsArticle).set({ ...changes, slug, updatedAt: ctx.now, version: before.version + 1 }).where(eq(newsArticle.id, id)).returning();
  await audit(ctx, 'news.update', after, before);
  return after;
}

export async function setArticleStatus(ctx: Ctx, id: string, version: number, to: 'published' | 'unpublished') {
  const before = await locked(ctx, id, version, (a) => (to === 'published' ? canEditPublication(ctx.actor, a.provinceCode) : canUnpublish(ctx.actor, a.provinceCode)));
  if (!canMoveTo(before.status, to)) {
    throw new AppError('conflict', to === 'published' ? 'already_published' : 'not_published', to === 'published'
      ? { vi: 'Bài viết đã được đăng', en: 'The article is already published' } : { vi: 'Bài viết chưa được đăng', en: 'The article is not published' });
  }
  // The first publication dates the article; publishing again after a withdrawal keeps that date.
  const publishedAt = before.publishedAt ?? ctx.now;
  const [after] = await ctx.tx.update(newsArticle).set({ status: to, publishedAt, updatedAt: ctx.now, version: before.version + 1 }).where(eq(newsArticle.id, id)).returning();
  await audit(ctx, to === 'published' ? 'news.publish' : 'news.unpublish', after, before);
  return after;
}

export async function addArticleImage(ctx: Ctx, files: FileStore, id: string, upload: Upload, caption: string | null) {
  const before = await locked(ctx, id, undefined, (a) => canEditPublication(ctx.actor, a.provinceCode));
  const position = await nextImagePosition(ctx.tx, id);
  if (position > MAX_IMAGES) throw new AppError('unprocessable', 'too_many_images', { vi: `Mỗi bài tối đa ${MAX_IMAGES} ảnh`, en: `At most ${MAX_IMAGES} images per article` }, { field: 'file' });
  const file = await storeFile(ctx, files, upload, ALLOWED_TYPES.image);
  const [image] = await ctx.tx.insert(newsImage).values({ articleId: id, fileId: file.id, caption, position }).returning();
  const [after] = await ctx.tx.update(newsArticle).set({ updatedAt: ctx.now, version: before.version + 1 }).where(eq(newsArticle.id, id)).returning();
  await audit(ctx, 'news.image', after, before, { image: { id: image.id, sha256: file.sha256, caption } });
  return image;
}

export async function removeArticleImage(ctx: Ctx, id: string, imageId: string) {
  const before = await locked(ctx, id, undefined, (a) => canEditPublication(ctx.actor, a.provinceCode));
  const [gone] = await ctx.tx.delete(newsImage).where(and(eq(newsImage.id, imageId), eq(newsImage.articleId, id))).returning();
  if (!gone) throw notFound('image', 'ảnh');
  const [after] = await ctx.tx.update(newsArticle).set({ updatedAt: ctx.now, version: before.version + 1 }).where(eq(newsArticle.id, id)).returning();
  await audit(ctx, 'news.image_remove', after, before, { removedImage: imageId });
}
