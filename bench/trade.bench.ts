// The indicators and feeds at ten times national scale (issue 13): on PostgreSQL, seeds 100,000 entities and 200,000
// products in SQL (bench/seed-sql.ts; BENCH_ENTITIES / BENCH_PRODUCTS to change), gives every certified product a
// certificate (a few expired or revoked) and about 40 % of the entities a sales channel (most verified), then prints
// the national dashboard's figures (GET /api/v1/dashboard) as p50/p95 server time: warm, right after a write (the
// next load recounts the written commune), and the first load of a day (the server's clock moved a day at a time:
// the day's dated changes applied); then each indicator alone, then the Google feed's time and
// the process's memory while it streams over HTTP. Real HTTP on a local port, the public micro-cache off. Tests never assert on time; this prints figures.
//   DATABASE_URL=postgres://… npx tsx bench/trade.bench.ts
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/app/config.js';
import { openPostgres } from '../src/app/db.js';
import { migrate } from '../src/app/migrate.js';
import { buildApp, loadReferenceData } from '../src/modules/index.js';
import { vnDate } from '../src/modules/scoring/index.js';
import { countsForToday } from '../src/modules/stats/index.js';
import { withDatabase } from '../test/harness.js';
import { seedSyntheticSql } from './seed-sql.js';

if (!process.env.DATABASE_URL) {
  console.error('set DATABASE_URL (e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres); it creates the database ocop_bench_trade');
  process.exit(2);
}
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 100_000);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 200_000);
const DB = process.env.BENCH_DB ?? 'ocop_bench_trade';
const url = withDatabase(process.env.DATABASE_URL, DB);

const admin = new pg.Client({ connectionString: withDatabase(process.env.DATABASE_URL, 'postgres') });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB])).rowCount;
await admin.end();
if (!exists || process.env.BENCH_RESEED) {
  const a = new pg.Client({ connectionString: withDatabase(process.env.DATABASE_URL, 'postgres') });
  await a.connect();
  await a.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await a.query(`CREATE DATABASE ${DB}`);
  await a.end();
  const database = await openPostgres(url, 2);
  await migrate(database);
  await loadReferenceData(database);
  const t0 = performance.now();
  await seedSyntheticSql(database, ENTITIES, PRODUCTS);
  await database.session(async (run) => {
    // Certificates for the certified products: issued over the last three years, 2 % revoked, 3 % past expiry.
    await run(`INSERT INTO certificate (number, product_id, entity_id, province_code, stars, kind, authority_level, authority, decision_number, decided_on, issued_on, expires_on, instrument, status, revoked_on, revocation_ground)
      SELECT 'B-' || p.code, p.id, p.entity_id, p.province_code, p.stars, 'first', 'province', 'UBND tỉnh', '1/QĐ-UBND', d, d, (d + interval '36 months')::date, 'QĐ 26/2026/QĐ-TTg',
        CASE WHEN h BETWEEN 0.03 AND 0.05 THEN 'revoked' ELSE 'valid' END, CASE WHEN h BETWEEN 0.03 AND 0.05 THEN current_date - 10 END, CASE WHEN h BETWEEN 0.03 AND 0.05 THEN 'c' END
      FROM product p CROSS JOIN LATERAL (SELECT (hashtext(p.id::text) & 2147483647)::float8 / 2147483648 AS h) x
        CROSS JOIN LATERAL (SELECT (current_date - (h * 1000)::int - CASE WHEN h < 0.03 THEN 1100 ELSE 0 END) AS d) y
      WHERE p.status = 'certified' AND p.stars BETWEEN 3 AND 5`);
    // Channels for about 40 % of the entities: a modern or other type, 80 % verified, some ended.
    await run(`INSERT INTO sales_channel (entity_id, type, partner_name, starts_on, ends_on, status, province_code, commune_code)
      SELECT e.id, (ARRAY['supermarket','convenience_store','ocop_point_of_sale','ecommerce','export','social_shop','traditional_market','agent'])[1 + (h * 8)::int % 8],
        'Đối tác', current_date - 400, CASE WHEN h < 0.03 THEN current_date - 5 END, CASE WHEN (h * 10)::int % 5 = 0 THEN 'unverified' ELSE 'verified' END, e.province_code, e.commune_code
      FROM entity e CROSS JOIN LATERAL (SELECT (hashtext(e.id::text || 'c') & 2147483647)::float8 / 2147483648 AS h) x WHERE h < 0.4`);
    for (const table of ['product', 'entity', 'certificate', 'sales_channel']) await run(`VACUUM ANALYZE ${table}`);
  });
  console.log(`seeded ${ENTITIES.toLocaleString('en')} entities, ${PRODUCTS.toLocaleString('en')} products, certificates and channels in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await database.close();
}

const database = await openPostgres(url, 4);
await migrate(database); // a database seeded by an earlier version gains the newer migrations
const app = await buildApp({ ...loadConfig({}), databaseUrl: url, demo: false, publicCacheSeconds: 0 }, database, { logger: false });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const get = async (path: string) => {
  const res = await fetch(base + path);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
  return body;
};
const timed = async (path: string) => { const t0 = performance.now(); const body = await get(path); return { ms: performance.now() - t0, body }; };

// The server's clock, moved by whole days to simulate the first load of a day (the route reads `new Date()`).
let shiftMs = 0;
const RealDate = Date;
class ShiftedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length) super(...(args as [number]));
    else super(RealDate.now() + shiftMs);
  }
  static now() { return RealDate.now() + shiftMs; }
}
globalThis.Date = ShiftedDate as DateConstructor;
const DAY_MS = 86_400_000;
const write = () => database.db.execute(sql`UPDATE sales_channel SET status = CASE WHEN status = 'verified' THEN 'unverified' ELSE 'verified' END WHERE id = ${ch.id}`);
const line = (label: string, xs: number[]) => `${label.padEnd(58)} p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms (${xs.length} loads)`;

// The counts recounted in full, as of DAYS days ago (what the migration, or a new list of modern channel types, costs
// once; the start's background check has made them current first). Then the first load of each following day,
// today's included: the day's dated changes applied (no recount), then the figures read.
await countsForToday(database.db);
const DAYS = Number(process.env.BENCH_DAYS ?? 9);
shiftMs = -DAYS * DAY_MS;
await database.db.execute(sql`UPDATE stats_count_state SET as_of = NULL`);
const t0 = performance.now();
await get('/api/v1/dashboard');
const fullRecount = performance.now() - t0;
const firstOfDay: number[] = [];
const rollover: number[] = [];
for (let k = DAYS - 1; k >= 0; k--) {
  shiftMs = -k * DAY_MS;
  const [due] = (await database.db.execute(sql`SELECT count(*)::int AS n FROM stats_commune_change WHERE on_day <= ${vnDate(new Date())}`) as unknown as { rows: { n: number }[] }).rows;
  rollover.push(due.n);
  firstOfDay.push((await timed('/api/v1/dashboard')).ms);
}
shiftMs = 0;
const [ch] = (await database.db.execute(sql`SELECT id, status FROM sales_channel ORDER BY id LIMIT 1`) as unknown as { rows: { id: string; status: string }[] }).rows;
// Warm loads, then loads right after a write (a channel verified or unverified: the next load recounts its commune).
const warm: number[] = [];
for (let i = 0; i < ROUNDS; i++) warm.push((await timed('/api/v1/dashboard')).ms);
const afterWrite: number[] = [];
for (let i = 0; i < ROUNDS; i++) { await write(); afterWrite.push((await timed('/api/v1/dashboard')).ms); }
if (afterWrite.length % 2) await write(); // back to the channel's status
// The national dashboard page (/thong-ke) asks for two answers at once: the figures and the provinces' shares (map,
// progress): its server time is the slower of the two, measured here as their sum (an upper bound).
const page: number[] = [];
for (let i = 0; i < ROUNDS; i++) page.push((await timed('/api/v1/dashboard')).ms + (await timed('/api/v1/indicators/modern-channels-by-province')).ms);
const pageAfterWrite: number[] = [];
for (let i = 0; i < ROUNDS; i++) { await write(); pageAfterWrite.push((await timed('/api/v1/dashboard')).ms + (await timed('/api/v1/indicators/modern-channels-by-province')).ms); }
if (pageAfterWrite.length % 2) await write();
// The same figures as nine separate requests (the sum per load).
const DASHBOARD = ['modern-channels', 'products-by-stars', 'products-by-sector', 'products-by-province', 'certificates',
  'entities-by-type', 'entities-by-sex', 'entities-by-ethnicity', 'entities-by-disability'].map((n) => `/api/v1/indicators/${n}`);
const loadDashboard = async () => { let total = 0; for (const p of DASHBOARD) total += (await timed(p)).ms; return total; };
const separate: number[] = [];
for (let i = 0; i < ROUNDS; i++) separate.push(await loadDashboard());

console.log(`\nNational dashboard's figures, GET /api/v1/dashboard (${ENTITIES.toLocaleString('en')} entities, ${PRODUCTS.toLocaleString('en')} products):`);
console.log(line('  warm', warm));
console.log(line('  right after a write (its commune recounted)', afterWrite));
console.log(line('  first load of a day (the day\'s dated changes applied)', firstOfDay) + `; changes due per day: ${rollover.join(', ')}`);
console.log(`  a recount of every commune (the migration, or new modern types; once): ${(fullRecount / 1000).toFixed(1)} s`);
console.log(line('National dashboard page (+ modern-channels-by-province, summed)', page));
console.log(line('  right after a write', pageAfterWrite));
console.log(line(`The same figures as ${DASHBOARD.length} separate requests (sum per load)`, separate));
console.log('');

const paths = ['/api/v1/indicators/modern-channels', '/api/v1/indicators/modern-channels?province=08', '/api/v1/indicators/modern-channels?commune=00769',
  '/api/v1/indicators/products-by-stars', '/api/v1/indicators/products-by-sector', '/api/v1/indicators/products-by-province', '/api/v1/indicators/certificates',
  '/api/v1/indicators/entities-by-type', '/api/v1/indicators/entities-by-sex', '/api/v1/indicators/entities-by-ethnicity?province=08', '/api/v1/indicators/entities-by-disability',
  '/api/v1/indicators/modern-channels-by-province', '/api/v1/indicators/modern-channels-by-commune?province=08', '/api/v1/indicators/products-by-commune?province=08',
  '/api/v1/indicators/products-by-stars?from=2025-01-01&to=2025-12-31', '/api/v1/indicators/products-by-province?from=2025-01-01&to=2025-12-31',
  '/api/v1/channels?province=08&status=unverified&sort=createdAt'];
for (const p of paths) {
  const times: number[] = [];
  let body = '';
  for (let i = 0; i < Math.min(ROUNDS, 9); i++) ({ ms: times[i], body } = await timed(p));
  console.log(`${p.padEnd(66)} p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms${p.endsWith('modern-channels') ? `  ${body}` : ''}`);
}

// The feeds over real HTTP, read chunk by chunk and dropped: time and the server's memory while it streams. The
// partner JSON lists every certified product (the Google feed walks the same batches but keeps only the products
// with a price and a photo, few in the synthetic data).
if (!process.env.BENCH_NO_FEED) {
  for (const [path, marker] of [['/feeds/products.json', '"productId"'], ['/feeds/google-merchant.xml', '<item>']]) {
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
    const t0 = performance.now();
    const res = await fetch(base + path);
    let bytes = 0; let items = 0; let tail = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      const text = tail + decoder.decode(chunk, { stream: true });
      items += text.split(marker).length - 1;
      tail = text.slice(-(marker.length - 1));
    }
    clearInterval(timer);
    console.log(`${path}: ${(bytes / 1e6).toFixed(1)} MB, ${items.toLocaleString('en')} items in ${((performance.now() - t0) / 1000).toFixed(2)} s; RSS peak +${((peak - rss0) / 1e6).toFixed(0)} MB over ${(rss0 / 1e6).toFixed(0)} MB while streaming`);
  }
}
await app.close();
await database.close();
