import { asc, desc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { entity, entityDocument, product, productFile, productSet, storedFile } from './registry.tables.js';

const communeName = sql<string>`(SELECT full_name FROM commune WHERE code = ${entity.communeCode})`;
const provinceName = sql<string>`(SELECT full_name FROM province WHERE code = ${entity.provinceCode})`;
// ${entity}.id, not ${entity.id}: in a select of the entity alone drizzle writes the column unqualified, and "id"
// inside the sub-select is the product's own id (every count was 0, and each list scanned every product).
const productCount = sql<number>`(SELECT count(*)::int FROM product p WHERE p.entity_id = ${entity}.id)`;

export const entityColumns = { entity, communeName, provinceName, productCount };
export type EntityRow = { entity: typeof entity.$inferSelect; communeName: string; provinceName: string; productCount: number };

export async function getEntity(db: Queryable, id: string): Promise<EntityRow | undefined> {
  const [row] = await db.select(entityColumns).from(entity).where(eq(entity.id, id));
  return row;
}

export async function getEntityForUpdate(db: Queryable, id: string) {
  const [row] = await db.select().from(entity).where(eq(entity.id, id)).for('update');
  return row;
}

export async function findEntityByRegistration(db: Queryable, registrationNumber: string) {
  const [row] = await db.select({ id: entity.id }).from(entity).where(eq(entity.registrationNumber, registrationNumber));
  return row;
}

/**
 * The words of a query, folded, in order, anywhere in the folded name: "mat ong meo vac" finds "Mật ong bạc hà Mèo
 * Vạc". One LIKE pattern ('%mat%ong%meo%vac%') lets the trigram index answer it in a single scan.
 */
export function nameMatches(foldColumn: SQL, q: string | undefined): SQL | undefined {
  const words = (q ?? '').split(/\s+/).filter(Boolean).slice(0, 8).map((w) => w.replace(/[%_\\]/g, '\\$&'));
  if (!words.length) return undefined;
  return sql`${foldColumn} LIKE '%' || f_unaccent(${words.join('%')}) || '%'`;
}

function order(sort: string, columns: Record<string, SQL | unknown>) {
  const desc_ = sort.startsWith('-');
  const col = columns[desc_ ? sort.slice(1) : sort] as never;
  // Unrated rows (no stars yet) go last in either direction.
  return desc_ ? sql`${col} DESC NULLS LAST` : asc(col);
}

/**
 * Lists cost their page, not the table: the page's ids come first (filters and sort only, no per-row sub-selects),
 * then those rows alone are decorated with names, counts and images. The total is exact up to TOTAL_CAP and
 * reported as "at least" beyond it, so no request counts every match of a million-row table.
 */
export const TOTAL_CAP = 10_000;
export type ListPage<Row> = { total: number; totalExact: boolean; rows: Row[] };

async function countCapped(db: Queryable, matches: { limit(n: number): SQLWrapper }, page: number, pageSize: number, onPage: number): Promise<{ total: number; totalExact: boolean }> {
  // A first page that is not full is the whole result: nothing to count.
  if (page === 1 && onPage < pageSize) return { total: onPage, totalExact: true };
  const [row] = await query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${matches.limit(TOTAL_CAP + 1)}) AS capped`);
  const n = Number(row.n);
  return n > TOTAL_CAP ? { total: TOTAL_CAP, totalExact: false } : { total: n, totalExact: true };
}

/** Decorated rows in the order of `ids`. */
function inOrder<Row>(ids: string[], rows: Row[], id: (row: Row) => string): Row[] {
  const byId = new Map(rows.map((r) => [id(r), r]));
  return ids.map((i) => byId.get(i)).filter((r): r is Row => r !== undefined);
}

export async function listEntities(db: Queryable, where: SQL | undefined, sort: string, page: number, pageSize: number): Promise<ListPage<EntityRow>> {
  const ids = (await db.select({ id: entity.id }).from(entity).where(where)
    .orderBy(order(sort, { name: entity.name, createdAt: entity.createdAt, updatedAt: entity.updatedAt }), asc(entity.id))
    .limit(pageSize).offset((page - 1) * pageSize)).map((r) => r.id);
  const rows = ids.length ? await db.select(entityColumns).from(entity).where(inArray(entity.id, ids)) : [];
  const counted = await countCapped(db, db.select({ one: sql`1` }).from(entity).where(where), page, pageSize, ids.length);
  return { ...counted, rows: inOrder(ids, rows, (r) => r.entity.id) };
}

const productProvinceName = sql<string>`(SELECT full_name FROM province WHERE code = ${product.provinceCode})`;
const productCommuneName = sql<string>`(SELECT full_name FROM commune WHERE code = ${product.communeCode})`;
const imageFileId = sql<string | null>`(SELECT pf.file_id FROM product_file pf WHERE pf.product_id = ${product.id} AND pf.kind = 'image' ORDER BY pf.created_at LIMIT 1)`;

export const productColumns = {
  product, set: productSet,
  entityName: entity.name, entityType: entity.type, entityStatus: entity.status,
  provinceName: productProvinceName, communeName: productCommuneName, imageFileId,
};
export type ProductRow = {
  product: typeof product.$inferSelect; set: typeof productSet.$inferSelect;
  entityName: string; entityType: (typeof entity.$inferSelect)['type']; entityStatus: string;
  provinceName: string; communeName: string; imageFileId: string | null;
};

const productFrom = (db: Queryable) => db.select(productColumns).from(product)
  .innerJoin(entity, eq(entity.id, product.entityId))
  .innerJoin(productSet, eq(productSet.sheet, product.productSet));

export async function getProduct(db: Queryable, id: string): Promise<ProductRow | undefined> {
  const [row] = await productFrom(db).where(eq(product.id, id));
  return row;
}

/** The first `limit` rows in catalogue order (stars, then recency), uncounted: one query, for a page's side lists. */
export function firstProducts(db: Queryable, where: SQL | undefined, limit: number): Promise<ProductRow[]> {
  return productFrom(db).where(where).orderBy(sql`${product.stars} DESC NULLS LAST`, desc(product.updatedAt), asc(product.id)).limit(limit);
}

export async function listProducts(db: Queryable, where: SQL | undefined, sort: string, page: number, pageSize: number): Promise<ListPage<ProductRow>> {
  // The filters may name the entity (its type, its visibility) and the product set (sector, group): joined here, but
  // the decorating sub-selects run for the page's rows only.
  const matches = () => db.select({ id: product.id }).from(product)
    .innerJoin(entity, eq(entity.id, product.entityId))
    .innerJoin(productSet, eq(productSet.sheet, product.productSet)).where(where);
  const ids = (await matches()
    // Equal stars: the most recently updated first (the catalogue opens on stars, then recency).
    .orderBy(order(sort, { name: product.name, createdAt: product.createdAt, updatedAt: product.updatedAt, stars: product.stars, code: product.code }),
      ...(sort === '-stars' ? [desc(product.updatedAt)] : []), asc(product.id))
    .limit(pageSize).offset((page - 1) * pageSize)).map((r) => r.id);
  const rows = ids.length ? await productFrom(db).where(inArray(product.id, ids)) : [];
  const counted = await countCapped(db, matches(), page, pageSize, ids.length);
  return { ...counted, rows: inOrder(ids, rows, (r) => r.product.id) };
}

export async function getProductSet(db: Queryable, sheet: number) {
  const [row] = await db.select().from(productSet).where(eq(productSet.sheet, sheet));
  return row;
}

export function listProductSets(db: Queryable) {
  return db.select().from(productSet).orderBy(asc(productSet.sheet));
}

/** Next sequence number of the commune's product codes; the row lock makes concurrent calls wait, never collide. */
export async function nextProductSequence(db: Queryable, communeCode: string): Promise<number> {
  const rows = await query<{ last_value: number }>(db, sql`
    INSERT INTO commune_product_seq (commune_code, last_value) VALUES (${communeCode}, 1)
    ON CONFLICT (commune_code) DO UPDATE SET last_value = commune_product_seq.last_value + 1
    RETURNING last_value`);
  return Number(rows[0].last_value);
}

export function listProductFiles(db: Queryable, productId: string) {
  return db.select({ link: productFile, file: storedFile }).from(productFile)
    .innerJoin(storedFile, eq(storedFile.id, productFile.fileId))
    .where(eq(productFile.productId, productId)).orderBy(asc(productFile.createdAt));
}

export function listEntityDocuments(db: Queryable, entityId: string) {
  return db.select({ doc: entityDocument, file: storedFile }).from(entityDocument)
    .innerJoin(storedFile, eq(storedFile.id, entityDocument.fileId))
    .where(eq(entityDocument.entityId, entityId)).orderBy(asc(entityDocument.createdAt));
}

/** Where a stored file is attached, to decide who may download it. */
export async function fileAttachments(db: Queryable, fileId: string) {
  const [file] = await db.select().from(storedFile).where(eq(storedFile.id, fileId));
  if (!file) return undefined;
  const products = await db.select({ kind: productFile.kind, product: product, entityStatus: entity.status }).from(productFile)
    .innerJoin(product, eq(product.id, productFile.productId)).innerJoin(entity, eq(entity.id, product.entityId))
    .where(eq(productFile.fileId, fileId));
  const entities = await db.select({ entity }).from(entityDocument).innerJoin(entity, eq(entity.id, entityDocument.entityId))
    .where(eq(entityDocument.fileId, fileId));
  return { file, products, entities: entities.map((e) => e.entity) };
}

/** Product sets whose name or any alias matches `q`, diacritics ignored ("che tuoi" finds "Chè tươi, chế biến" and
 * Phụ lục II's "Chè tươi, chè chế biến"), in sheet order. */
export async function searchProductSets(db: Queryable, q: string | undefined) {
  const where = nameMatches(sql`f_unaccent(${productSet.name} || ' ' || ${productSet.nameEn} || ' ' || ${productSet.aliases}::text)`, q);
  return db.select().from(productSet).where(where).orderBy(asc(productSet.sheet));
}
