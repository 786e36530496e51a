// `ocop backup` and `ocop restore` as an operator runs them, on the engine the tests run on (PGlite, or PostgreSQL
// with DATABASE_URL): records and files made through the API, backed up, restored into an empty data folder (and an
// empty database), and every row (counts, a hash of ids and versions) and every file (bytes) is back. A backup with
// an altered or missing file, or an occupied target, is refused with the reason and nothing restored.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { PUBLIC } from '../app/actor.js';
import { loadConfig, type Config } from '../app/config.js';
import { openPglite, openPostgres, query, type Database } from '../app/db.js';
import { createUser } from '../modules/accounts/index.js';
import { buildApp } from '../modules/index.js';
import { MEO_VAC, PASSWORD, TEMPLATE_FILE, entityBody, templateDatabaseUrl, withDatabase } from '../../test/harness.js';
import { nodeArgs } from '../../test/node-args.js';
import { extractTarGz, fileBody, writeTarGz } from './backup/tar.js';

const run = promisify(execFile);
const ocop = nodeArgs(import.meta.filename, 'ocop');
const url = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'ocop-backup-'));
const archive = join(work, 'ocop-backup.tar.gz');
let admin: pg.Client | undefined;
const databases: string[] = [];

/** A new database on the test server: a copy of the template, or an empty one. */
async function newDatabase(kind: 'template' | 'empty'): Promise<string> {
  const { adminUrl, name: template } = templateDatabaseUrl(url!);
  if (!admin) { admin = new pg.Client({ connectionString: adminUrl }); await admin.connect(); }
  const name = `${template.replace(/_template$/, '')}_t_bak${process.pid}_${databases.length}`;
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE ${kind === 'template' ? `"${template}"` : 'template0'}`);
  databases.push(name);
  return withDatabase(url!, name);
}

/** An empty place to restore into: a data folder, and with PostgreSQL an empty database. */
async function emptyTarget(name: string): Promise<{ dataDir: string; databaseUrl?: string }> {
  return { dataDir: join(work, name), databaseUrl: url ? await newDatabase('empty') : undefined };
}

const open = (t: { dataDir: string; databaseUrl?: string }): Promise<Database> => (t.databaseUrl ? openPostgres(t.databaseUrl, 2) : openPglite(t.dataDir));
const ocopIn = (t: { dataDir: string; databaseUrl?: string }, ...args: string[]) =>
  run(process.execPath, [...ocop, ...args], { env: { ...process.env, OCOP_DATA_DIR: t.dataDir, DATABASE_URL: t.databaseUrl ?? '' }, timeout: 180_000 });

/** Row counts of every table, and a hash of every entity's and product's id and version. */
async function snapshot(database: Database) {
  const tables = await query<{ table_name: string }>(database.db, sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) counts[table_name] = (await query<{ n: number }>(database.db, sql.raw(`SELECT count(*)::int AS n FROM "${table_name}"`)))[0].n;
  const [h] = await query<{ entities: string; products: string }>(database.db, sql`SELECT
    (SELECT md5(string_agg(id::text || ':' || version, ',' ORDER BY id)) FROM entity) AS entities,
    (SELECT md5(string_agg(id::text || ':' || version, ',' ORDER BY id)) FROM product) AS products`);
  return { counts, ...h };
}

/** Every file of a data folder's store: its path under files/ and its bytes. */
function storeOf(dataDir: string): Map<string, Buffer> {
  const root = join(dataDir, 'files');
  const out = new Map<string, Buffer>();
  if (!existsSync(root)) return out;
  for (const prefix of readdirSync(root)) for (const name of readdirSync(join(root, prefix))) out.set(`${prefix}/${name}`, readFileSync(join(root, prefix, name)));
  return out;
}

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.text(text);
    doc.end();
  });
}

function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = '----ocopbak' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const source = { dataDir: join(work, 'source'), databaseUrl: undefined as string | undefined };
let before_: Awaited<ReturnType<typeof snapshot>>;
let files: Map<string, Buffer>;
let photoUrl: string;

before(async () => {
  source.databaseUrl = url ? await newDatabase('template') : undefined;
  const database = source.databaseUrl ? await openPostgres(source.databaseUrl, 2) : await openPglite(source.dataDir, new Blob([readFileSync(TEMPLATE_FILE)]));
  const config: Config = { ...loadConfig({}), dataDir: source.dataDir, databaseUrl: source.databaseUrl, demo: false, publicCacheSeconds: 0 };
  const app = await buildApp(config, database, { logger: false });
  try {
    await database.db.transaction((tx) => createUser({ actor: PUBLIC, tx, log: console as never, now: new Date() }, { email: 'tinh.backup@test.ocop.vn', fullName: 'Cán bộ sao lưu', password: PASSWORD, role: 'province', provinceCode: '08' }, { checkPolicy: false }));
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'tinh.backup@test.ocop.vn', password: PASSWORD } });
    const as = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': login.json().csrfToken };
    const call = async (method: 'POST' | 'PATCH', path: string, payload: object, status: number) => {
      const res = await app.inject({ method, url: path, payload: payload as never, headers: as });
      assert.equal(res.statusCode, status, res.body);
      return res.json();
    };
    const e = await call('POST', '/api/v1/entities', entityBody(MEO_VAC, { name: 'HTX Sao lưu Mèo Vạc' }), 201);
    await call('PATCH', `/api/v1/entities/${e.id}`, { version: e.version, address: 'Thôn Tả Chải, sau khi sửa' }, 200);
    const products = [];
    for (const name of ['Mật ong bạc hà (sao lưu)', 'Chè Shan tuyết (sao lưu)']) products.push(await call('POST', '/api/v1/products', { entityId: e.id, name, productSet: 4, status: 'registered' }, 201));
    const upload = async (path: string, fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) => {
      const m = multipart(fields, file);
      const res = await app.inject({ method: 'POST', url: path, payload: m.payload, headers: { ...m.headers, ...as } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };
    photoUrl = (await upload(`/api/v1/products/${products[0].id}/files`, { kind: 'image' }, { name: 'mat-ong.png', type: 'image/png', bytes: await QRCode.toBuffer('https://ocop.vn/backup', { type: 'png' }) })).url;
    await upload(`/api/v1/products/${products[1].id}/files`, { kind: 'document' }, { name: 'kiem-nghiem.pdf', type: 'application/pdf', bytes: await pdf('Phiếu kiểm nghiệm chè') });
    await upload(`/api/v1/entities/${e.id}/documents`, { docType: 'business_registration', number: 'ĐKKD-01' }, { name: 'dang-ky.pdf', type: 'application/pdf', bytes: await pdf('Giấy chứng nhận đăng ký kinh doanh') });
    before_ = await snapshot(database);
  } finally {
    await app.close();
    await database.close();
  }
  files = storeOf(source.dataDir);
  assert.equal(files.size, 3, 'three distinct files in the store');
  const made = await ocopIn(source, 'backup', archive);
  assert.match(made.stdout, /backup written: .* 3 files/);
});

after(async () => {
  for (const name of databases) await admin!.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin?.end();
  rmSync(work, { recursive: true, force: true });
});

test('a restore into an empty data folder gives back every record and every file, and the server serves them', async () => {
  const target = await emptyTarget('restored');
  const done = await ocopIn(target, 'restore', archive);
  assert.match(done.stdout, /restored from .*3 files, every checksum verified/);
  const database = await open(target);
  try {
    const after_ = await snapshot(database);
    assert.deepEqual(after_, before_);
    assert.ok(before_.counts.entity >= 1 && before_.counts.product >= 2 && before_.counts.stored_file === 3);
    const restored = storeOf(target.dataDir);
    assert.deepEqual([...restored.keys()].sort(), [...files.keys()].sort());
    for (const [path, bytes] of files) assert.ok(restored.get(path)!.equals(bytes), `${path} has the same bytes`);
    const app = await buildApp({ ...loadConfig({}), dataDir: target.dataDir, databaseUrl: target.databaseUrl, demo: false, publicCacheSeconds: 0 }, database, { logger: false });
    try {
      const photo = await app.inject({ url: photoUrl });
      assert.equal(photo.statusCode, 200);
      assert.equal(photo.headers['content-type'], 'image/png');
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
  // An occupied target is refused.
  await assert.rejects(ocopIn({ ...target, databaseUrl: target.databaseUrl }, 'restore', archive), (err: { stderr: string; code: number }) => {
    assert.equal(err.code, 1);
    assert.match(err.stderr, /is not empty/);
    return true;
  });
});

/** Rewrites the archive with `change` applied to its entries (in their order, the manifest last). */
async function tampered(name: string, change: (entries: { name: string; path: string }[]) => { name: string; path: string }[]): Promise<string> {
  const dir = join(work, `${name}-x`);
  const order: string[] = [];
  await extractTarGz(archive, dir, (n) => order.push(n));
  const entries = change(order.map((n) => ({ name: n, path: join(dir, n) })));
  const out = join(work, `${name}.tar.gz`);
  await writeTarGz(out, entries.map((e) => ({ name: e.name, size: readFileSync(e.path).length, body: fileBody(e.path) })));
  return out;
}

async function assertRefused(file: string, message: RegExp) {
  const target = await emptyTarget(`refused-${Math.random().toString(16).slice(2)}`);
  await assert.rejects(ocopIn(target, 'restore', file), (err: { stderr: string; code: number }) => {
    assert.equal(err.code, 1);
    assert.match(err.stderr, message);
    assert.match(err.stderr, /[Nn]othing was restored/);
    return true;
  });
  assert.ok(!existsSync(join(target.dataDir, 'files')) && !existsSync(join(target.dataDir, 'db')), 'nothing restored in the data folder');
  assert.deepEqual(readdirSync(target.dataDir), [], 'no staging left behind');
  if (target.databaseUrl) {
    const database = await open(target);
    try {
      const [{ n }] = await query<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
      assert.equal(n, 0, 'the database is still empty');
    } finally {
      await database.close();
    }
  }
}

test('a file altered in the archive: the restore says which and stops, nothing restored', async () => {
  const file = await tampered('altered', (entries) => {
    const photo = entries.find((e) => e.name.startsWith('files/'))!;
    const bytes = readFileSync(photo.path);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(photo.path, bytes);
    return entries;
  });
  await assertRefused(file, /files\/[0-9a-f]{2}\/[0-9a-f]{64} was altered/);
});

test('a file missing from the archive, an entry the manifest does not list, a damaged or foreign archive: refused', async () => {
  await assertRefused(await tampered('missing', (entries) => entries.filter((e, i) => !(e.name.startsWith('files/') && i === entries.findIndex((x) => x.name.startsWith('files/'))))), /is missing \(files\//);
  await assertRefused(await tampered('extra', (entries) => {
    const extra = join(work, 'extra.bin');
    writeFileSync(extra, 'không có trong bản kê');
    return [...entries.slice(0, -1), { name: 'files/00/extra', path: extra }, entries.at(-1)!];
  }), /files\/00\/extra is in the archive but not in the manifest/);
  await assertRefused(await tampered('no-manifest', (entries) => entries.filter((e) => e.name !== 'manifest.json')), /no manifest\.json/);
  const truncated = join(work, 'truncated.tar.gz');
  writeFileSync(truncated, readFileSync(archive).subarray(0, Math.floor(readFileSync(archive).length / 2)));
  await assertRefused(truncated, /cannot be read as a backup archive/);
});
