// Runs once before the test files: migrates a template database and loads the reference data into it, so each
// test file starts from a copy in well under a second instead of migrating on its own; then a second template with
// the demo data seeded, for the browser tests and the tests that walk the demo.
//  - embedded: PGlite data-dir dumps at var/test/template.tar.gz and var/test/template-demo.tar.gz
//  - PostgreSQL (DATABASE_URL): template databases `<db>_template` and `<db>_demo_template` on that server
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/app/db.js';
import { migrate } from '../src/app/migrate.js';
import { seedDemo } from '../src/cli/seed/seed.js';
import { loadReferenceData } from '../src/modules/index.js';
import { DEMO_TEMPLATE_FILE, TEMPLATE_FILE, templateDatabaseUrl, withDatabase } from './harness.js';

const url = process.env.DATABASE_URL;
const started = Date.now();
if (url) {
  const { adminUrl, name, demoName, copyPrefix } = templateDatabaseUrl(url);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Leftovers of an earlier interrupted run go too.
  const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname = $3 OR datname LIKE $2`, [name, `${copyPrefix}%`, demoName]);
  for (const { datname } of stale.rows) {
    await admin.query(`UPDATE pg_database SET datistemplate = false WHERE datname = '${datname}'`);
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  const db = await openPostgres(withDatabase(url, name), 2);
  await migrate(db);
  await loadReferenceData(db);
  await db.close();
  await admin.query(`UPDATE pg_database SET datistemplate = true WHERE datname = '${name}'`);
  await admin.query(`CREATE DATABASE "${demoName}" TEMPLATE "${name}"`);
  const demo = await openPostgres(withDatabase(url, demoName), 2);
  await seedDemo(demo);
  await demo.close();
  await admin.query(`UPDATE pg_database SET datistemplate = true WHERE datname = '${demoName}'`);
  await admin.end();
  console.log(`test template database ${name} ready in ${Date.now() - started} ms`);
} else {
  const db = await openPglite(undefined);
  await migrate(db);
  await loadReferenceData(db);
  // Each test file opens its own copy, and PostgreSQL zeroes its shared buffers as it starts: PGlite's 128 MB took
  // about 0.6 s of each opening's 2.5 s (measured 2026-12-04). The test databases hold a few megabytes, so 16 MB
  // is plenty; the setting travels in the dumped postgresql.auto.conf and applies from the copies' first start.
  await db.pglite!.exec(`ALTER SYSTEM SET shared_buffers = '16MB'`);
  const dump = await db.pglite!.dumpDataDir('gzip');
  mkdirSync(dirname(TEMPLATE_FILE), { recursive: true });
  writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await seedDemo(db);
  writeFileSync(DEMO_TEMPLATE_FILE, Buffer.from(await (await db.pglite!.dumpDataDir('gzip')).arrayBuffer()));
  await db.close();
  console.log(`test template (PGlite) ready in ${Date.now() - started} ms`);
}
