// News queries: no decisions.
import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../app/db.js';
import type { KeyValues, SortKey } from '../../app/paging.js';
import { storedFile } from '../registry/index.js';
import { newsArticle, newsImage } from './content.tables.js';
import { byIds, inIdOrder, keysetIds } from './content.repo.js';

export type ArticleView = { article: typeof newsArticle.$inferSelect; provinceName: string | null; provinceNameEn: string | null };
export type ImageView = { id: string; articleId: string; fileId: string; caption: string | null; position: number };

const decorated = (db: Queryable) => db.select({
  article: newsArticle,
  provinceName: sql<string | null>`(SELECT full_name FROM province WHERE code = ${newsArticle.provinceCode})`,
  provinceNameEn: sql<string | null>`(SELECT full_name_en FROM province WHERE code = ${newsArticle.provinceCode})`,
}).from(newsArticle);

export async function getArticle(db: Queryable, id: string): Promise<ArticleView | undefined> {
  const [row] = await decorated(db).where(eq(newsArticle.id, id));
  return row;
}
export async function getArticleBySlug(db: Queryable, slug: string): Promise<ArticleView | undefined> {
  const [row] = await decorated(db).where(eq(newsArticle.slug, slug));
  return row;
}
export async function getArticleForUpdate(db: Queryable, id: string) {
  const [row] = await db.select().from(newsArticle).where(eq(newsArticle.id, id)).for('update');
  return row;
}
/** The slugs already taken that start with `base` (to pick `base-2`…). */
export async function slugsLike(db: Queryable, base: string, exceptId?: string): Promise<Set<string>> {
  const rows = await db.select({ slug: newsArticle.slug }).from(newsArticle)
    .where(and(or(eq(newsArticle.slug, base), like(newsArticle.slug, `${base}-%`)), exceptId ? sql`${newsArticle.id} <> ${exceptId}` : undefined));
  return new Set(rows.map((r) => r.slug));
}

export function articleKeys(sort: string): SortKey[] {
  return sort === '-createdAt'
    ? [{ expr: newsArticle.createdAt, kind: 'timestamp', dir: 'desc' }, { expr: newsArticle.id, kind: 'uuid', dir: 'desc' }]
    : [{ expr: newsArticle.publishedAt, kind: 'timestamp', dir: 'desc', nullable: true }, { expr: newsArticle.id, kind: 'uuid', dir: 'desc' }];
}

export async function listArticles(db: Queryable, where: SQL | undefined, sort: string, pageSize: number, afterKeys?: KeyValues) {
  const { ids, nextCursor } = await keysetIds(db, newsArticle, newsArticle.id, where, articleKeys(sort), 'news', sort, pageSize, afterKeys);
  const rows = ids.length ? await decorated(db).where(byIds(newsArticle.id, ids)) : [];
  return { rows: inIdOrder(ids, rows, (r) => r.article.id), nextCursor };
}

/** The public list by page number (the server-rendered /tin-tuc): bounded, newest first. */
export async function publishedPage(db: Queryable, where: SQL | undefined, page: number, pageSize: number) {
  const rows = await decorated(db).where(and(eq(newsArticle.status, 'published'), where))
    .orderBy(desc(newsArticle.publishedAt), desc(newsArticle.id)).limit(pageSize + 1).offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), more: rows.length > pageSize };
}

export async function imagesOf(db: Queryable, articleIds: string[]): Promise<Map<string, ImageView[]>> {
  const out = new Map<string, ImageView[]>();
  if (!articleIds.length) return out;
  const rows = await db.select({ id: newsImage.id, articleId: newsImage.articleId, fileId: newsImage.fileId, caption: newsImage.caption, position: newsImage.position })
    .from(newsImage).where(inArray(newsImage.articleId, articleIds)).orderBy(asc(newsImage.position));
  for (const r of rows) out.set(r.articleId, [...(out.get(r.articleId) ?? []), r]);
  return out;
}

export async function getImageFile(db: Queryable, articleId: string, imageId: string) {
  const [row] = await db.select({ image: newsImage, file: storedFile }).from(newsImage)
    .innerJoin(storedFile, eq(storedFile.id, newsImage.fileId))
    .where(and(eq(newsImage.id, imageId), eq(newsImage.articleId, articleId)));
  return row;
}

export async function nextImagePosition(db: Queryable, articleId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${newsImage.position}), 0)::int` }).from(newsImage).where(eq(newsImage.articleId, articleId));
  return Number(row?.n ?? 0) + 1;
}
