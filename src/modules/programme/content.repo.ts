// What the programme's content lists share: a keyset page of ids through an index, then the page's rows only.
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../app/db.js';
import { after, keyFields, limits, orderBy, pageEnd, type KeyValues, type SortKey } from '../../app/paging.js';
import { goodModel, newsArticle } from './content.tables.js';

/** The page's ids in order and the next page's cursor (no total: the lists are read page by page). */
export async function keysetIds(db: Queryable, table: PgTable, id: PgColumn, where: SQL | undefined, keys: SortKey[], list: string, sort: string, pageSize: number, afterKeys?: KeyValues) {
  const p = { page: 1, pageSize, after: afterKeys };
  const found = await db.select({ id, ...keyFields(keys) }).from(table)
    .where(and(where, afterKeys && after(keys, afterKeys))).orderBy(...orderBy(keys)).limit(limits(p).limit);
  const { rows, nextCursor } = pageEnd(found as Record<string, unknown>[], p, list, sort, keys);
  return { ids: rows.map((r) => String(r.id)), nextCursor };
}

/** Rows fetched by id, put back in the page's order. */
export function inIdOrder<Row>(ids: string[], rows: Row[], idOf: (r: Row) => string): Row[] {
  const by = new Map(rows.map((r) => [idOf(r), r]));
  return ids.map((i) => by.get(i)).filter((r): r is Row => r !== undefined);
}

export const byIds = (col: PgColumn, ids: string[]) => inArray(col, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);

/** The published articles' or models' slugs and last changes, newest first (the sitemap). */
export function publishedSlugs(db: Queryable, which: 'news' | 'models') {
  const table = which === 'news' ? newsArticle : goodModel;
  return db.select({ slug: table.slug, updatedAt: table.updatedAt }).from(table).where(eq(table.status, 'published')).orderBy(desc(table.publishedAt)).limit(45_000);
}
