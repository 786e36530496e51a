// Good-model queries: no decisions.
import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import type { KeyValues, SortKey } from '../../app/paging.js';
import { entity, product, storedFile } from '../registry/index.js';
import { goodModel, goodModelFile } from './content.tables.js';
import { byIds, inIdOrder, keysetIds } from './content.repo.js';
import type { CertificateSpan } from './good-models.rules.js';

export type GoodModelView = { model: typeof goodModel.$inferSelect; provinceName: string; entityName: string | null; productName: string | null };
export type AttachmentView = { id: string; modelId: string; kind: 'image' | 'document'; caption: string | null };

const decorated = (db: Queryable) => db.select({
  model: goodModel,
  provinceName: sql<string>`(SELECT full_name FROM province WHERE code = ${goodModel.provinceCode})`,
  entityName: entity.name,
  productName: product.name,
}).from(goodModel).leftJoin(entity, eq(entity.id, goodModel.entityId)).leftJoin(product, eq(product.id, goodModel.productId));

export async function getGoodModel(db: Queryable, id: string): Promise<GoodModelView | undefined> {
  const [row] = await decorated(db).where(eq(goodModel.id, id));
  return row;
}
export async function getGoodModelBySlug(db: Queryable, slug: string): Promise<GoodModelView | undefined> {
  const [row] = await decorated(db).where(eq(goodModel.slug, slug));
  return row;
}
export async function getGoodModelForUpdate(db: Queryable, id: string) {
  const [row] = await db.select().from(goodModel).where(eq(goodModel.id, id)).for('update');
  return row;
}
export async function modelSlugsLike(db: Queryable, base: string, exceptId?: string): Promise<Set<string>> {
  const rows = await db.select({ slug: goodModel.slug }).from(goodModel)
    .where(and(or(eq(goodModel.slug, base), like(goodModel.slug, `${base}-%`)), exceptId ? sql`${goodModel.id} <> ${exceptId}` : undefined));
  return new Set(rows.map((r) => r.slug));
}

/** Every word anywhere in the folded text (the trigram index answers). */
export const wordsMatch = (words: string[]): SQL | undefined =>
  words.length ? and(...words.map((w) => sql`${goodModel}.search_fold LIKE '%' || f_unaccent(${w}) || '%'`)) : undefined;

export const goodModelKeys: SortKey[] = [{ expr: goodModel.publishedAt, kind: 'timestamp', dir: 'desc', nullable: true }, { expr: goodModel.id, kind: 'uuid', dir: 'desc' }];

export async function listGoodModels(db: Queryable, where: SQL | undefined, pageSize: number, afterKeys?: KeyValues) {
  const { ids, nextCursor } = await keysetIds(db, goodModel, goodModel.id, where, goodModelKeys, 'good-models', '-publishedAt', pageSize, afterKeys);
  const rows = ids.length ? await decorated(db).where(byIds(goodModel.id, ids)) : [];
  return { rows: inIdOrder(ids, rows, (r) => r.model.id), nextCursor };
}

/** The public list by page number (the server-rendered /mo-hinh-hay): bounded, newest first. */
export async function publishedModelsPage(db: Queryable, where: SQL | undefined, page: number, pageSize: number) {
  const rows = await decorated(db).where(and(eq(goodModel.status, 'published'), where))
    .orderBy(desc(goodModel.publishedAt), desc(goodModel.id)).limit(pageSize + 1).offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), more: rows.length > pageSize };
}

export async function attachmentsOf(db: Queryable, modelIds: string[]): Promise<Map<string, AttachmentView[]>> {
  const out = new Map<string, AttachmentView[]>();
  if (!modelIds.length) return out;
  const rows = await db.select({ id: goodModelFile.id, modelId: goodModelFile.modelId, kind: goodModelFile.kind, caption: goodModelFile.caption })
    .from(goodModelFile).where(inArray(goodModelFile.modelId, modelIds)).orderBy(asc(goodModelFile.createdAt), asc(goodModelFile.id));
  for (const r of rows) out.set(r.modelId, [...(out.get(r.modelId) ?? []), r]);
  return out;
}

export async function getAttachmentFile(db: Queryable, modelId: string, attachmentId: string) {
  const [row] = await db.select({ attachment: goodModelFile, file: storedFile }).from(goodModelFile)
    .innerJoin(storedFile, eq(storedFile.id, goodModelFile.fileId))
    .where(and(eq(goodModelFile.id, attachmentId), eq(goodModelFile.modelId, modelId)));
  return row;
}

/** Each product's first and latest certificate (scoring's table, read here): the score before and after. */
export async function certificateSpans(db: Queryable, productIds: string[]): Promise<Map<string, CertificateSpan>> {
  const out = new Map<string, CertificateSpan>();
  const ids = [...new Set(productIds)];
  if (!ids.length) return out;
  const rows = await query<{ product_id: string; n: number; f_score: string | null; f_stars: number; f_on: string; l_score: string | null; l_stars: number; l_on: string }>(db, sql`
    SELECT product_id, count(*)::int AS n,
      (array_agg(score::text ORDER BY issued_on, created_at))[1] AS f_score, (array_agg(stars ORDER BY issued_on, created_at))[1] AS f_stars,
      (array_agg(issued_on::text ORDER BY issued_on, created_at))[1] AS f_on,
      (array_agg(score::text ORDER BY issued_on DESC, created_at DESC))[1] AS l_score, (array_agg(stars ORDER BY issued_on DESC, created_at DESC))[1] AS l_stars,
      (array_agg(issued_on::text ORDER BY issued_on DESC, created_at DESC))[1] AS l_on
    FROM certificate WHERE product_id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)}) AND status <> 'revoked'
    GROUP BY product_id`);
  const num = (s: string | null) => (s === null ? null : Number(s));
  for (const r of rows) {
    out.set(r.product_id, {
      count: Number(r.n),
      first: { score: num(r.f_score), stars: Number(r.f_stars), issuedOn: r.f_on },
      last: { score: num(r.l_score), stars: Number(r.l_stars), issuedOn: r.l_on },
    });
  }
  return out;
}

/** The published models about a product (its public page links to them). */
export function modelsOfProduct(db: Queryable, productId: string) {
  return db.select({ slug: goodModel.slug, name: goodModel.name, summary: goodModel.summary }).from(goodModel)
    .where(and(eq(goodModel.productId, productId), eq(goodModel.status, 'published'))).orderBy(desc(goodModel.publishedAt)).limit(10);
}

/** The product's entity and province, and an entity's province (to link a model and place it). */
export async function productPlace(db: Queryable, id: string) {
  const [row] = await db.select({ id: product.id, entityId: product.entityId, provinceCode: product.provinceCode, status: product.status }).from(product).where(eq(product.id, id));
  return row;
}
export async function entityPlace(db: Queryable, id: string) {
  const [row] = await db.select({ id: entity.id, provinceCode: entity.provinceCode, status: entity.status }).from(entity).where(eq(entity.id, id));
  return row;
}
