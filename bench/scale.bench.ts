// The scale curve (issue 11, item 4): on PostgreSQL, for 20,000, 200,000 and 1,000,000 products (half as many
// entities; BENCH_SIZES=20000,200000 to choose), seeds a fresh database in SQL (bench/seed-sql.ts), starts the server
// as `npm start` does (its own process, the public micro-cache off) and prints search and list p50/p95, the first
// page beside a deep one (page 500 by OFFSET, and by cursor when the API answers with nextCursor), uncached
// requests per second of search and list beside the health route's in the same run, the server's resident memory and
// its start-up time. Tests never assert on time; this prints figures.
//   DATABASE_URL=postgres://… npm run bench:scale
// BENCH_REUSE=1 keeps one database per size (ocop_bench_scale_<products>) between runs and seeds it only when it does
// not yet hold that many products (migrations still run, so a new one is measured); BENCH_DROP=1 with it drops them.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres, query } from '../src/app/db.js';
import { migrate } from '../src/app/migrate.js';
import { loadConfig } from '../src/app/config.js';
import { assignMissingGtins } from '../src/modules/registry/index.js';
import { loadReferenceData } from '../src/modules/index.js';
import { withDatabase } from '../test/harness.js';
import { seedSyntheticSql } from './seed-sql.js';

if (!process.env.DATABASE_URL) {
  console.error('bench:scale measures PostgreSQL: set DATABASE_URL (e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres); it creates and drops the database ocop_bench_scale (BENCH_REUSE=1: keeps ocop_bench_scale_<products>)');
  process.exit(2);
}
const SIZES = (process.env.BENCH_SIZES ?? '20000,200000,1000000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REUSE = process.env.BENCH_REUSE === '1';
const dbName = (products: number) => (REUSE ? `ocop_bench_scale_${products}` : 'ocop_bench_scale');
let url = withDatabase(process.env.DATABASE_URL, dbName(SIZES[0]));
const PORT = 3000 + 200 + (process.pid % 700);
const base = `http://127.0.0.1:${PORT}`;
const QUERIES = ['mat ong', 'che shan tuyet', 'nuoc mam', 'gao st25', 'ruou ngo', 'tho cam', 'du lich cong dong', 'meo vac', 'ca phe', 'tinh dau que', 'banh chung', 'dac san'];
const SORTED = ['mat ong', 'nuoc mam', 'gao st25', 'meo vac'];
const LISTS = ['province=08&sort=-stars', 'sector=I&status=certified', 'entityType=htx&stars=4&page=3', 'productSet=4&province=19', 'group=I.4&sort=code', 'sort=-updatedAt', 'status=certified&sort=-stars'];

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const ms = (x: number) => `${x.toFixed(1)} ms`;
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

// One kept-alive connection asking for gzip, as a browser does, read with node:http: fetch (undici) spent 1-4 ms more
// per answer of 20 products in the client itself, on this 2-core machine shared with the server and the database.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function get(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(base + path, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`${path}: ${res.statusCode} ${body.slice(0, 200)}`));
        else resolve(body);
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}
async function latency(paths: string[], rounds: number) {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const p of paths) {
      const t = performance.now();
      await get(p);
      times.push(performance.now() - t);
    }
  }
  return { p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times), n: times.length };
}
/** Requests per second in the steady state: a first two seconds of the same load, not counted, open the server's
 * database connections and prepare their statements (the first seconds on a fresh server ran at two thirds). */
async function rps(path: string) {
  await autocannon({ url: base + path, connections: 10, duration: 2 });
  const result = await autocannon({ url: base + path, connections: 10, duration: SECONDS });
  if (result.non2xx) throw new Error(`${path}: ${result.non2xx} answers were not 2xx`);
  return result.requests.average;
}
/** The health route's rate and each path's, in ROUNDS rounds that take them in turn; per path the median rate, and
 * the median of its share of the health route's rate in the same round. This machine's speed moves from one minute
 * to the next: the health route measured once ran at 10,289 requests per second in one run, 18,370 in the run
 * before. */
async function rates(paths: string[]) {
  const health: number[] = [];
  const seen = paths.map(() => ({ rate: [] as number[], share: [] as number[] }));
  for (let r = 0; r < ROUNDS; r++) {
    const h = await rps('/api/v1/health');
    health.push(h);
    for (const [i, p] of paths.entries()) {
      const x = await rps(p);
      seen[i].rate.push(x);
      seen[i].share.push((x / h) * 100);
    }
  }
  return { health: pct(health, 50), paths: seen.map((x) => ({ rate: pct(x.rate, 50), share: pct(x.share, 50) })) };
}

async function start(): Promise<{ child: ChildProcess; ms: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-scale-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/ocop.js', 'serve'], {
    env: { ...process.env, DATABASE_URL: url, OCOP_DATA_DIR: dataDir, OCOP_DEMO: '0', OCOP_PUBLIC_URL: 'https://ocop.example.gov.vn', OCOP_PUBLIC_CACHE_SECONDS: '0', PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { child, ms: performance.now() - t0 };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 25));
  }
}
async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const admin = new pg.Client({ connectionString: withDatabase(process.env.DATABASE_URL, 'postgres') });
await admin.connect();
const rows: string[] = [];
try {
  for (const products of SIZES) {
    const entities = Math.round(products / 2);
    const DB = dbName(products);
    url = withDatabase(process.env.DATABASE_URL, DB);
    const exists = REUSE && (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB])).rowCount === 1;
    if (!exists) {
      await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${DB}`);
    }
    const database = await openPostgres(url, 2);
    await migrate(database);
    await loadReferenceData(database);
    const [{ n: held }] = await query<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM product`);
    let how = 'reused';
    if (Number(held) < products) {
      const t0 = performance.now();
      await seedSyntheticSql(database, entities, products);
      how = `seeded in SQL in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    }
    // The GTINs a server gives at start-up (src/cli/serve.ts) given here, before VACUUM: otherwise the measured server
    // rewrites every product at start and is measured over a table of a million dead rows.
    const gtins = await database.db.transaction((tx) => assignMissingGtins(tx, loadConfig({}).gs1Prefix));
    if (how !== 'reused' || gtins) await database.session(async (run) => { await run('VACUUM ANALYZE'); });
    await database.close();
    console.log(`\n## ${products.toLocaleString('en')} products, ${entities.toLocaleString('en')} entities: ${how}`);

    const { child, ms: startMs } = await start();
    const rssStart = rssMb(child.pid!);
    try {
      const searches = QUERIES.map((q) => `/api/v1/products?q=${encodeURIComponent(q)}`);
      const lists = LISTS.map((l) => `/api/v1/products?${l}`);
      // Warm-up: ten rounds. A fresh server runs its code unoptimised until V8 has seen it run; after one round (19
      // requests) searches took 5.5 ms at the median and 10-11 ms at p95, after ten 3-4 ms and 5-7 ms. A server in
      // service has long been warm; a cold one is measured by its start-up time below.
      await latency([...searches, ...lists], 10);
      const floor = await latency(['/api/v1/health'], 40);
      const search = await latency(searches, 10);
      const list = await latency(lists, 10);
      // A search in another order than relevance, as the workspace (by last update) and the API (by name) ask for it.
      const sorted = await latency(SORTED.map((q) => `/api/v1/products?q=${encodeURIComponent(q)}&sort=-updatedAt`).concat(SORTED.map((q) => `/api/v1/products?q=${encodeURIComponent(q)}&sort=name`)), 3);
      const first = await latency(['/api/v1/products?sort=-updatedAt'], 20);
      const deep = await latency(['/api/v1/products?sort=-updatedAt&page=500'], 20);
      // Page 500 by cursor: walk the cursors there (the walk is not timed), then time that request.
      let cursorLine = 'cursor: not offered by the API (no nextCursor in the answer)';
      const firstPage = JSON.parse(await get('/api/v1/products?sort=-updatedAt')) as { nextCursor?: string | null };
      if ('nextCursor' in firstPage) {
        let cursor = firstPage.nextCursor;
        for (let p = 2; p < 500 && cursor; p++) cursor = (JSON.parse(await get(`/api/v1/products?sort=-updatedAt&cursor=${encodeURIComponent(cursor)}`)) as { nextCursor?: string | null }).nextCursor;
        const byCursor = cursor ? await latency([`/api/v1/products?sort=-updatedAt&cursor=${encodeURIComponent(cursor)}`], 20) : undefined;
        cursorLine = byCursor ? `page 500 by cursor p50 ${ms(byCursor.p50)}, p95 ${ms(byCursor.p95)}` : 'cursor: fewer than 500 pages';
      }
      const { health, paths: [searchRate, listRate] } = await rates(['/api/v1/products?q=mat%20ong', '/api/v1/products?province=08&sort=-stars']);
      const rssAfter = rssMb(child.pid!);
      const lines = [
        `health GET /api/v1/health, the client's and server's floor (40 requests): p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}`,
        `search GET /api/v1/products?q=… (${QUERIES.length} queries without diacritics, ${search.n} requests): p50 ${ms(search.p50)}, p95 ${ms(search.p95)}`,
        `list   GET /api/v1/products?<filters> (${LISTS.length} filter sets, ${list.n} requests): p50 ${ms(list.p50)}, p95 ${ms(list.p95)}`,
        `sorted GET /api/v1/products?q=…&sort=-updatedAt|name (${SORTED.length} queries, ${sorted.n} requests): p50 ${ms(sorted.p50)}, p95 ${ms(sorted.p95)}, max ${ms(sorted.max)}`,
        `pages  sort=-updatedAt: first p50 ${ms(first.p50)}, p95 ${ms(first.p95)}; page 500 by OFFSET p50 ${ms(deep.p50)}, p95 ${ms(deep.p95)}; ${cursorLine}`,
        `uncached req/s (10 connections, ${SECONDS} s each, medians of ${ROUNDS} rounds): health ${health.toFixed(0)}; search q=mat ong ${searchRate.rate.toFixed(0)} (${searchRate.share.toFixed(1)} % of health in its round); list province=08&sort=-stars ${listRate.rate.toFixed(0)} (${listRate.share.toFixed(1)} %)`,
        `server start-up to first healthy answer ${(startMs / 1000).toFixed(2)} s; RSS ${rssStart.toFixed(0)} MB once healthy, ${rssAfter.toFixed(0)} MB after the run`,
      ];
      for (const l of lines) console.log(l);
      rows.push(`| ${products.toLocaleString('en')} | ${ms(search.p50)} / ${ms(search.p95)} | ${ms(list.p50)} / ${ms(list.p95)} | ${ms(first.p50)} / ${ms(deep.p50)} | ${searchRate.share.toFixed(1)} % / ${listRate.share.toFixed(1)} % | ${rssAfter.toFixed(0)} MB | ${(startMs / 1000).toFixed(2)} s |`);
    } finally {
      await stop(child);
    }
  }
} finally {
  if (!REUSE || process.env.BENCH_DROP === '1') for (const products of SIZES) await admin.query(`DROP DATABASE IF EXISTS ${dbName(products)} WITH (FORCE)`);
  await admin.end();
  agent.destroy();
}
console.log('\n| products | search p50 / p95 | list p50 / p95 | first / page 500 (OFFSET) p50 | search / list req/s of health | RSS | start-up |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log('\n(NODE_ENV as set: the server runs the TypeScript sources through tsx unless NODE_ENV=production and dist-server/ is built; the machine may be shared, so compare figures of one run.)');
