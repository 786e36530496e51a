// The `ocop` command: serve, migrate, seed, expire, backup, restore.
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../app/config.js';
import { openDatabase, openPglite } from '../app/db.js';
import { migrate } from '../app/migrate.js';
import { loadReferenceData } from '../modules/index.js';
import { runCertificateExpiry } from '../modules/scoring/index.js';
import { seedDemo, seedSynthetic } from './seed/seed.js';
import { serve } from './serve.js';

const usage = `ocop <command>
  serve                                   start the server (npm start)
  migrate                                 apply database migrations and reference data
  seed --demo                             load the demo data set
  seed --synthetic --entities N --products M   add deterministic national-scale data
  expire                                  mark products whose certificate lapsed as expired (serve also runs it daily)
  backup FILE                             write the embedded database to FILE (.tar.gz)
  restore FILE                            replace the embedded database with FILE`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'serve': return serve();
    case 'migrate': {
      const db = await openDatabase(config);
      console.log('applied:', (await migrate(db)).join(', ') || 'nothing (up to date)');
      console.log('reference data:', await loadReferenceData(db));
      return db.close();
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' }, synthetic: { type: 'boolean' }, entities: { type: 'string', default: '10000' }, products: { type: 'string', default: '20000' } } });
      const db = await openDatabase(config);
      await migrate(db);
      await loadReferenceData(db);
      const t = Date.now();
      if (values.synthetic) await seedSynthetic(db, Number(values.entities), Number(values.products));
      else if (values.demo) await seedDemo(db);
      else throw new Error(usage);
      console.log(`seeded in ${Date.now() - t} ms`);
      return db.close();
    }
    case 'expire': {
      const db = await openDatabase(config);
      try {
        const r = await runCertificateExpiry(db.db, console as never);
        console.log(`${r.today}: ${r.expired.length} product(s) marked expired`);
        for (const e of r.expired) console.log(`  ${e.certificateNumber} (expired ${e.expiresOn})`);
      } finally {
        await db.close();
      }
      return;
    }
    case 'backup': {
      if (config.databaseUrl || !rest[0]) throw new Error('backup FILE works on the embedded database; for PostgreSQL use pg_dump');
      const db = await openPglite(config.dataDir);
      const dump = await db.pglite!.dumpDataDir('gzip');
      await writeFile(rest[0], Buffer.from(await dump.arrayBuffer()));
      await db.close();
      return console.log(`backup written: ${rest[0]}`);
    }
    case 'restore': {
      if (config.databaseUrl || !rest[0]) throw new Error('restore FILE works on the embedded database; for PostgreSQL use pg_restore');
      const blob = new Blob([await readFile(rest[0])]);
      const dir = join(config.dataDir, 'db');
      if (existsSync(dir)) rmSync(dir, { recursive: true });
      const db = await openPglite(config.dataDir, blob);
      await db.close();
      return console.log(`restored from ${rest[0]} into ${dir}`);
    }
    default:
      console.log(usage);
      process.exitCode = command ? 1 : 0;
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
