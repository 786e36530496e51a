// `ocop serve` (npm start): open the database, migrate, load reference data, first admin and demo data, listen.
import { sql } from 'drizzle-orm';
import { PUBLIC } from '../app/actor.js';
import { loadConfig, type Config } from '../app/config.js';
import { openDatabase, type Database } from '../app/db.js';
import { withPreparationLock } from '../app/migrate.js';
import { checkPublicUrl, oneLine } from '../app/public-url-check.js';
import { buildApp, loadReferenceData, startWorkers } from '../modules/index.js';
import { createUser, getUserByEmail } from '../modules/accounts/index.js';
import { assignMissingGtins } from '../modules/registry/index.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo } from './seed/seed.js';

/**
 * Everything a fresh or existing database needs before the server takes requests, under one advisory lock: a
 * second server started at the same moment on the same PostgreSQL waits, then finds the work done.
 */
export function prepareDatabase(config: Config, database: Database, log: (msg: string) => void): Promise<boolean> {
  return withPreparationLock(database, (applyMigrations) => prepareLocked(config, database, log, applyMigrations));
}

async function prepareLocked(config: Config, database: Database, log: (msg: string) => void, applyMigrations: () => Promise<string[]>) {
  const applied = await applyMigrations();
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  const empty = await isEmpty(database.db);
  const loaded = await loadReferenceData(database);
  if (loaded.adminUnits) log('reference data loaded: 34 provinces, 3,321 communes, district-era mapping');
  if (config.adminEmail && config.adminPassword && !(await getUserByEmail(database.db, config.adminEmail))) {
    await database.db.transaction((tx) => createUser({ actor: PUBLIC, tx, log: console as never, now: new Date() }, {
      email: config.adminEmail!.toLowerCase(), fullName: 'Quản trị viên VPĐP Trung ương', password: config.adminPassword!, role: 'central',
    }, { checkPolicy: false }));
    log(`central-office administrator created: ${config.adminEmail}`);
  }
  let demoLoaded = false;
  if (empty && config.demo) {
    await seedDemo(database, { gs1Prefix: config.gs1Prefix });
    log('demo data loaded: 300 entities, 600 products');
    demoLoaded = true;
  }
  // Products written before GTINs existed, or in bulk (synthetic seeds), get theirs under the programme's prefix.
  const gtins = await database.db.transaction((tx) => assignMissingGtins(tx, config.gs1Prefix));
  if (gtins) log(`GTINs assigned under the programme's GS1 prefix ${config.gs1Prefix}: ${gtins}`);
  return demoLoaded;
}

export async function serve() {
  const config = loadConfig();
  const publicUrlCheck = checkPublicUrl(process.env, config.publicUrl);
  if (publicUrlCheck?.refuse) {
    console.error(oneLine(publicUrlCheck.message));
    process.exit(78); // EX_CONFIG: a setting is missing or wrong, nothing was opened
  }
  if (publicUrlCheck) console.warn(`⚠ ${oneLine(publicUrlCheck.message)}`);
  const database = await openDatabase(config);
  const app = await buildApp(config, database);
  const demoLoaded = await prepareDatabase(config, database, (m) => app.log.info(m));
  const workers = startWorkers(database, app.log, config);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close(); // stops accepting, waits for in-flight requests
    await workers.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const [{ n }] = (await database.db.execute(sql`SELECT count(*)::int AS n FROM app_user WHERE email LIKE '%@demo.ocop.vn'`) as unknown as { rows: { n: number }[] }).rows;
  const lines = [`\nOCOP đang chạy / OCOP is running: ${config.publicUrl}  (database: ${database.engine})`];
  if (Number(n) > 0) {
    lines.push(`Demo accounts${demoLoaded ? ' (just created)' : ''} — password ${DEMO_PASSWORD}:`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.role.padEnd(10)} ${a.email}`);
  }
  console.log(lines.join('\n') + '\n');
}
