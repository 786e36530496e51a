// The sitemap's queries: what the public may see (the same visibility as the catalogue), one slice of ids at a time.
//
// Neither the index nor a file counts or skips rows: ids are random (gen_random_uuid, version 4), so the uuid space
// cut into equal slices gives slices of nearly equal size, and a slice is a range scan of the primary key. The
// number of slices comes from the table's row estimate (pg_class.reltuples, kept by ANALYZE and autovacuum), with
// room to spare below the protocol's 50,000 URLs a file; a file never holds more than that (LIMIT) whatever happens.
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { PUBLIC } from '../../../app/actor.js';
import { query, type Queryable } from '../../../app/db.js';
import { entityVisibility, productVisibility } from '../registry.policy.js';
import { entity, product } from '../registry.tables.js';
import { SITEMAP_PAGE_SIZE, type SitemapKind } from './sitemap.js';

/** The rows a slice aims at: a random split of n rows into slices of 40,000 on average stays far below 50,000. */
const SLICE_ROWS = 40_000;

/** How many files a kind's sitemap has: its table's estimated rows over SLICE_ROWS (at least one). */
export async function sitemapSlices(db: Queryable, kind: SitemapKind): Promise<number> {
  const table = kind === 'san-pham' ? 'product' : 'entity';
  const [row] = await query<{ n: number }>(db, sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = ${table}::regclass`);
  return Math.max(1, Math.ceil(Number(row?.n ?? 0) / SLICE_ROWS)); // reltuples is -1 before the first ANALYZE
}

/** The first uuid of slice i of k (i from 0 to k): the 32-bit prefix i/k of the way through the uuid space. */
function bound(i: number, k: number): string {
  return `${Math.floor((i * 2 ** 32) / k).toString(16).padStart(8, '0')}-0000-0000-0000-000000000000`;
}

/** Slice `page` (from 1) of `slices`: [bound(page - 1), bound(page)), the last one open-ended. */
function slice(column: typeof product.id | typeof entity.id, page: number, slices: number) {
  return and(page > 1 ? gte(column, bound(page - 1, slices)) : undefined, page < slices ? lt(column, bound(page, slices)) : undefined);
}

export function publicProductsSlice(db: Queryable, page: number, slices: number) {
  return db.select({ id: product.id, updatedAt: product.updatedAt }).from(product).innerJoin(entity, eq(entity.id, product.entityId))
    .where(and(productVisibility(PUBLIC), slice(product.id, page, slices))).orderBy(asc(product.id)).limit(SITEMAP_PAGE_SIZE);
}

export function publicEntitiesSlice(db: Queryable, page: number, slices: number) {
  return db.select({ id: entity.id, updatedAt: entity.updatedAt }).from(entity)
    .where(and(entityVisibility(PUBLIC), slice(entity.id, page, slices))).orderBy(asc(entity.id)).limit(SITEMAP_PAGE_SIZE);
}
