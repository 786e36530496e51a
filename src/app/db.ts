// One database handle for both engines: embedded PGlite (a data folder) or a PostgreSQL server (DATABASE_URL).
// Each engine gets drizzle's native driver; PGlite's node-postgres adapter crashes on drizzle's queries.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import pg from 'pg';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything a repository can query through: the database or an open transaction. */
export type Queryable = Db | Tx;

export type Database = {
  engine: 'pglite' | 'postgresql';
  db: Db;
  /** Runs `fn` on one pinned connection, with a runner for multi-statement scripts (migrations, reference data). */
  session<T>(fn: (run: (script: string) => Promise<Row[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Calls `onNotify` on each NOTIFY on `channel` (sent by a committed transaction, of this process or another). On
   * PostgreSQL the listening connection is its own; when it is lost `onState(false)` is called at once (whatever was
   * derived from the notifications can no longer be trusted), it listens again on a new one, then `onState(true)`.
   * Returns the function that stops listening.
   */
  listen(channel: string, onNotify: () => void, onState?: (listening: boolean) => void): Promise<() => Promise<void>>;
  /** PGlite only: the underlying instance (backup, restore). */
  pglite?: PGlite;
  /**
   * The database's state as one short token: PostgreSQL's current snapshot (`xmin:xmax:in-progress ids`), which is
   * what decides which rows a statement sees. It moves whenever a transaction that wrote commits or aborts, through
   * whatever process or tool (the server's own requests and jobs, another server process, the CLI, psql), and stands
   * still while only reads run: two statements that get the same token see the same committed data. The
   * server-rendered pages key their renderings on it (html/page-memo.ts). One trivial statement, prepared once per
   * connection. The snapshot is the cluster's, so a write to another database of the same server moves it too (a
   * spurious change costs a re-read, never a stale answer). PGlite answers without a statement while nothing has
   * run on it since its last reading (wrapForState).
   */
  state(): Promise<string>;
  /**
   * One statement given by its text and parameters, outside drizzle, for hot read paths that write their SQL by hand
   * (building a drizzle query costs more than running a small one). On PostgreSQL a `name` makes it a prepared
   * statement that each pooled connection parses once and PostgreSQL may plan once; a name must always carry the same
   * text. Values come back as the driver parses them (timestamps as Date).
   */
  queryText<T>(text: string, params: readonly unknown[], name?: string): Promise<T[]>;
};

type Row = Record<string, unknown>;

export const pgliteExtensions = { pg_trgm, unaccent };

// numeric and bigint come back as strings from node-postgres; counts are small enough for numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// Dates (not timestamps) stay 'yyyy-mm-dd' strings: no time-zone shift.
pg.types.setTypeParser(1082, (v) => v);

const STATE_SQL = 'SELECT pg_current_snapshot()::text AS s';

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: dataDir ? join(dataDir, 'db') : undefined,
    extensions: pgliteExtensions,
    loadDataDir,
    parsers: { 1082: (v: string) => v, 20: (v: string) => Number(v), 1700: (v: string) => Number(v) },
  });
  await client.exec('SET random_page_cost = 1.1');
  return {
    ...wrapForState(client),
    engine: 'pglite',
    db: drizzlePglite(client) as unknown as Db,
    session: (fn) => fn(async (script) => (await client.exec(script)).flatMap((r) => r.rows as Row[])),
    close: () => client.close(),
    // One process, one session: a transaction's notifications reach the callbacks as its COMMIT returns.
    listen: async (channel, onNotify, onState) => {
      const stop = await client.listen(channel, () => onNotify());
      onState?.(true);
      return async () => { await stop(); };
    },
    pglite: client,
    queryText: async <T>(text: string, params: readonly unknown[]) => (await client.query<T>(text, [...params])).rows,
  };
}

/**
 * PGlite's `state()` without a statement when none can have changed it. PGlite runs in this process and nothing else
 * writes to its data: the data can change only while a call to it runs. The calls the application makes (drizzle's
 * query and transaction, session()'s exec, the backup's query) are counted as they start; while none has started since
 * the last reading (sent when none was running), that reading still holds. The reading itself goes around the count.
 */
function wrapForState(client: PGlite): Pick<Database, 'state'> {
  let started = 0;
  let running = 0;
  let known: { state: string; started: number } | undefined;
  const read = client.query.bind(client);
  for (const method of ['query', 'exec', 'transaction', 'describeQuery'] as const) {
    const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
    (client as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      started++;
      running++;
      try {
        return await original(...args);
      } finally {
        running--;
      }
    };
  }
  return {
    state: async () => {
      if (known && known.started === started) return known.state;
      const at = started;
      const quiet = running === 0;
      const state = (await read<{ s: string }>(STATE_SQL)).rows[0].s;
      known = quiet && started === at ? { state, started: at } : undefined;
      return state;
    },
  };
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  // Solid-state storage: random reads cost little, so the planner should prefer the trigram indexes. No parallel
  // workers: the server's queries read a page or a capped count, where starting workers costs more than it saves
  // (a capped count of 1,449 products on a 2-core machine: 10 ms alone, 20-25 ms with a worker), and concurrent
  // requests already keep the cores busy.
  const options = '-c random_page_cost=1.1 -c max_parallel_workers_per_gather=0';
  const pool = new pg.Pool({ connectionString: url, max, options });
  // The named prepared statements (queryText with a name, queryPrepared) run on connections of their own, where
  // each is planned once for every value (a search's plan takes 1-4 ms to make; left to choose, PostgreSQL kept
  // planning it anew at every run). Each is written so that one plan fits every value of its parameters. Not on
  // every connection: there the setting reaches the unnamed statements too (every other drizzle query), whose
  // generic plan takes a LIMIT $n for a tenth of the table.
  const prepared = new pg.Pool({ connectionString: url, max, options: `${options} -c plan_cache_mode=force_generic_plan` });
  // An idle connection the server drops (restart, failover, shutdown) is an 'error' event on the pool; unheard,
  // it would crash the process. The pool replaces the connection; while closing, the drop is expected.
  let closing = false;
  for (const p of [pool, prepared]) p.on('error', (err) => { if (!closing) console.error(JSON.stringify({ level: 50, msg: 'idle database connection lost', err: err.message })); });
  await pool.query('select 1');
  const db = drizzlePg(pool) as unknown as Db;
  preparedPool.set(db, prepared);
  return {
    engine: 'postgresql',
    db,
    session: async (fn) => {
      const conn = await pool.connect();
      try {
        return await fn(async (script) => {
          const res = (await conn.query(script)) as unknown as pg.QueryResult | pg.QueryResult[];
          return (Array.isArray(res) ? res : [res]).flatMap((r) => r.rows as Row[]);
        });
      } finally {
        conn.release();
      }
    },
    close: async () => { closing = true; await Promise.all([pool.end(), prepared.end()]); },
    listen: (channel, onNotify, onState) => listenPostgres(url, channel, onNotify, onState ?? (() => {})),
    state: async () => (await pool.query<{ s: string }>({ name: 'ocop_state', text: STATE_SQL })).rows[0].s,
    queryText: async <T>(text: string, params: readonly unknown[], name?: string) => (await (name ? prepared : pool).query({ name, text, values: [...params] })).rows as T[],
  };
}

/** LISTEN on a connection of its own, re-opened (after a second) whenever it is lost until stopped. */
async function listenPostgres(url: string, channel: string, onNotify: () => void, onState: (listening: boolean) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      onState(false);
      c.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => { connect().catch(() => {}); }, 1000).unref();
    };
    c.on('error', onLost);
    c.on('end', onLost);
    c.on('notification', (n) => { if (n.channel === channel) onNotify(); });
    try {
      await c.connect();
      // Listening alone never keeps the process alive (a script that built an app and forgot to close it still ends).
      (c as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      onLost();
      throw err;
    }
    if (stopped) { lost = true; await c.end(); return; }
    client = c;
    onState(true);
  };
  await connect().catch((err: unknown) => console.error(JSON.stringify({ level: 50, msg: `LISTEN ${channel} failed; retrying`, err: (err as Error).message })));
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = undefined;
    if (c) { c.removeAllListeners('end'); c.removeAllListeners('error'); c.on('error', () => {}); onState(false); await c.end().catch(() => {}); }
  };
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/** Runs raw SQL and returns its rows, the same on both engines. */
export async function query<T>(db: Queryable, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();

/** A fragment without parameters written out once, as text: drizzle walks a template's every piece at each request
 * (a search's 40 pieces: half a millisecond), text it passes as it is. */
export const prerendered = (fragment: SQL) => sql.raw(dialect.sqlToQuery(fragment).sql);

/** A fragment as its text and parameters, as one string (a key: equal keys, equal SQL). */
export function sqlKey(fragment: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(fragment);
  return `${text}\u0000${JSON.stringify(params)}`;
}

/**
 * What a module keeps per database handle, by key, at most `limit` entries (set again, an entry goes last; the oldest
 * goes first). Nothing is kept for a transaction's handle: its own writes are not in what the database handle saw.
 */
export function keptPerDatabase<V>(limit: number) {
  const maps = new WeakMap<object, Map<string, V>>();
  return {
    get: (db: Queryable, key: string): V | undefined => ('$client' in db ? maps.get(db)?.get(key) : undefined),
    set(db: Queryable, key: string, value: V): void {
      if (!('$client' in db)) return;
      let kept = maps.get(db);
      if (!kept) maps.set(db, kept = new Map());
      kept.delete(key);
      kept.set(key, value);
      if (kept.size > limit) kept.delete(kept.keys().next().value!);
    },
  };
}

/** Each PostgreSQL database's connections for its named statements (openPostgres). */
const preparedPool = new WeakMap<Queryable, pg.Pool>();

/**
 * Runs raw SQL as query() does, on PostgreSQL as a prepared statement named by its text, on the connections where
 * it is planned once for all its values (openPostgres). For the hot statements, whose texts are few shapes; a text
 * that takes values into it (not as parameters) must take few. PGlite, and a transaction, run it as query() does.
 */
export async function queryPrepared<T>(db: Queryable, statement: SQL): Promise<T[]> {
  const pool = preparedPool.get(db);
  if (!pool) return query<T>(db, statement);
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return (await pool.query({ name: `q_${createHash('sha1').update(text).digest('base64url')}`, text, values: params })).rows as T[];
}

/** The SQLSTATE of a database error, on both engines, also when drizzle wraps it ("Failed query: …"). */
export function sqlState(err: unknown): { code: string; constraint?: string } | undefined {
  for (let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
  }
  return undefined;
}

/** True when `err` is a unique violation of that constraint (two writers raced past a pre-check). */
export const isUniqueViolation = (err: unknown, constraint: string) => {
  const s = sqlState(err);
  return s?.code === '23505' && s.constraint === constraint;
};
