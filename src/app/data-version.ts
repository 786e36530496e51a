// A cheap signal between server processes that public data changed: one counter row, bumped after a write has
// committed, read by each process's public micro-cache at most once a second (see micro-cache.ts). Bumped after the
// commit, never inside the transaction, so a process that sees the new number also sees the new data.
import { sql } from 'drizzle-orm';
import { query, type Queryable } from './db.js';

export async function bumpDataVersion(db: Queryable): Promise<void> {
  await db.execute(sql`UPDATE data_version SET n = n + 1 WHERE id = 1`);
}

export async function readDataVersion(db: Queryable): Promise<number> {
  const [row] = await query<{ n: number }>(db, sql`SELECT n FROM data_version WHERE id = 1`);
  return Number(row?.n ?? 0);
}
