// GS1 Digital Link resolver benchmark: requests per second of a lot's Digital Link (the 307 a phone gets, and the
// linkset a machine asks for) beside the health route, in the same run, WITHOUT the public micro-cache (the resolver
// never uses it), on the embedded database and, when DATABASE_URL is set, on PostgreSQL. Target: the resolver at
// least half the health route's throughput. BENCH_PRODUCTS traced products (default 2,000), each with a GTIN and a lot.
// The resolver keeps each identifier's answer until a write could change it (src/modules/trace/resolver.cache.ts, an
// exact cache): one lot asked again and again is answered from it; a last line spreads the requests over every
// traced lot, so the first request of each reads the database, and one over fresh lots with the cache cleared
// before each request (every request reads the database: the cost without the cache).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/app/config.js';
import { query, type Database } from '../src/app/db.js';
import { onEachEngine } from './engines.js';
import { migrate } from '../src/app/migrate.js';
import { buildApp, loadReferenceData } from '../src/modules/index.js';
import { seedSynthetic } from '../src/cli/seed/seed.js';
import { gtinUnderPrefix } from '../src/modules/trace/gs1.rules.js';
import { resolverWriteCommitted } from '../src/modules/trace/index.js';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);

async function rps(url: string, headers: Record<string, string> = {}, more: Record<string, unknown> = {}) {
  const r = await autocannon({ url, connections: 10, duration: SECONDS, headers, ...more }) as { non2xx: number; requests: { average: number; total: number } };
  if (r.non2xx && r.non2xx !== r.requests.total && !url.includes('/01/')) throw new Error(`${url}: ${r.non2xx} errors`);
  return r.requests.average;
}

async function run(label: string, database: Database) {
  await migrate(database);
  await loadReferenceData(database);
  await seedSynthetic(database, Math.ceil(PRODUCTS / 2), PRODUCTS);
  const ids = await query<{ id: string }>(database.db, sql`SELECT p.id FROM product p JOIN entity e ON e.id = p.entity_id WHERE p.status <> 'draft' AND e.status = 'approved' ORDER BY p.id`);
  const traced = ids.map((r, i) => ({ id: r.id, gtin: gtinUnderPrefix('8930009', i + 1) }));
  await database.db.transaction(async (tx) => {
    for (const p of traced) {
      await tx.execute(sql`UPDATE product SET gtin = ${p.gtin} WHERE id = ${p.id}`);
      await tx.execute(sql`INSERT INTO trace_lot (product_id, gtin, lot, produced_on) VALUES (${p.id}, ${p.gtin}, 'LOT1', '2026-03-01')`);
    }
  });
  await database.session(async (r) => { await r('VACUUM ANALYZE product'); await r('VACUUM ANALYZE trace_lot'); await r('VACUUM ANALYZE certificate'); });
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bench-'));
  const app = await buildApp({ ...loadConfig({}), dataDir, logLevel: 'warn', publicCacheSeconds: 0 }, database, { logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const sample = traced[Math.floor(traced.length / 2)];
  const link = `${address}/01/${sample.gtin}/10/LOT1`;
  const check = await fetch(link, { redirect: 'manual' });
  if (check.status !== 307) throw new Error(`${link}: ${check.status}`);
  await rps(`${address}/api/v1/health`); // warm-up
  const health = await rps(`${address}/api/v1/health`);
  const redirect = await rps(link);
  const linkset = await rps(`${link}?linkType=linkset`);
  // Every traced lot in turn (each connection walks the list from its start: concurrent first requests for a lot
  // share one read).
  const paths = traced.map((p) => `/01/${p.gtin}/10/LOT1`);
  const spread = await rps(link, {}, { requests: paths.map((path) => ({ method: 'GET', path })) });
  // Without the cache: cleared before each request (what the server did before it had one).
  const uncached = await rps(link, {}, { requests: [{ method: 'GET', path: new URL(link).pathname, setupRequest: (req: unknown) => { resolverWriteCommitted(); return req; } }] });
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`\n## ${label}: ${traced.length.toLocaleString('vi-VN')} traced products, no micro-cache, 10 connections, ${SECONDS} s each`);
  console.log(`health GET /api/v1/health ${health.toFixed(0)} req/s`);
  console.log(`resolver 307 GET /01/{gtin}/10/{lot} ${redirect.toFixed(0)} req/s, ratio ${(redirect / health).toFixed(2)} (target ≥ 0.5)`);
  console.log(`resolver linkset GET /01/{gtin}/10/{lot}?linkType=linkset ${linkset.toFixed(0)} req/s, ratio ${(linkset / health).toFixed(2)} (target ≥ 0.5)`);
  console.log(`resolver 307 over all ${paths.length.toLocaleString('vi-VN')} lots (each one's first request reads the database) ${spread.toFixed(0)} req/s, ratio ${(spread / health).toFixed(2)}`);
  console.log(`resolver 307 with the cache cleared before every request (each reads the database) ${uncached.toFixed(0)} req/s, ratio ${(uncached / health).toFixed(2)}`);
}

await onEachEngine('ocop_bench_resolver', run);
