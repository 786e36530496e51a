// Trace benchmark (issue 12), on the embedded database and, when DATABASE_URL is set, on PostgreSQL: EPCIS capture
// throughput of 1,000-event documents (schema validation and CBV hash IDs included) in events/s through
// POST /epcis/capture; MATCH_epc and full-chain (/epcis/trace, back and forward) latency p50/p95 with a million
// stored events; the Digital Link resolver's requests/s beside the health route's in the same run, without the public
// micro-cache. BENCH_TRACE_EVENTS changes the stored count (default 1,000,000), BENCH_TRACE_DOCS the captured
// documents (default 10; 0 skips the capture figure), BENCH_TRACE_CONCURRENCY how many are in flight at once
// (default 4; 1 sends them one after another). BENCH_TRACE_DATABASE names an existing PostgreSQL database to
// reuse instead of a fresh one (e.g. a copy of a database already holding the million events: CREATE DATABASE x
// TEMPLATE y): it is migrated, topped up to the stored count if it holds fewer, and never dropped; the embedded run is
// then skipped. Tests never assert on time; this prints figures against the targets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/app/config.js';
import { openPostgres, query, type Database } from '../src/app/db.js';
import { withDatabase } from '../test/harness.js';
import { onEachEngine } from './engines.js';
import { migrate } from '../src/app/migrate.js';
import { buildApp, loadReferenceData } from '../src/modules/index.js';
import { bulkEvents, captureThroughput, centralToken, latency, ms, queryPaths } from './trace-lib.js';

const STORED = Number(process.env.BENCH_TRACE_EVENTS ?? 1_000_000);
const DOCS = Number(process.env.BENCH_TRACE_DOCS ?? 10);
const REUSE = process.env.BENCH_TRACE_DATABASE;
const CONCURRENCY = Number(process.env.BENCH_TRACE_CONCURRENCY ?? 4);

async function rps(url: string, seconds: number, headers: Record<string, string> = {}) {
  return (await autocannon({ url, connections: 10, duration: seconds, headers })).requests.average;
}

/** The resolver (GET /01/{gtin}, built on its own branch): the linkset of a product with a GTIN, or why not. */
async function resolverUrl(origin: string, database: Database): Promise<string | string[]> {
  const [row] = await query<{ gtin: string }>(database.db, sql`SELECT gtin FROM product WHERE gtin IS NOT NULL LIMIT 1`);
  const probe = await fetch(`${origin}/01/${row?.gtin ?? '09506000134352'}?linkType=linkset`);
  const body = await probe.text();
  if (probe.status === 404 && body.includes('route_not_found')) return ['not available (no resolver route in this build)'];
  if (!row) return ['not available (no product carries a GTIN)'];
  if (probe.status !== 200) return [`not available (GET /01/${row.gtin}?linkType=linkset answered ${probe.status})`];
  return `${origin}/01/${row.gtin}?linkType=linkset`;
}

async function run(label: string, database: Database) {
  await migrate(database);
  await loadReferenceData(database);
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bench-trace-'));
  const app = await buildApp({ ...loadConfig({}), dataDir, logLevel: 'warn', publicCacheSeconds: 0 }, database, { logger: false });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const token = await centralToken(database, origin);

  const capture = DOCS > 0 ? await captureThroughput(origin, token, DOCS, 0, CONCURRENCY) : undefined;
  const captured = capture?.events ?? 0;
  const t0 = Date.now();
  const bulkLots = Math.max(0, Math.ceil((STORED - captured) / 10));
  const [{ bulk }] = await query<{ bulk: number }>(database.db, sql`SELECT count(*)::int AS bulk FROM epcis_event WHERE capture_id = 'bulk-bench'`);
  if (Number(bulk) < bulkLots * 10) await bulkEvents(database, bulkLots); // a reused database may hold them already
  const [{ n }] = await query<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM epcis_event`);
  console.log(`\n## ${label}: ${Number(n).toLocaleString('vi-VN')} stored events (${captured.toLocaleString('vi-VN')} captured, the rest written in bulk in ${((Date.now() - t0) / 1000).toFixed(0)} s)`);

  const { match, chain } = queryPaths(bulkLots, Number(process.env.BENCH_TRACE_QUERIES ?? 200), 'S');
  await latency(origin, token, match.slice(0, 20)); // warm-up
  const m = await latency(origin, token, match);
  const c = await latency(origin, token, chain.slice(0, 60));
  const health = await rps(`${origin}/api/v1/health`, 8);
  const resolver = await resolverUrl(origin, database);
  const resolverRps = typeof resolver === 'string' ? await rps(resolver, 8) : undefined;
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });

  if (capture) console.log(`capture  POST /epcis/capture, ${DOCS} documents of 1.000 events (validated, hash IDs), ${CONCURRENCY} in flight: ${capture.eventsPerSecond.toFixed(0)} events/s   target ≥ 10.000 events/s on PostgreSQL`);
  console.log(`query    GET /epcis/events?MATCH_epc=<jar> (${m.n} requests): p50 ${ms(m.p50)}, p95 ${ms(m.p95)}, CPU ${ms(m.cpuMs)}/request   target p95 < 10 ms on PostgreSQL`);
  console.log(`chain    GET /epcis/trace?epc=<lot>&direction=both (${c.n} requests): p50 ${ms(c.p50)}, p95 ${ms(c.p95)}, CPU ${ms(c.cpuMs)}/request`);
  console.log(resolverRps === undefined
    ? `resolver GET /01/{gtin}?linkType=linkset: ${(resolver as string[])[0]}; health ${health.toFixed(0)} req/s`
    : `resolver GET /01/{gtin}?linkType=linkset, no micro-cache (10 connections, 8 s): ${resolverRps.toFixed(0)} req/s; health ${health.toFixed(0)} req/s; ratio ${(resolverRps / health).toFixed(2)} (target ≥ 0.5)`);
}

if (REUSE) {
  if (!process.env.DATABASE_URL) throw new Error('BENCH_TRACE_DATABASE needs DATABASE_URL (the server to find it on)');
  const database = await openPostgres(withDatabase(process.env.DATABASE_URL, REUSE));
  try { await run(`PostgreSQL (${REUSE}, reused)`, database); } finally { await database.close(); }
} else {
  await onEachEngine('ocop_bench_trace', run, { embedded: process.env.BENCH_TRACE_ENGINES !== 'postgresql', embeddedOnDisk: true });
}
