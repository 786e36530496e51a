import { and, asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { keptPerDatabase, prerendered, query, queryPrepared, sqlKey, type Queryable } from '../../app/db.js';
import { decoratedPage, imageFileId, productCommuneName, productProvinceName, type ProductRow } from './product-page.js';
import { after, capped, inOrder, keepTotal, keptTotal, keyFields, limits, matchCount, orderBy, pageEnd, pageTotal, snapshotField, TOTAL_CAP, wholeOf, type Cursor, type KeysetPage, type Paging, type SortKey, type Total } from '../../app/paging.js';
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
  const words = likeWords(q);
  if (!words.length) return undefined;
  return sql`${foldColumn} LIKE '%' || f_unaccent(${words.join('%')}) || '%'`;
}
/** A query's words, LIKE's wildcards escaped (a search for "100%_" looks for those characters). */
const likeWords = (q: string | undefined) => (q ?? '').split(/\s+/).filter(Boolean).slice(0, 8).map((w) => w.replace(/[%_\\]/g, '\\$&'));

/** A search reads at most this many words of its query, */
const SEARCH_WORDS = 8;
/** and at most this many rows of its lead word (rankProducts). */
export const SEARCH_READS = 300;
/** The lead word is the one that begins the fewest names, counted up to this many (0.37 µs a row read): one more than
 * a search reads, so that a word it can read whole leads, and the search is exact. Past it, the longest word leads. */
const LEAD_COUNT = SEARCH_READS + 1;

/** A query's words as a name's are split (folded, cut at anything but a-z and 0-9), the first SEARCH_WORDS of them. */
const queryWords = (q: string) => sql`(name_words(f_unaccent(${q})))[1:${sql.raw(String(SEARCH_WORDS))}]`;

/**
 * A product search's words (folded, as a name's are split, the first SEARCH_WORDS, joined by spaces) and its lead word
 * (migration 0039, product_word): of the words, the one whose rows a search reads, the one that begins the fewest
 * words of names, counted up to LEAD_COUNT (a count the index answers alone), then the longest. The lead is NULL for
 * a query without a word: it matches nothing.
 */
const TERMS_OF = (q: string) => sql`SELECT array_to_string(ws, ' ') AS words, (SELECT w FROM unnest(ws) w ORDER BY (SELECT count(*) FROM (SELECT FROM product_word x
    WHERE x.word >= w AND x.word < w || '{' LIMIT ${sql.raw(String(LEAD_COUNT))}) n), length(w) DESC, w LIMIT 1) AS lead
  FROM (SELECT ${queryWords(q)} AS ws) s`;
type Terms = { words: string; lead: string | null };

// The terms found, per database handle, by query text, for a minute: counting took a fifth of a search's statement
// (0.3-0.7 ms of 3 ms for 2-4 words on a million products), folding and splitting the query 0.1 ms more, and the
// counts it compares move slowly. The lead decides which rows a search reads: every match holds every word, so a
// search that reads all its lead's rows finds the same matches whichever word leads, and one stopped at SEARCH_READS
// reads the same word's rows while its choice is kept. None kept inside a transaction (keptPerDatabase).
const termsKept = keptPerDatabase<Terms & { at: number }>(1_000);
const TERMS_KEPT_MS = 60_000;

async function searchWords(db: Queryable, q: string): Promise<Terms> {
  const kept = termsKept.get(db, q);
  if (kept && Date.now() - kept.at < TERMS_KEPT_MS) return kept;
  const [terms] = await queryPrepared<Terms>(db, TERMS_OF(q));
  termsKept.set(db, q, { ...terms, at: Date.now() });
  return terms;
}

/**
 * A product search's terms (searchWords): `q`, one row, its `lead` word, each other word as the start of a word
 * (' ong') and the phrase they make, at the start of a word (' mat ong'), computed once (OFFSET 0 keeps the planner
 * from copying its expressions into every row's test); and `rows`, the product_word rows (named product) it reads:
 * those whose word begins with the lead word (a range of the index, read in the catalogue's order) and that are the
 * first of their name's words to (prev_word: the name's previous word in sorted order), so that each product is read
 * once. The lead is written into `rows` as a value: read from `q`, the planner could not see how narrow the range
 * is, and PGlite (which plans each statement with its values) read every row of product_word under a search's LIMIT
 * instead: 40 ms against 4 at 20,000 products.
 */
const searchTerms = ({ words, lead }: Terms) => ({
  q: sql`(SELECT lead, ARRAY(SELECT ' ' || w FROM unnest(ws) w WHERE w <> lead) AS others,
    ' ' || array_to_string(ws, ' ') AS phrase
  FROM (SELECT string_to_array(${words}::text, ' ') AS ws, ${lead}::text AS lead OFFSET 0) t OFFSET 0) AS q`,
  rows: sql`${product}.word >= ${lead}::text AND ${product}.word < ${lead}::text || '{'
    AND (${product}.prev_word IS NULL OR ${product}.prev_word < ${lead}::text)`,
});
type SearchTerms = ReturnType<typeof searchTerms>;

/** The walked product's rows that begin with the lead word (walkedPage's probe, by id). */
const leadRange = (w: SQL) => sql`${w}.word >= q.lead AND ${w}.word < q.lead || '{'`;

/**
 * A row read is a match when each other query word begins a word of its name. Written out per number of other
 * words, as strpos: a LIKE '% ong%' per row costs three times as much, and a search tests up to 10,001 rows.
 */
const othersFound = (w: SQL) => sql`(CASE cardinality(q.others) WHEN 0 THEN TRUE ${sql.join(
  Array.from({ length: SEARCH_WORDS - 1 }, (_, k) => sql`WHEN ${sql.raw(String(k + 1))} THEN ${sql.join(
    Array.from({ length: k + 1 }, (__, i) => sql`strpos(${w}.words, q.others[${sql.raw(String(i + 1))}]) > 0`), sql` AND `)}`),
  sql` `)} END)`;

/** How well a name's words match, lower first: the phrase at the start of the name (0), at the start of a later word
 * (1), the words elsewhere (2). For "mat ong": "Mật ong rừng" (0), "Viên nghệ mật ong" (1), "Ong mật Mèo Vạc" (2). */
const wordRank = (w: SQL) => sql<number>`(CASE WHEN starts_with(${w}.words, ${w}.phrase) THEN 0 WHEN strpos(${w}.words, ${w}.phrase) > 0 THEN 1 ELSE 2 END)`;

/**
 * Lists cost their page, not the table: the page's ids come first (filters and sort only, no per-row sub-selects),
 * then those rows alone are decorated with names, counts and images. Paging is by page number for the first pages
 * and by keyset cursor beyond (src/app/paging.ts); the total is exact up to TOTAL_CAP and reported as "at least"
 * beyond it, so no request counts every match of a million-row table.
 */
export { TOTAL_CAP } from '../../app/paging.js';
export type ListPage<Row> = KeysetPage<Row>;

/** The sort keys of a list sort ('name', '-updatedAt'…): the column, then the id as tiebreaker. A descending sort
 * reads DESC NULLS LAST (unrated products go last in either direction). */
function sortKeys(sort: string, columns: Record<string, Omit<SortKey, 'dir'>>, id: SQLWrapper, extra: SortKey[] = []): SortKey[] {
  const dir = sort.startsWith('-') ? 'desc' : 'asc';
  const col = columns[dir === 'desc' ? sort.slice(1) : sort];
  return [{ ...col, dir, descNullsLast: true }, ...extra, { expr: id, kind: 'uuid', dir: 'asc' }];
}

export function entityKeys(sort: string): SortKey[] {
  return sortKeys(sort, {
    name: { expr: entity.name, kind: 'text' },
    createdAt: { expr: entity.createdAt, kind: 'timestamp' },
    updatedAt: { expr: entity.updatedAt, kind: 'timestamp' },
  }, entity.id);
}

export function productKeys(sort: string): SortKey[] {
  if (sort === RELEVANCE) return rankKeys;
  return sortKeys(sort, {
    name: { expr: product.name, kind: 'text' },
    createdAt: { expr: product.createdAt, kind: 'timestamp' },
    updatedAt: { expr: product.updatedAt, kind: 'timestamp' },
    stars: { expr: product.stars, kind: 'int', nullable: true },
    code: { expr: product.code, kind: 'text' },
  }, product.id,
  // Equal stars: the most recently updated first (the catalogue opens on stars, then recency).
  sort === '-stars' ? [{ expr: product.updatedAt, kind: 'timestamp', dir: 'desc' }] : []);
}


export async function listEntities(db: Queryable, where: SQL | undefined, sort: string, page: number, pageSize: number, after_?: Cursor, { search = false } = {}): Promise<ListPage<EntityRow>> {
  const keys = entityKeys(sort);
  const p = { page, pageSize, after: after_ };
  const counting = search && !after_;
  const found = await db.select({ id: entity.id, ...keyFields(keys), ...(counting ? { matches: matchCount } : {}) }).from(entity).where(and(where, after_ && after(keys, after_)))
    .orderBy(...orderBy(keys)).limit(limits(p).limit).offset(limits(p).offset);
  const counted = counting && found.length ? capped(Number(found[0].matches)) : await pageTotal(db, db.select({ one: sql`1` }).from(entity).where(where), p, wholeOf(found, p));
  const { rows: ids, nextCursor } = pageEnd(found, p, 'entity', sort, keys, counted);
  const rows = ids.length ? await db.select(entityColumns).from(entity).where(inArray(entity.id, ids.map((r) => r.id))) : [];
  return { ...counted, nextCursor, rows: inOrder(ids, rows, (r) => r.entity.id) };
}

export const productColumns = {
  product, set: productSet,
  entityName: entity.name, entityType: entity.type, entityStatus: entity.status,
  provinceName: productProvinceName, communeName: productCommuneName, imageFileId,
};
export type { ProductRow };

const productFrom = (db: Queryable) => db.select(productColumns).from(product)
  .innerJoin(entity, eq(entity.id, product.entityId))
  .innerJoin(productSet, eq(productSet.sheet, product.productSet));

export async function getProduct(db: Queryable, id: string): Promise<ProductRow | undefined> {
  const [row] = await productFrom(db).where(eq(product.id, id));
  return row;
}

/** The first `limit` rows in catalogue order (stars, then recency), uncounted: one query, for a page's side lists. */
export function firstProducts(db: Queryable, where: SQL | undefined, limit: number): Promise<ProductRow[]> {
  return productFrom(db).where(where).orderBy(...orderBy(productKeys('-stars'))).limit(limit);
}

/** The sort a product list reads without one asked for: by relevance for a search, else by name. */
export const RELEVANCE = 'relevance';
export const productSort = (sort: string | undefined, q: string | undefined) => sort ?? (q ? RELEVANCE : 'name');

/**
 * A page of products: `where` the list's filters (registry.filters.ts productFilter), `q` its search words. A search
 * by relevance ranks its matches (rankProducts); a search in another order pages through every match in that order
 * (sortedSearch).
 */
export async function listProducts(db: Queryable, filters: SQL | undefined, sort: string, page: number, pageSize: number, after_?: Cursor, { q }: { q?: string } = {}): Promise<ListPage<ProductRow>> {
  const p = { page, pageSize, after: after_ };
  if (q && sort === RELEVANCE) return rankProducts(db, filters, q, p);
  const shape = listShape(sort === RELEVANCE ? 'name' : sort);
  if (q) return sortedSearch(db, filters, q, sort, shape, p);
  const found = await listPage(db, shape, filters, p);
  const whole = wholeOf(found, p);
  // The filters may name the entity (its type, its visibility) and the product set (sector, group): joined here too.
  const matching = db.select({ id: product.id }).from(product)
    .innerJoin(entity, eq(entity.id, product.entityId)).innerJoin(productSet, eq(productSet.sheet, product.productSet)).where(filters);
  const counted = await pageTotal(db, matching, p, whole, whole === undefined && !after_?.total ? { key: `product ${filters ? sqlKey(filters) : ''}`, state: found[0]?.state } : undefined);
  const { rows, nextCursor } = pageEnd(found, p, 'product', sort, shape.keys, counted);
  return { ...counted, nextCursor, rows };
}

/**
 * One statement: the page's ids through `where` and the sort's index (a sub-select, numbered in its order: ordered by
 * the sort's columns again, the planner would walk the whole index to meet the page), then those rows alone
 * decorated, with their keys (for the cursor) and the snapshot they were read in (for the total).
 */
function listPage(db: Queryable, shape: ReturnType<typeof keyShape>, where: SQL | undefined, p: Paging) {
  const ids = sql`SELECT ${product.id}, ${shape.fields}, row_number() OVER (ORDER BY ${shape.order}) AS n, ${snapshotField} AS state
    FROM ${LIST_TABLES} WHERE ${and(where, p.after && after(shape.keys, p.after)) ?? sql`TRUE`}
    ORDER BY ${shape.order} LIMIT ${literal(limits(p).limit)} OFFSET ${literal(limits(p).offset)}`;
  return decoratedPage(db, ids, sql`ORDER BY c.n`, [...shape.names, 'state'], p.page <= PREPARED_PAGES);
}

/**
 * A search in another order than relevance (the workspace's products by last update, the API's by name): every
 * match, in that order, paged like any list, by number and on by cursor. It counts its lead word's rows first, with
 * the matches among them, up to TOTAL_CAP + 1 (an index range read alone, as the ranked search reads it: 4 ms for
 * 8,800 rows on a million products). Then:
 * - as many as that or fewer: every match is among them, sorted (matchesPage), and the total is exact.
 * - more: the word is common, and so, as a rule, are its matches. The sort's index is walked from the page's start,
 *   each product tested for the words (walkedPage). When the walk fills the page, its total is the matches among
 *   the rows counted: "hơn 10.000" when they all match, else "at least" that many. When it does not (the matches
 *   are rare, or cluster further on in that order, as "Mật ong…" does by name), every match of the lead word is
 *   sorted after all (matchesPage), its total exact up to the cap.
 * Sorting every match at every page took 25 s for "mat ong" on a million products, 37,000 of whose names begin "mat".
 * Each way gives the same rows; which one a page takes is decided at each page, never read from a cursor.
 */
async function sortedSearch(db: Queryable, filters: SQL | undefined, q: string, sort: string, shape: ReturnType<typeof keyShape>, p: Paging): Promise<ListPage<ProductRow>> {
  const terms = searchTerms(await searchWords(db, q));
  const [n] = await queryPrepared<{ read: string; hits: string }>(db, sql`SELECT count(*) AS read, count(*) FILTER (WHERE r.hit) AS hits
    FROM (${leadRead(terms, filters)} LIMIT ${LEAD_COUNTED}) r`);
  const few = Number(n.read) <= TOTAL_CAP;
  let found = few ? undefined : await walkedPage(db, terms, filters, shape, p);
  let counted: Total = { total: Math.min(Number(n.hits), TOTAL_CAP), totalExact: few };
  if (!found || found.length < limits(p).limit) {
    found = await matchesPage(db, terms, filters, shape, p, few);
    if (!few) counted = capped(Number(found[0]?.matches ?? 0));
  }
  counted = p.after?.total ?? counted; // the total the first page gave, to the last
  const { rows, nextCursor } = pageEnd(found, p, 'product', sort, shape.keys, counted);
  return { ...counted, nextCursor, rows };
}
/** The lead word's rows a sorted search counts, to choose its way: one more than the cap of a total. */
const LEAD_COUNTED = sql.raw(String(TOTAL_CAP + 1));
/** The rows a walk reads for each row it gives (and at least WALK_MIN): past them, the matches are sorted instead. */
const WALK_PER_ROW = 50;
const WALK_MIN = 5_000;

/**
 * A sorted search's page by walking the sort's index: each product is tested for the search words and the filters
 * by one probe of product_word_id_word (where the filters read product_word as they do in a ranked search:
 * SEARCH_FROM), so the walk itself reads the index alone. The probe is a scalar sub-select (the planner would turn an
 * EXISTS into a join over all the lead word's rows), and the walk stops when the page is full or after WALK_PER_ROW
 * rows for each row it needs. The matches are numbered as they come, in the walk's order. A page that comes back
 * short may be the last one or a walk cut short: the caller sorts the matches then.
 */
function walkedPage(db: Queryable, terms: SearchTerms, filters: SQL | undefined, shape: ReturnType<typeof keyShape>, p: Paging) {
  const { limit, offset } = limits(p);
  const walked = sql`SELECT w.id, ${sql.raw(shape.names.map((k) => `w.${k}`).join(', '))}, row_number() OVER () AS n, ${snapshotField} AS state
    FROM (SELECT ${product.id}, ${shape.fields}, (${WALK_PROBE} AND ${filters ?? sql`TRUE`} LIMIT 1) AS hit
      FROM ${terms.q} CROSS JOIN ${product} CROSS JOIN LATERAL (SELECT ${product.id}) AS walked (id)
      ${p.after ? sql`WHERE ${after(shape.keys, p.after)}` : sql``}
      ORDER BY ${shape.order} LIMIT ${literal(Math.max(WALK_MIN, WALK_PER_ROW * (offset + limit)))}) w
    WHERE w.hit LIMIT ${literal(limit)} OFFSET ${literal(offset)}`;
  return decoratedPage(db, walked, sql`ORDER BY c.n`, [...shape.names, 'state'], p.page <= PREPARED_PAGES);
}

/**
 * A sorted search's page out of all its matches: the lead word's rows that match (product_word, where the filters
 * apply too), up to TOTAL_CAP + 1 of them when `few` says that is all, then read from product by id for their sort
 * keys, sorted, and counted (`matches`).
 */
function matchesPage(db: Queryable, terms: SearchTerms, filters: SQL | undefined, shape: ReturnType<typeof keyShape>, p: Paging, few: boolean) {
  const { limit, offset } = limits(p);
  const sorted = sql`SELECT ${product.id}, ${shape.fields}, row_number() OVER (ORDER BY ${shape.order}) AS n,
      cardinality(m.ids) AS matches, ${snapshotField} AS state
    FROM (SELECT ARRAY(SELECT r.id FROM (${leadRead(terms, filters)} ${few ? sql`LIMIT ${LEAD_COUNTED}` : sql``}) r WHERE r.hit) AS ids) m
      CROSS JOIN ${product}
    WHERE ${product.id} = ANY(m.ids) ${p.after ? sql`AND ${after(shape.keys, p.after)}` : sql``}
    ORDER BY ${shape.order} LIMIT ${literal(limit)} OFFSET ${literal(offset)}`;
  return decoratedPage(db, sorted, sql`ORDER BY c.n`, [...shape.names, 'matches', 'state'], p.page <= PREPARED_PAGES);
}

// A list's pieces that hold no value, written out once per sort (db.ts prerendered).
const LIST_TABLES = prerendered(sql`${product} JOIN ${entity} ON ${entity.id} = ${product.entityId}
  JOIN ${productSet} ON ${productSet.sheet} = ${product.productSet}`);
/** A sort's keys with their ORDER BY and the select list reading them as text (keyFields), written out once. */
function keyShape(keys: SortKey[]) {
  const fields = Object.entries(keyFields(keys));
  return {
    keys,
    order: prerendered(sql.join(orderBy(keys), sql`, `)),
    fields: prerendered(sql.join(fields.map(([name, f]) => sql`${f} AS ${sql.identifier(name)}`), sql`, `)),
    names: fields.map(([name]) => name),
  };
}
const listShapes = new Map<string, ReturnType<typeof keyShape>>();
function listShape(sort: string) {
  let shape = listShapes.get(sort);
  if (!shape) listShapes.set(sort, shape = keyShape(productKeys(sort)));
  return shape;
}

/**
 * A LIMIT or OFFSET written into the statement: as a parameter, a prepared statement's one plan cannot know it is 21
 * and takes it for a tenth of the table (hash joins over everything). The texts are few: a page size, and an
 * offset of one of the first PREPARED_PAGES pages (a deeper page by number is planned anew; by cursor, at offset 0).
 */
const literal = (n: number) => sql.raw(String(Math.trunc(n))) as unknown as number;
const PREPARED_PAGES = 10;

/** The keys of a ranked search, over its candidates (the sub-select `c` of rankProducts): the match rank, then
 * certified first, the higher stars, the most recently updated, the id. */
const rankKeys: SortKey[] = [
  { expr: sql`c.rank`, kind: 'int', dir: 'asc' },
  { expr: sql`c.stars`, kind: 'int', dir: 'desc', nullable: true },
  { expr: sql`c.updated_at`, kind: 'timestamp', dir: 'desc', descNullsLast: true },
  { expr: sql`c.id`, kind: 'uuid', dir: 'asc' },
];

/**
 * What a search reads its candidates from: product_word (migration 0039: per word of each name, the ranking keys and
 * the filters' columns, all in one index) under the name `product`, and its owner's status and type under the name
 * `entity`, so that the list filters (registry.filters.ts productFilter, written over product, entity and
 * product_set) apply to it unchanged. The candidates never touch the wide product and entity tables; only the page's
 * rows are read in full (product-page.ts). The product set is joined LEFT (every product has one): the planner drops the
 * join unless a filter names the sector or the group.
 */
const SEARCH_FROM = prerendered(sql`product_word AS ${product}
  CROSS JOIN LATERAL (SELECT ${product}.entity_status AS status, ${product}.entity_type AS type) AS ${entity}
  LEFT JOIN ${productSet} ON ${productSet.sheet} = ${product.productSet}`);

// The search's pieces that hold no value, written out once (db.ts prerendered).
/** `hit`: a product_word row (named product) holds the query's other words. */
const HIT = prerendered(othersFound(sql`${product}`));
/** A sorted search's test of the walked product (named walked): a row of it in product_word that begins with the
 * lead word and holds the others; the list's filters follow. */
const WALK_PROBE = prerendered(sql`SELECT TRUE FROM ${SEARCH_FROM} WHERE ${product.id} = walked.id AND ${leadRange(sql`${product}`)} AND ${HIT}`);
/** The lead word's rows a sorted search reads, each product once, with `hit`, through the list's filters. */
const leadRead = (terms: SearchTerms, filters: SQL | undefined) => sql`SELECT ${product.id}, ${HIT} AS hit FROM ${terms.q} CROSS JOIN ${SEARCH_FROM} WHERE ${terms.rows} AND ${filters ?? sql`TRUE`}`;
const RANKED_READ = prerendered(sql`SELECT r.id, r.hit, r.stars, r.updated_at,
      CASE WHEN r.hit THEN ${wordRank(sql`r`)} * 2 + CASE WHEN r.status = 'certified' THEN 0 ELSE 1 END END AS rank
    FROM (SELECT ${product.id}, ${HIT} AS hit, ${product}.words, ${product.status}, ${product.stars}, ${product.updatedAt},
        q.phrase`);
const RANK = keyShape(rankKeys);

/**
 * A search ranked by relevance, its cost bounded: it reads at most SEARCH_READS rows of its lead word, in that word's
 * index order (stars, then recency), without reading a table (an index-only scan), and ranks and counts the matches
 * among them. A search whose lead word's rows run out first has its exact total. One that stops there ranks the
 * best-rated rows it read, and its total is what it found, "at least": "mat ong" on a million products, whose lead
 * word "mat" begins 37,000 names, finds at least 232. The way to the product wanted is more words, not page 400:
 * a query with a word that begins at most SEARCH_READS names reads that word whole (searchWords' count). At the
 * national size (20,000 products) only the commonest words begin more.
 * Each row read costs about 1 µs, read, tested and ranked, the larger part of a search's cost on a 2-core machine:
 * uncached, "mat ong" ran at 680-700 requests per second reading 500 rows, 820-970 reading 300 (the statement alone:
 * 1.26 ms reading 1,000, 0.79 ms reading 500); reading 10,001 rows to count to the lists' cap took 10-20 ms; without
 * a bound, a search read and sorted every match: 470 ms at p95 on a million products.
 */
async function rankProducts(db: Queryable, where: SQL | undefined, q: string, p: { page: number; pageSize: number; after?: Cursor }): Promise<ListPage<ProductRow>> {
  // `hit`: the row holds the other query words. Only the hits are ranked.
  const terms = searchTerms(await searchWords(db, q));
  const read = sql`${RANKED_READ} FROM ${terms.q} CROSS JOIN ${SEARCH_FROM} WHERE ${terms.rows} AND ${where ?? sql`TRUE`} LIMIT ${sql.raw(String(SEARCH_READS))}) r`;
  // A first page counts, unless the total counted for the same words and filters holds: it does when this page's
  // statement reads the snapshot that count read (paging.ts keptTotal). The window costs a fifth of the statement.
  const key = p.after ? undefined : `search ${JSON.stringify(q)} ${where ? sqlKey(where) : ''}`;
  const kept = key === undefined ? undefined : keptTotal(db, key);
  const counting = key !== undefined && !kept;
  // The rows read that are not matches sort last: the window counts over every row read. The keys are written out
  // for the page's rows alone (as text, for the cursor: 1 µs a row, 10 ms over 10,000 rows). One statement: the
  // page's matches (`c`) are decorated in it, and put back in their order (21 rows sorted again).
  const page = sql`SELECT c.id, c.hit, c.rank, c.stars, c.updated_at, ${RANK.fields},
      ${counting ? sql`c.matches, c.read` : sql`NULL AS matches, NULL AS read`}, ${key === undefined ? sql`NULL` : snapshotField} AS state
    FROM (SELECT c.*${counting ? sql`, count(*) FILTER (WHERE c.hit) OVER () AS matches, count(*) OVER () AS read` : sql``}
      FROM (${read}) c
      ${p.after ? sql`WHERE c.hit AND ${after(rankKeys, p.after)}` : sql``}
      ORDER BY c.hit DESC, ${RANK.order} LIMIT ${literal(limits(p).limit)} OFFSET ${literal(limits(p).offset)}) c`;
  const hits = await decoratedPage(db, page, sql`WHERE c.hit ORDER BY ${RANK.order}`, [...RANK.names, 'matches', 'read', 'state'], p.page <= PREPARED_PAGES);
  const counted = p.after?.total ?? await searchTotal(db, read, hits[0], key, kept);
  const { rows, nextCursor } = pageEnd(hits, p, 'product', RELEVANCE, rankKeys, counted);
  return { ...counted, nextCursor, rows };
}

/** A ranked search's total: the kept total its snapshot matches, or its page's window counts (`matches` on its first
 * row), or (a page past the last match, a changed snapshot, a cursor without a total) counted apart. A first page
 * keeps what it found. */
async function searchTotal(db: Queryable, read: SQL, first: Record<string, string | null> | undefined, key: string | undefined, kept: ReturnType<typeof keptTotal>): Promise<Total> {
  const totalOf = (matches: number, rowsRead: number): Total => ({ total: matches, totalExact: rowsRead < SEARCH_READS });
  if (kept && first?.state === kept.state) return kept.total;
  let total: Total;
  if (first?.matches != null) total = totalOf(Number(first.matches), Number(first.read));
  else {
    const [n] = await query<{ matches: string; read: string | null }>(db, sql`SELECT count(*) FILTER (WHERE c.hit) AS matches, count(*) AS read FROM (${read}) c`);
    total = totalOf(Number(n.matches), Number(n.read ?? 0));
  }
  if (key !== undefined && first?.state) keepTotal(db, key, first.state, total);
  return total;
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
