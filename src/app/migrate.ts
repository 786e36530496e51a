// Applies the committed SQL files in migrations/ in name order, each once, each in its own transaction.
// A PostgreSQL advisory lock on one pinned connection keeps several starting servers from migrating at once; the
// same lock can cover a whole preparation (migrations, reference data, first account, demo data) so a second
// server started at the same moment waits and then finds everything done.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './db.js';

export const migrationsDir = join(import.meta.dirname, '..', '..', 'migrations');
const LOCK_KEY = 7_240_226; // arbitrary and stable: "OCOP migrations"

type Run = (script: string) => Promise<Record<string, unknown>[]>;

/**
 * Runs `fn` while holding the preparation lock (a session-level advisory lock on a pinned connection). `fn` may use
 * other connections of the pool: the lock is what other processes wait on. The lock is taken before anything else,
 * the schema_migration table too (two concurrent CREATE TABLE IF NOT EXISTS can collide on an empty database).
 */
export function withPreparationLock<T>(database: Database, fn: (applyMigrations: () => Promise<string[]>) => Promise<T>): Promise<T> {
  return database.session(async (run) => {
    await run(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    try {
      await run('CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      return await fn(() => applyPending(run));
    } finally {
      await run(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
  });
}

export function migrate(database: Database): Promise<string[]> {
  return withPreparationLock(database, (applyMigrations) => applyMigrations());
}

async function applyPending(run: Run): Promise<string[]> {
  const done = new Set((await run('SELECT name FROM schema_migration')).map((r) => r.name as string));
  const applied: string[] = [];
  for (const name of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort()) {
    if (done.has(name)) continue;
    const script = readFileSync(join(migrationsDir, name), 'utf8');
    try {
      await run(`BEGIN;\n${script}\n;INSERT INTO schema_migration (name) VALUES ('${name.replace(/'/g, "''")}');\nCOMMIT;`);
    } catch (err) {
      await run('ROLLBACK');
      throw new Error(`migration ${name} failed: ${(err as Error).message}`, { cause: err });
    }
    applied.push(name);
  }
  return applied;
}
