// `ocop expire` as an operator runs it (from cron, or by hand), on the engine the tests run on: a database copied from
// the test template holding one product whose certificate lapsed; the command marks it expired, then finds nothing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { PUBLIC, type Ctx, type UserActor } from '../app/actor.js';
import { openPglite, openPostgres, query, type Database } from '../app/db.js';
import { createUser } from '../modules/accounts/index.js';
import { createEntity, createProduct } from '../modules/registry/index.js';
import { addDays, addMonths, issueCertificate, vnDate } from '../modules/scoring/index.js';
import { entityBody, MEO_VAC, TEMPLATE_FILE, templateDatabaseUrl, withDatabase } from '../../test/harness.js';
import { nodeArgs } from '../../test/node-args.js';

const run = promisify(execFile);
const ocop = nodeArgs(import.meta.filename, 'ocop');
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;
let productId: string;

async function openCopy(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { adminUrl, name: template } = templateDatabaseUrl(url);
    const name = `${template.replace(/_template$/, '')}_t_cli${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    env = { ...process.env, DATABASE_URL: withDatabase(url, name) };
    cleanup = async () => { await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); await admin.end(); };
    return openPostgres(env.DATABASE_URL!, 2);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-cli-'));
  env = { ...process.env, DATABASE_URL: '', OCOP_DATA_DIR: dataDir };
  cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  return openPglite(dataDir, new Blob([readFileSync(TEMPLATE_FILE)]));
}

before(async () => {
  const database = await openCopy();
  const at = (actor: UserActor | typeof PUBLIC) => (fn: (ctx: Ctx) => Promise<unknown>) => database.db.transaction((tx) => fn({ actor, tx, log: console as never, now: new Date() }));
  const officer = await at(PUBLIC)((ctx) => createUser(ctx, { email: 'tinh.cli@test.ocop.vn', fullName: 'Cán bộ tỉnh', password: 'correct horse battery staple', role: 'province', provinceCode: '08' }, { checkPolicy: false })) as { id: string };
  const actor: UserActor = { kind: 'user', id: officer.id, role: 'province', provinceCode: '08', communeCode: null, entityId: null, via: 'session' };
  const e = await at(actor)((ctx) => createEntity(ctx, entityBody(MEO_VAC) as never)) as { id: string };
  const p = await at(actor)((ctx) => createProduct(ctx, { entityId: e.id, name: 'Mật ong bạc hà hết hạn (CLI)', productSet: 4, status: 'registered' } as never)) as { id: string };
  productId = p.id;
  // Issued 36 months and two days ago: the certificate expired yesterday.
  const issuedOn = addMonths(addDays(vnDate(new Date()), -2), -36);
  await at(actor)((ctx) => issueCertificate(ctx, { productId, stars: 4, kind: 'first', decisionNumber: '77/QĐ-UBND', decidedOn: issuedOn, issuedOn }));
  await database.close();
});
after(() => cleanup());

async function productStatus(): Promise<string> {
  const database = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL, 1) : await openPglite(env.OCOP_DATA_DIR!);
  try {
    return (await query<{ status: string }>(database.db, sql`SELECT status FROM product WHERE id = ${productId}`))[0].status;
  } finally {
    await database.close();
  }
}

test('ocop expire marks the lapsed product expired, and a second run finds nothing', async () => {
  assert.equal(await productStatus(), 'certified');
  const first = await run(process.execPath, [...ocop, 'expire'], { env, timeout: 60_000 });
  assert.match(first.stdout, /: 1 product\(s\) marked expired/);
  assert.match(first.stdout, /OCOP-08-\d{4}-\d{5} \(expired \d{4}-\d{2}-\d{2}\)/);
  assert.equal(await productStatus(), 'expired');
  const second = await run(process.execPath, [...ocop, 'expire'], { env, timeout: 60_000 });
  assert.match(second.stdout, /: 0 product\(s\) marked expired/);
});

test('the usage lists the command', async () => {
  const usage = await run(process.execPath, ocop, { env, timeout: 60_000 });
  assert.match(usage.stdout, /expire\s+mark products whose certificate lapsed/);
});
