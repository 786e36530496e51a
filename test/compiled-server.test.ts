// Production runs the compiled server (dist-server/, built by `npm run prepare`): it must find everything it reads
// at run time (migrations/, data/, dist/web) from there, start and answer. And it refuses to start without the
// public address its QR codes print.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { openPglite } from '../src/app/db.js';
import { checkPublicUrl } from '../src/app/public-url-check.js';
import { TEMPLATE_FILE, templateDatabaseUrl, withDatabase } from './harness.js';

const COMPILED = 'dist-server/cli/ocop.js';
const SOURCES = ['src/app', 'src/modules', 'src/cli', 'src/web'];

/** The newest modification time among the server's sources: a compiled copy older than that is rebuilt first. */
function newestSource(): number {
  let newest = 0;
  for (const dir of SOURCES) {
    for (const f of readdirSync(dir, { recursive: true }) as string[]) {
      if (/\.tsx?$/.test(f) && !f.endsWith('.test.ts')) newest = Math.max(newest, statSync(join(dir, f)).mtimeMs);
    }
  }
  return newest;
}

let dataDir: string;
let databaseUrl: string | undefined;
let dropDatabase = async () => {};

before(async () => {
  if (!existsSync(COMPILED) || statSync(COMPILED).mtimeMs < newestSource()) {
    const built = spawnSync('npm', ['run', '--silent', 'build:server'], { encoding: 'utf8' });
    assert.equal(built.status, 0, `npm run build:server: ${built.stdout}${built.stderr}`);
  }
  // A database that is migrated and holds the reference data, as after a first `npm start`.
  dataDir = mkdtempSync(join(tmpdir(), 'ocop-compiled-'));
  const url = process.env.DATABASE_URL;
  if (url) {
    const { adminUrl, name: template } = templateDatabaseUrl(url);
    const name = `${template.replace(/_template$/, '')}_compiled_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    databaseUrl = withDatabase(url, name);
    dropDatabase = async () => { await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); await admin.end(); };
  } else {
    const db = await openPglite(dataDir, new Blob([readFileSync(TEMPLATE_FILE)]));
    await db.close();
  }
});
after(async () => {
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
});

function serverEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OCOP_DATA_DIR: dataDir, OCOP_DEMO: '0', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extra };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

test('the compiled server starts in production, from dist-server, and answers /api/v1/health', async () => {
  const started = Date.now();
  const child = spawn(process.execPath, ['bin/ocop.js', 'serve'], { env: serverEnv({ NODE_ENV: 'production', OCOP_PUBLIC_URL: 'https://ocop.example.gov.vn' }), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    // pino's JSON line "Server listening at http://127.0.0.1:PORT" names the port the system gave.
    const base = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk;
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (m) resolve(m[1]);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      setTimeout(() => reject(new Error(`no answer in 90 s: ${output}`)), 90_000).unref();
    });
    const res = await fetch(`${base}/api/v1/health`);
    assert.equal(res.status, 200);
    const body = await res.json() as { status: string; engine: string };
    assert.equal(body.status, 'ok');
    assert.equal(body.engine, databaseUrl ? 'postgresql' : 'pglite');
    // It is the compiled code: no TypeScript loader in the process, modules from dist-server.
    assert.doesNotMatch(output, /dist-server\/ is not built/);
    // What it reads from data/ at run time: the score sheets (a public route reading data/score-sheets).
    const sheets = await fetch(`${base}/api/v1/score-sheets`);
    assert.equal(sheets.status, 200, await sheets.clone().text());
    // The server-rendered pages (TSX compiled, the web app's i18n resources) and the web app's files.
    const home = await fetch(`${base}/`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<html[^>]*lang="vi"/);
    assert.equal((await fetch(`${base}/dang-nhap`)).status, 200);
    assert.doesNotMatch(output, /OCOP_PUBLIC_URL/, 'no public-address warning when it is set');
    console.log(`compiled server healthy in ${Date.now() - started} ms`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
});

test('the server build compiles only the server: nothing outside src/ (a test helper would be written beside its source)', () => {
  const listed = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--listFilesOnly'], { encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const ours = listed.stdout.split('\n').filter((f) => f && !f.includes('/node_modules/'));
  assert.ok(ours.length > 100, `${ours.length} files`);
  assert.deepEqual(ours.filter((f) => !f.startsWith(join(process.cwd(), 'src') + '/')), []);
});

test('production refuses to start without OCOP_PUBLIC_URL (exit 78, one line in Vietnamese and English); elsewhere it warns', () => {
  const run = spawnSync(process.execPath, ['bin/ocop.js', 'serve'], { env: serverEnv({ NODE_ENV: 'production', OCOP_PUBLIC_URL: undefined }), encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 78, run.stderr);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0], /Không khởi động: NODE_ENV=production cần OCOP_PUBLIC_URL.* \/ Not starting: NODE_ENV=production needs OCOP_PUBLIC_URL/);

  const bad = spawnSync(process.execPath, ['bin/ocop.js', 'serve'], { env: serverEnv({ NODE_ENV: 'production', OCOP_PUBLIC_URL: 'ocop.example.gov.vn' }), encoding: 'utf8', timeout: 60_000 });
  assert.equal(bad.status, 78, bad.stderr);
  assert.match(bad.stderr, /is not an http\(s\) origin/);

  assert.deepEqual(checkPublicUrl({ NODE_ENV: 'development' }, 'http://localhost:3000'), { refuse: false, message: {
    vi: 'OCOP_PUBLIC_URL chưa đặt: mã QR và liên kết trong thư sẽ trỏ tới http://localhost:3000',
    en: 'OCOP_PUBLIC_URL is not set: QR codes and e-mail links will point at http://localhost:3000',
  } });
  assert.equal(checkPublicUrl({}, 'http://localhost:3000')?.refuse, false);
  for (const ok of ['https://ocop.example.gov.vn', 'https://ocop.example.gov.vn/', 'http://10.0.0.5:8080']) assert.equal(checkPublicUrl({ NODE_ENV: 'production', OCOP_PUBLIC_URL: ok }, ''), undefined, ok);
  for (const wrong of ['ftp://x.vn', 'https://x.vn/ocop', 'https://x.vn/?a=1', 'javascript:alert(1)', ' ']) assert.equal(checkPublicUrl({ OCOP_PUBLIC_URL: wrong }, '')?.refuse, true, wrong);
});
