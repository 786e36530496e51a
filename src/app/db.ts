// One database handle for both engines: embedded PGlite (a data folder) or a PostgreSQL server (DATABASE_URL).
// Each engine gets drizzle's native driver; PGlite's node-postgres adapter crashes on drizzle's queries.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
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
  /** PGlite only: the underlying instance (backup, restore). */
  pglite?: PGlite;
};

type Row = Record<string, unknown>;

export const pgliteExtensions = { pg_trgm, unaccent };

// numeric and bigint come back as strings from node-postgres; counts are small enough for numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// Dates (not timestamps) stay 'yyyy-mm-dd' strings: no time-zone shift.
pg.types.setTypeParser(1082, (v) => v);

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: dataDir ? join(dataDir, 'db') : undefined,
    extensions: pgliteExtensions,
    loadDataDir,
    parsers: { 1082: (v: string) => v, 20: (v: string) => Number(v), 1700: (v: string) => Number(v) },
  });
  return {
    engine: 'pglite',
    db: drizzlePglite(client) as unknown as Db,
    session: (fn) => fn(async (script) => (await client.exec(script)).flatMap((r) => r.rows as Row[])),
    close: () => client.close(),
    pglite: client,
  };
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  await pool.query('select 1');
  return {
    engine: 'postgresql',
    db: drizzlePg(pool) as unknown as Db,
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
    close: () => pool.end(),
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
