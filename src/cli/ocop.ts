// The `ocop` command: serve, migrate, seed, expire, backup, restore.
import { parseArgs } from 'node:util';
import { loadConfig } from '../app/config.js';
import { openDatabase } from '../app/db.js';
import { migrate } from '../app/migrate.js';
import { loadReferenceData } from '../modules/index.js';
import { runCertificateExpiry } from '../modules/scoring/index.js';
import { seedDemo, seedSynthetic } from './seed/seed.js';
import { seedEvents } from './seed/events.js';
import { serve } from './serve.js';
import { backup, restore } from './backup/backup.js';

const usage = `ocop <command>
  serve                                   start the server (npm start)
  migrate                                 apply database migrations and reference data
  seed --demo                             load the demo data set
  seed --synthetic --entities N --products M   add deterministic national-scale data
  seed --events N                         capture N EPCIS events of deterministic supply chains (after those stored)
  expire                                  mark products whose certificate lapsed as expired (serve also runs it daily)
  backup FILE                             write the database and the file store to FILE (.tar.gz, with checksums)
  restore FILE                            restore FILE into an empty data folder (and, with DATABASE_URL, an empty database)`;

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
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' }, synthetic: { type: 'boolean' }, entities: { type: 'string', default: '10000' }, products: { type: 'string', default: '20000' }, events: { type: 'string' } } });
      const db = await openDatabase(config);
      await migrate(db);
      await loadReferenceData(db);
      const t = Date.now();
      if (values.events !== undefined) {
        const n = Number(values.events);
        if (!Number.isInteger(n) || n <= 0) throw new Error(usage);
        let shown = 0;
        const r = await seedEvents(db, n, (done) => { if (done - shown >= 50_000) { shown = done; console.log(`  ${done.toLocaleString('vi-VN')} events`); } });
        console.log(`${r.events.toLocaleString('vi-VN')} events (lots ${r.firstLot}–${r.firstLot + r.lots - 1}) captured, ${Math.round(r.events / (r.ms / 1000))} events/s`);
      } else if (values.synthetic) await seedSynthetic(db, Number(values.entities), Number(values.products));
      else if (values.demo) await seedDemo(db, { gs1Prefix: config.gs1Prefix });
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
      if (!rest[0]) throw new Error(usage);
      const m = await backup(config, rest[0]);
      return console.log(`backup written: ${rest[0]} (${m.engine} database, ${m.counts.files} files, ${m.counts.fileBytes} bytes of files, ${Object.values(m.counts.tables).reduce((s, n) => s + n, 0)} rows in ${Object.keys(m.counts.tables).length} tables)`);
    }
    case 'restore': {
      if (!rest[0]) throw new Error(usage);
      const m = await restore(config, rest[0]);
      return console.log(`restored from ${rest[0]} (made ${m.createdAt}): ${m.engine} database, ${m.counts.files} files, every checksum verified`);
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
