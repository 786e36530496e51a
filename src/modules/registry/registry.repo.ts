import { asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { entity, entityDocument, product, productFile, productSet, storedFile } from './registry.tables.js';

const communeName = sql<string>`(SELECT full_name FROM commune WHERE code = ${entity.communeCode})`;
const provinceName = sql<string>`(SELECT full_name FROM province WHERE code = ${entity.provinceCode})`;
const productCount = sql<number>`(SELECT count(*)::int FROM product p WHERE p.entity_id = ${entity.id})`;

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

export async function listEntities(db: Queryable, where: SQL | undefined, sort: string, page: number, pageSize: number) {
  const rows = await db.select({ ...entityColumns, total: sql<number>`count(*) over ()` }).from(entity).where(where)
    .orderBy(order(sort, { name: entity.name, createdAt: entity.createdAt, updatedAt: entity.updatedAt }), asc(entity.id))
    .limit(pageSize).offset((page - 1) * pageSize);
  if (rows.length) return { total: Number(rows[0].total), rows };
  const [{ n }] = await db.select({ n: count() }).from(entity).where(where);
  return { total: Number(n), rows };
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

/** One page and the total in one query (the total rides along as a window count); a page past the end counts apart. */
export async function listProducts(db: Queryable, where: SQL | undefined, sort: string, page: number, pageSize: number) {
  const rows = await db.select({ ...productColumns, total: sql<number>`count(*) over ()` }).from(product)
    .innerJoin(entity, eq(entity.id, product.entityId))
    .innerJoin(productSet, eq(productSet.sheet, product.productSet)).where(where)
    .orderBy(order(sort, { name: product.name, createdAt: product.createdAt, updatedAt: product.updatedAt, stars: product.stars, code: product.code }), asc(product.id))
    .limit(pageSize).offset((page - 1) * pageSize);
  if (rows.length) return { total: Number(rows[0].total), rows };
  const [{ n }] = await db.select({ n: count() }).from(product)
    .innerJoin(entity, eq(entity.id, product.entityId))
    .innerJoin(productSet, eq(productSet.sheet, product.productSet)).where(where);
  return { total: Number(n), rows };
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
