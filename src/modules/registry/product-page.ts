// A page of products in full, read in one statement with the page itself: the lists and searches of listProducts
// (registry.repo.ts) give the page's rows as a sub-select, and this wraps it in the decoration every product row
// shows (its set, its entity's name, type and status, its province's and commune's names, its first photo). The
// decoration is written once, as text, when the module loads: built by drizzle at every request, the 40 columns
// cost more time than reading them (1-2 ms of a 3 ms request), and only the page's sub-select changes.
import { getTableColumns, inArray, sql, type Column, type SQL } from 'drizzle-orm';
import { prerendered, query, queryPrepared, type Queryable } from '../../app/db.js';
import { classificationRows } from './commands/load-classification.js';
import { entity, product, productSet } from './registry.tables.js';

export const productProvinceName = sql<string>`(SELECT full_name FROM province WHERE code = ${product.provinceCode})`;
export const productCommuneName = sql<string>`(SELECT full_name FROM commune WHERE code = ${product.communeCode})`;
export const imageFileId = sql<string | null>`(SELECT pf.file_id FROM product_file pf WHERE pf.product_id = ${product.id} AND pf.kind = 'image' ORDER BY pf.created_at LIMIT 1)`;

export type ProductRow = {
  product: typeof product.$inferSelect; set: typeof productSet.$inferSelect;
  entityName: string; entityType: (typeof entity.$inferSelect)['type']; entityStatus: string;
  provinceName: string; communeName: string; imageFileId: string | null;
};

const productCols = Object.entries(getTableColumns(product));
const COLUMNS = prerendered(sql.join([
  ...productCols.map(([, c], i) => sql`${c} AS ${sql.identifier(`p${i}`)}`),
  sql`${entity.name} AS entity_name, ${entity.type} AS entity_type, ${entity.status} AS entity_status`,
  sql`province.full_name AS province_name, commune.full_name AS commune_name, ${imageFileId} AS image_file_id`,
], sql`, `));
// The province's and commune's names joined, not read by a sub-select per row: a sub-select over the 34 provinces
// cost 5-6 µs a row, the page's decoration a third more.
const FROM = prerendered(sql`JOIN ${product} ON ${product.id} = c.id JOIN ${entity} ON ${entity.id} = ${product.entityId}
  LEFT JOIN province ON province.code = ${product.provinceCode} LEFT JOIN commune ON commune.code = ${product.communeCode}`);

type Raw = Record<string, unknown>;
/** A table's columns out of a row, as drizzle reads them (the engines' drivers give dates and JSON either parsed or
 * as text; the columns' own mapping takes both). A loop over the columns listed once: this runs for every row shown. */
function decoder<T>(cols: [string, Column][], prefix: string): (r: Raw) => T {
  const parts = cols.map(([key, column], i) => ({ key, column, at: `${prefix}${i}` }));
  return (r) => {
    const out: Raw = {};
    for (const { key, column, at } of parts) {
      const v = r[at];
      out[key] = v == null ? null : column.mapFromDriverValue(v);
    }
    return out as T;
  };
}
const productOf = decoder<ProductRow['product']>(productCols, 'p');

/**
 * The product sets, by sheet, as the classification file gives them (data/classification): the table product_set is
 * kept equal to it (loadClassification, at start-up). A page takes its rows' sets from here rather than 14 columns a
 * row from the database: a third of the fields a search's answer parsed, 0.1 ms of Node's 0.5 ms. A sheet the file
 * lacks (none does) is read from the table.
 */
let classified: Map<number, ProductRow['set']> | undefined;
async function productSets(db: Queryable, sheets: number[]): Promise<Map<number, ProductRow['set']>> {
  classified ??= new Map(classificationRows().map((s) => [s.sheet, s]));
  const missing = sheets.filter((s) => !classified!.has(s));
  if (!missing.length) return classified;
  const read = await db.select().from(productSet).where(inArray(productSet.sheet, missing));
  return new Map([...classified, ...read.map((s) => [s.sheet, s] as const)]);
}

/**
 * The rows of `page` (a sub-select named `c` holding the products' `id`, and the `carried` columns, given back on
 * each row as they are), decorated, in the order `tail` (`ORDER BY`, over c, after an optional `WHERE`) gives.
 * One statement, `prepared` on PostgreSQL (db.ts queryPrepared) when its text is one of few.
 */
export async function decoratedPage<Carried extends string>(db: Queryable, page: SQL, tail: SQL, carried: readonly Carried[], prepared: boolean): Promise<(ProductRow & Record<Carried, string | null>)[]> {
  const rows = await (prepared ? queryPrepared<Raw> : query<Raw>)(db, sql`SELECT ${COLUMNS}, ${sql.raw(carried.map((k) => `c.${k}`).join(', '))} FROM (${page}) AS c ${FROM} ${tail}`);
  const products = rows.map(productOf);
  const sets = await productSets(db, products.map((p) => p.productSet));
  return rows.map((r, i) => ({ product: products[i], set: sets.get(products[i].productSet)!,
    entityName: r.entity_name as string, entityType: r.entity_type as ProductRow['entityType'], entityStatus: r.entity_status as string,
    provinceName: r.province_name as string, communeName: r.commune_name as string, imageFileId: (r.image_file_id ?? null) as string | null,
    ...Object.fromEntries(carried.map((k) => [k, r[k] == null ? null : String(r[k])])) as Record<Carried, string | null>,
  }));
}
