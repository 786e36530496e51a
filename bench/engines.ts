// Every benchmark runs the same measurement on each engine: the embedded PGlite (in a fresh temporary folder, or in
// memory), then PostgreSQL when DATABASE_URL is set, in a database of its own created for the run and dropped after
// (BENCH_DB_SUFFIX=x names it <name>_x, so that two checkouts can measure on one server at once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/app/db.js';
import { withDatabase } from '../test/harness.js';

type Run = (engine: string, database: Database) => Promise<void>;

export async function onEachEngine(name: string, run: Run, opts: { embedded?: boolean; embeddedOnDisk?: boolean } = {}): Promise<void> {
  const suffix = process.env.BENCH_DB_SUFFIX?.replace(/[^a-z0-9_]/g, '');
  const databaseName = suffix ? `${name}_${suffix}` : name;
  if (opts.embedded !== false) {
    const dir = opts.embeddedOnDisk ? mkdtempSync(join(tmpdir(), `${databaseName}-`)) : undefined;
    const embedded = await openPglite(dir);
    await run('embedded PGlite', embedded);
    await embedded.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  if (!process.env.DATABASE_URL) {
    console.log('\n(PostgreSQL skipped: set DATABASE_URL to benchmark it too)');
    return;
  }
  const admin = new pg.Client({ connectionString: withDatabase(process.env.DATABASE_URL, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${databaseName}`);
  const server = await openPostgres(withDatabase(process.env.DATABASE_URL, databaseName));
  try {
    await run('PostgreSQL', server);
  } finally {
    await server.close();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  }
}
