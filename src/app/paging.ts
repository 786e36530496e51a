// Paging that costs the page, not the table (DESIGN.md rule 10): keyset cursors and capped totals.
//
// A list declares its order as sort keys (the sort column or columns, then a unique tiebreaker such as the id). The
// same keys give the ORDER BY, the values read for the page's last row, and the "after this row" condition of the
// next page, so a deep page is found through the index like the first instead of reading every skipped row.
//
// A cursor is opaque to clients: base64url of {l: list, s: sort, k: [the last row's key values as PostgreSQL text],
// t: [total, totalExact]}. It is checked (zod) before use: a malformed or tampered cursor, or one made for another
// list or sort, is a 400. The total rides along so that a page by cursor counts nothing (a tampered total changes
// only the figure shown to whoever tampered with it).
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { z } from 'zod';
import { keptPerDatabase, query, type Queryable } from './db.js';
import { invalidField, type Message } from './errors.js';

export type KeyKind = 'text' | 'int' | 'timestamp' | 'date' | 'uuid';

/** One sort key. Nulls always come last, in either direction; `nullable` keys get the predicate's NULL branches.
 * `descNullsLast` only spells the ORDER BY (a non-null column sorts the same either way; the indexes follow the
 * spelling). */
export type SortKey = { expr: SQLWrapper; kind: KeyKind; dir: 'asc' | 'desc'; nullable?: boolean; descNullsLast?: boolean };

export type KeyValues = (string | null)[];

/** ORDER BY terms for the keys. */
export function orderBy(keys: SortKey[]): SQL[] {
  return keys.map((k) => (k.dir === 'asc' ? sql`${k.expr} ASC` : k.nullable || k.descNullsLast ? sql`${k.expr} DESC NULLS LAST` : sql`${k.expr} DESC`));
}

/** Select fields reading each key of a row as text: timestamps keep their microseconds (unlike a JS Date), and dates
 * and timestamps read as ISO 8601 through JSON whatever the session's DateStyle. */
export function keyFields(keys: SortKey[]): Record<string, SQL<string | null>> {
  return Object.fromEntries(keys.map((k, i) => [`k${i}`, k.kind === 'timestamp' || k.kind === 'date'
    ? sql<string | null>`to_json(${k.expr}) #>> '{}'` : sql<string | null>`(${k.expr})::text`]));
}
export function keyValuesOf(row: Record<string, unknown>, keys: SortKey[]): KeyValues {
  return keys.map((_, i) => (row[`k${i}`] == null ? null : String(row[`k${i}`])));
}

function literal(v: string, kind: KeyKind): SQL {
  switch (kind) {
    case 'int': return sql`${Number(v)}::int`;
    case 'timestamp': return sql`${v}::timestamptz`;
    case 'date': return sql`${v}::date`;
    case 'uuid': return sql`${v}::uuid`;
    default: return sql`${v}::text`;
  }
}

/** The rows strictly after the row whose keys are `values`, in the order of `keys` (nulls last). */
export function after(keys: SortKey[], values: KeyValues): SQL {
  const [k, ...restKeys] = keys;
  const [v, ...restValues] = values;
  const rest = restKeys.length ? after(restKeys, restValues) : undefined;
  if (v === null) {
    // The last row was in the trailing NULL group: only NULL rows further along the remaining keys follow.
    return rest ? sql`(${k.expr} IS NULL AND ${rest})` : sql`FALSE`;
  }
  const val = literal(v, k.kind);
  const beyond = k.dir === 'asc' ? sql`${k.expr} > ${val}` : sql`${k.expr} < ${val}`;
  const later = k.nullable ? sql`(${beyond} OR ${k.expr} IS NULL)` : beyond;
  if (!rest) return later;
  const tie = sql`(${later} OR (${k.expr} = ${val} AND ${rest}))`;
  if (k.nullable) return tie;
  // The redundant bound lets the index range-scan from the cursor on.
  return sql`(${k.dir === 'asc' ? sql`${k.expr} >= ${val}` : sql`${k.expr} <= ${val}`} AND ${tie})`;
}

// --- cursors -------------------------------------------------------------------------------------------------------

const payload = z.strictObject({
  l: z.string().max(40),
  s: z.string().max(40),
  k: z.array(z.string().max(1000).nullable()).min(1).max(8),
  t: z.tuple([z.number().int().min(0).max(1_000_000_000), z.boolean()]).optional(),
});
const KIND: Record<KeyKind, z.ZodType<string>> = {
  text: z.string(),
  int: z.string().regex(/^-?\d{1,9}$/),
  timestamp: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/),
  date: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
  uuid: z.uuid(),
};

export function encodeCursor(list: string, sort: string, values: KeyValues, total?: Total): string {
  return Buffer.from(JSON.stringify({ l: list, s: sort, k: values, ...(total ? { t: [total.total, total.totalExact] } : {}) })).toString('base64url');
}

/** A cursor's key values, and the list's total when the cursor carries it. */
export type Cursor = KeyValues & { total?: Total };

const FIELD = 'querystring.cursor';
const INVALID: Message = { vi: 'Con trỏ trang (cursor) không hợp lệ; hãy dùng đúng giá trị nextCursor mà API trả về', en: 'The cursor is not valid; send back the nextCursor the API returned' };
const OTHER_SORT: Message = { vi: 'Con trỏ trang (cursor) được tạo cho một cách sắp xếp khác; hãy giữ nguyên tham số sort hoặc bắt đầu lại từ trang đầu', en: 'The cursor was made for another sort order; keep the same sort or start again from the first page' };
const WITH_PAGE: Message = { vi: 'Không dùng đồng thời cursor và page lớn hơn 1', en: 'Send either cursor or a page above 1, not both' };

/** The key values a cursor carries (and the total it carries, as a property of the array: every caller passes the
 * values on to after(), and the lists that carry totals read it there), checked against the list, its sort and the
 * keys' kinds; undefined without one. */
export function readCursor(qy: { cursor?: string; page?: number; pageSize?: number; sort?: string }, list: string, keys: SortKey[]): Cursor | undefined {
  if (qy.cursor === undefined) {
    // Numbered pages reach as far as totals count (TOTAL_CAP): a page number skips its rows one by one (OFFSET), and
    // an anonymous page=100000&pageSize=200 read through the whole list. Deeper, the cursor costs what the
    // first page costs.
    if (qy.page !== undefined && qy.pageSize !== undefined && (qy.page - 1) * qy.pageSize >= TOTAL_CAP) throw invalidField('querystring.page', 'page_too_deep', TOO_DEEP);
    return undefined;
  }
  if (qy.page !== undefined && qy.page > 1) throw invalidField(FIELD, 'cursor_with_page', WITH_PAGE);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(qy.cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidField(FIELD, 'invalid_cursor', INVALID);
  }
  const parsed = payload.safeParse(decoded);
  if (!parsed.success || parsed.data.l !== list) throw invalidField(FIELD, 'invalid_cursor', INVALID);
  if (parsed.data.s !== (qy.sort ?? '')) throw invalidField(FIELD, 'cursor_sort_mismatch', OTHER_SORT);
  const values = parsed.data.k;
  const fits = values.length === keys.length
    && values.every((v, i) => (v === null ? Boolean(keys[i].nullable) : KIND[keys[i].kind].safeParse(v).success));
  if (!fits) throw invalidField(FIELD, 'invalid_cursor', INVALID);
  const t = parsed.data.t;
  return t ? Object.assign(values, { total: { total: Math.min(t[0], TOTAL_CAP), totalExact: t[1] && t[0] <= TOTAL_CAP } }) : values;
}

/** The `cursor` query parameter of a list (contracts spread it beside page and pageSize). */
export const cursorParam = z.string().min(1).max(2000).regex(/^[A-Za-z0-9_-]+$/, 'base64url')
  .describe('Opaque keyset cursor: the nextCursor of the previous response (keep the same sort and filters). Not with page > 1.')
  .optional();
/** The `nextCursor` of a list response. */
export const nextCursorOut = z.string().nullable().describe('Cursor of the next page (also in the Link rel="next" header); null on the last page');

/** A `Link: <…>; rel="next"` header value: the request's own path and query, without page, with the cursor. Relative
 * (RFC 8288 resolves it against the request), so it is right behind any host or proxy. */
export function nextLink(url: string, cursor: string): string {
  const u = new URL(url, 'http://localhost');
  u.searchParams.delete('page');
  u.searchParams.set('cursor', cursor);
  return `<${u.pathname}${u.search}>; rel="next"`;
}

// --- capped totals -----------------------------------------------------------------------------------------------

/** Totals are exact up to TOTAL_CAP; beyond it a list reports TOTAL_CAP with totalExact false ("hơn 10.000"). */
export const TOTAL_CAP = 10_000;
/** Past the first TOTAL_CAP records, a list goes on by cursor (readCursor). */
const TOO_DEEP: Message = {
  vi: `Trang đánh số chỉ đi tới ${TOTAL_CAP.toLocaleString('vi')} bản ghi đầu tiên; đi tiếp bằng cursor (nextCursor hoặc liên kết Link rel="next" của trang trước)`,
  en: `Numbered pages reach the first ${TOTAL_CAP.toLocaleString('en')} records; go on by cursor (the previous page's nextCursor or its Link rel="next")`,
};
export type Total = { total: number; totalExact: boolean };

/** Above this many estimated matches a list is taken to be over the cap without counting (see countCapped). */
export const ESTIMATE_OVER = 2 * TOTAL_CAP;

/** The planner's estimate of a query's rows (EXPLAIN, no execution): planning costs a fraction of a millisecond. */
export async function estimateRows(db: Queryable, q: SQLWrapper): Promise<number> {
  const [row] = await query<{ 'QUERY PLAN': unknown }>(db, sql`EXPLAIN (FORMAT JSON) ${q}`);
  const plan = typeof row['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) as unknown : row['QUERY PLAN'];
  return Number((plan as { Plan: { 'Plan Rows': number } }[])[0].Plan['Plan Rows']);
}

/**
 * Counts the matches up to the cap; `known` when the caller already holds the whole result (a first page that is
 * not full): nothing to count then. Counting even to the cap reads up to 10,000 rows (and joins them), tens of
 * milliseconds on a million products; so when the planner's estimate (ANALYZE's statistics) is well above the cap,
 * the list reports "more than 10,000" without counting. The margin (ESTIMATE_OVER, twice the cap) absorbs the
 * estimate's error; a list near the cap is counted, so a total shown as exact always is.
 */
export async function countCapped(db: Queryable, matches: { limit(n: number): SQLWrapper } & SQLWrapper, known?: number): Promise<Total> {
  if (known !== undefined) return { total: known, totalExact: true };
  if (await estimateRows(db, matches) > ESTIMATE_OVER) return { total: TOTAL_CAP, totalExact: false };
  const [row] = await query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${matches.limit(TOTAL_CAP + 1)}) AS capped`);
  return capped(Number(row.n));
}

/**
 * The total of a list's page: the one its cursor carries, else counted (capped) — or known from a whole first page.
 * `remember`, when the page's own statement read its snapshot (snapshotField), keeps the count under `key` (the
 * list and its filters, db.ts sqlKey): see rememberedTotal.
 */
export async function pageTotal(db: Queryable, matches: { limit(n: number): SQLWrapper } & SQLWrapper, p: Paging, whole: number | undefined, remember?: { key: string; state: string | null | undefined }): Promise<Total> {
  const carried = (p.after as Cursor | undefined)?.total;
  if (carried) return carried;
  if (whole !== undefined || !remember?.state) return countCapped(db, matches, whole);
  return rememberedTotal(db, remember.key, remember.state, () => countCapped(db, matches));
}

/** A select field reading the snapshot the statement runs in: Database.state()'s token, read with the page itself. */
export const snapshotField = sql<string>`pg_current_snapshot()::text`;

// The totals of the lists, per database handle, by their key (the list and its filters' text and values), each with
// the snapshot of the page it was counted for. A page whose statement saw that same snapshot sees the same committed
// rows (no writing transaction has ended since: Database.state()), so its total is the remembered one, exact,
// without a second statement. Only the page's rows are read again: a remembered total is not a remembered answer. A handle
// is the database itself: inside a transaction the snapshot does not move with the transaction's own writes, so a
// transaction counts each time.
const totals = keptPerDatabase<{ state: string; total: Total }>(1_000);

async function rememberedTotal(db: Queryable, key: string, state: string, count: () => Promise<Total>): Promise<Total> {
  const hit = keptTotal(db, key);
  if (hit?.state === state) return hit.total;
  const total = await count();
  keepTotal(db, key, state, total);
  return total;
}

/** The total kept under `key` with the snapshot it was counted in; it holds for a statement that read that snapshot
 * too (the caller compares). None inside a transaction (a handle that is not the database itself). */
export function keptTotal(db: Queryable, key: string): { state: string; total: Total } | undefined {
  return totals.get(db, key);
}

export function keepTotal(db: Queryable, key: string, state: string, total: Total): void {
  totals.set(db, key, { state, total });
}

/** A count as the lists report it: exact up to the cap. */
export const capped = (n: number): Total => (n > TOTAL_CAP ? { total: TOTAL_CAP, totalExact: false } : { total: n, totalExact: true });

/**
 * The number of matches, read by the page's own query (`count(*) OVER ()` is computed before LIMIT and OFFSET).
 * Only for a query that reads every match anyway — a search: the trigram index gives no order, so the matches are
 * all read and sorted — where it saves a second pass over them. A list that walks an index in its order stops after
 * a page; the window would make it read every match, so it counts with countCapped instead.
 */
export const matchCount = sql<string>`count(*) OVER ()`;

/** The decorated rows in the order of the page's ids (a row gone since the ids were read is left out). */
export function inOrder<Row>(ids: { id: string }[], rows: Row[], idOf: (row: Row) => string): Row[] {
  const byId = new Map(rows.map((r) => [idOf(r), r]));
  return ids.map((i) => byId.get(i.id)).filter((r): r is Row => r !== undefined);
}

/** The shape every keyset list returns to its route. */
export type KeysetPage<Row> = Total & { rows: Row[]; nextCursor: string | null };

/** How a list query is paged: by page number (OFFSET, for the first pages) or after a cursor's row. */
export type Paging = { page: number; pageSize: number; after?: Cursor };

/** LIMIT and OFFSET of a page: one row more than the page tells whether another follows. */
export const limits = (p: Paging) => ({ limit: p.pageSize + 1, offset: p.after ? 0 : (p.page - 1) * p.pageSize });

/** The page's rows out of the fetched ones, the next page's cursor (from the last row's keys) and, when this first
 * page holds the whole result, its size (so nothing needs counting). */
export function pageEnd<R extends Record<string, unknown>>(found: R[], p: Paging, list: string, sort: string, keys: SortKey[], total?: Total) {
  const more = found.length > p.pageSize;
  const rows = more ? found.slice(0, p.pageSize) : found;
  return {
    rows,
    nextCursor: more ? encodeCursor(list, sort, keyValuesOf(rows[rows.length - 1], keys), total) : null,
    whole: wholeOf(found, p),
  };
}

/** The size of the whole result when this first page holds it all (nothing to count then). */
export const wholeOf = (found: unknown[], p: Paging): number | undefined => (found.length <= p.pageSize && !p.after && p.page === 1 ? found.length : undefined);

