// What the trace benchmarks share: a central-office API token, EPCIS capture throughput through POST /epcis/capture,
// query latency, and a bulk filler that writes a million stored events with the database's own generate_series.
import { sql } from 'drizzle-orm';
import { PUBLIC } from '../src/app/actor.js';
import { query, type Database } from '../src/app/db.js';
import { createUser } from '../src/modules/accounts/index.js';
import { companyKeys, EVENTS_PER_LOT, JARS_PER_LOT, lotIdentifiers, lotsDocument } from '../src/cli/seed/events.js';

export const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
export const ms = (x: number) => `${x.toFixed(1)} ms`;

/** A central-office account's API token (what a partner repository would be given). */
export async function centralToken(database: Database, origin: string): Promise<string> {
  const email = `bench.${Date.now()}@bench.ocop.vn`;
  const password = 'correct horse battery staple';
  await database.db.transaction((tx) => createUser({ actor: PUBLIC, tx, log: console as never, now: new Date() }, { email, fullName: 'Bench', password, role: 'central' }, { checkPolicy: false }));
  const login = await fetch(`${origin}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = await login.json() as { csrfToken: string };
  const res = await fetch(`${origin}/api/v1/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken, origin }, body: JSON.stringify({ name: 'bench' }) });
  if (res.status !== 201) throw new Error(`token: ${res.status} ${await res.text()}`);
  return (await res.json() as { token: string }).token;
}

/** Events per second through POST /epcis/capture: `docs` documents of 1,000 events without eventIDs (so every event
 * is validated against the schema and given its hash ID), `concurrency` of them in flight at a time, as a partner
 * repository or a batch of producers' uploads sends them: EPCIS 2.0 capture is asynchronous (202 and a job), nothing
 * in the standard orders one document after another, and the repository serialises what must be serialised (each hash
 * chain's links) itself. Each answer is awaited, so every counted event is committed. Lots from `firstLot`. */
export async function captureThroughput(origin: string, token: string, docs: number, firstLot: number, concurrency = 1): Promise<{ eventsPerSecond: number; events: number; seconds: number; concurrency: number }> {
  const lotsPerDoc = 1000 / EVENTS_PER_LOT;
  // Bytes ready to send: the client shares the process with the server, and re-encoding each 1.2 MB text per request
  // would be counted against the server.
  const bodies = Array.from({ length: docs }, (_, i) => new TextEncoder().encode(JSON.stringify(lotsDocument(firstLot + i * lotsPerDoc, lotsPerDoc))));
  // Warm-up documents (schema compilation, JIT, one per connection), not counted.
  await Promise.all(Array.from({ length: concurrency }, (_, j) => post(origin, token, new TextEncoder().encode(JSON.stringify(lotsDocument(firstLot + (docs + j) * lotsPerDoc, lotsPerDoc))))));
  const t = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, docs) }, async () => {
    while (next < bodies.length) await post(origin, token, bodies[next++]);
  }));
  const seconds = (performance.now() - t) / 1000;
  return { eventsPerSecond: (docs * 1000) / seconds, events: docs * 1000, seconds, concurrency };
}

async function post(origin: string, token: string, body: Uint8Array<ArrayBuffer>) {
  const res = await fetch(`${origin}/epcis/capture`, { method: 'POST', headers: { 'content-type': 'application/ld+json', authorization: `Bearer ${token}` }, body });
  if (res.status !== 202) throw new Error(`capture: ${res.status} ${await res.text()}`);
}

/** Latency percentiles of `paths` asked one after another, and the process's CPU time per request (the server and
 * this client share the process: a figure less swayed by the machine's other load than wall-clock time). */
export async function latency(origin: string, token: string, paths: string[]) {
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (const p of paths) {
    const t = performance.now();
    // A keep-alive connection left idle through the bulk fill may have been closed by the server: one retry.
    const get = () => fetch(origin + p, { headers: { authorization: `Bearer ${token}` } });
    const res = await get().catch(get);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  return { p50: pct(times, 50), p95: pct(times, 95), n: times.length, cpuMs: (used.user + used.system) / 1000 / times.length };
}

/** MATCH_epc on jars of lots drawn over [0, lots), and the full chain (back and forward) of their jar lots. */
export function queryPaths(lots: number, n: number, prefix: 'L' | 'S' = 'L') {
  let seed = 12345;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const match: string[] = [];
  const chain: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(next() * lots);
    const ids = prefix === 'L' ? lotIdentifiers(k) : bulkLotIdentifiers(k);
    match.push(`/epcis/events?MATCH_epc=${encodeURIComponent(ids.jars[Math.floor(next() * JARS_PER_LOT)])}`);
    chain.push(`/epcis/trace?epc=${encodeURIComponent(ids.jarLot)}&direction=both`);
  }
  return { match, chain };
}

// ── Bulk filler ─────────────────────────────────────────────────────────────────────────────────────────────

const DL = 'https://id.gs1.org';

/** The identifiers of bulk lot k (lot numbers `S{k}`, beside the captured `L{k}` lots of seedEvents). */
export function bulkLotIdentifiers(k: number) {
  const keys = companyKeys(k);
  const lot = `S${k}`;
  return { rawLot: `${DL}/01/${keys.raw}/10/${lot}`, jarLot: `${DL}/01/${keys.jar}/10/${lot}`, jars: Array.from({ length: JARS_PER_LOT }, (_, j) => `${DL}/01/${keys.jar}/21/${lot}-${j + 1}`) };
}

/** Which identifiers each of a lot's ten steps names, with their roles: the shape of seedEvents' lots. */
const STEPS: [step: number, type: string, bizStep: string, disposition: string, action: string | null, ids: [role: string, what: string][]][] = [
  [0, 'ObjectEvent', 'commissioning', 'active', 'ADD', [['class', 'raw']]],
  [1, 'ObjectEvent', 'inspecting', 'conformant', 'OBSERVE', [['class', 'raw']]],
  [2, 'TransformationEvent', 'commissioning', 'active', null, [['inputClass', 'raw'], ['outputClass', 'jarLot'], ...Array.from({ length: JARS_PER_LOT }, (_, j) => ['output', `jar${j + 1}`] as [string, string])]],
  [3, 'AggregationEvent', 'packing', 'in_progress', 'ADD', [['parent', 'carton0'], ...Array.from({ length: 6 }, (_, j) => ['child', `jar${j + 1}`] as [string, string])]],
  [4, 'AggregationEvent', 'packing', 'in_progress', 'ADD', [['parent', 'carton1'], ...Array.from({ length: 6 }, (_, j) => ['child', `jar${j + 7}`] as [string, string])]],
  [5, 'ObjectEvent', 'storing', 'sellable_not_accessible', 'OBSERVE', [['epc', 'carton0'], ['epc', 'carton1']]],
  [6, 'TransactionEvent', 'shipping', 'in_transit', 'ADD', [['epc', 'carton0'], ['epc', 'carton1']]],
  [7, 'ObjectEvent', 'departing', 'in_transit', 'OBSERVE', [['epc', 'carton0'], ['epc', 'carton1']]],
  [8, 'ObjectEvent', 'receiving', 'sellable_accessible', 'OBSERVE', [['epc', 'carton0'], ['epc', 'carton1']]],
  [9, 'ObjectEvent', 'retail_selling', 'retail_sold', 'OBSERVE', [['epc', 'jar1']]],
];

/**
 * Writes `lots` lots (ten events each, about 39 identifier rows) with generate_series: the million stored events the
 * query figures are measured over, in a minute or two instead of the capture path's many minutes. The events are
 * shaped like seedEvents' (same companies, steps, identifiers and bodies' fields) but filed under one bulk capture
 * outside any hash chain: they are the repository's past, not what is being measured. (Their carton SSCCs end in X
 * instead of a computed check digit: nothing parses them, only the index reads them.)
 */
export async function bulkEvents(database: Database, lots: number, batch = 20_000): Promise<void> {
  const companies = Array.from({ length: 500 }, (_, c) => ({ c, ...companyKeys(c) }));
  const steps = STEPS.map(([step, type, bizStep, disposition, action]) => `(${step}, '${type}', 'https://ref.gs1.org/cbv/BizStep-${bizStep}', 'https://ref.gs1.org/cbv/Disp-${disposition}', ${action ? `'${action}'` : 'NULL'}, '${bizStep}', '${disposition}')`).join(',');
  const ids = STEPS.flatMap(([step, , , , , list]) => list.map(([role, what]) => `(${step}, '${role}', '${what}')`)).join(',');
  await database.session(async (run) => {
    await run(`INSERT INTO epcis_capture (id, running, success, error_behaviour) VALUES ('bulk-bench', false, true, 'rollback') ON CONFLICT DO NOTHING`);
    await run(`DROP TABLE IF EXISTS bench_company; CREATE TEMP TABLE bench_company (c int PRIMARY KEY, prefix text, raw text, jar text, area text, workshop text, warehouse text, shop text);
      INSERT INTO bench_company SELECT * FROM jsonb_to_recordset('${JSON.stringify(companies)}'::jsonb) AS x(c int, prefix text, raw text, jar text, area text, workshop text, warehouse text, shop text);`);
    for (let from = 0; from < lots; from += batch) {
      const to = Math.min(lots, from + batch) - 1;
      await run(`
        WITH lot AS (
          SELECT k, 'S' || k AS lot, co.*, timestamptz '2025-01-01 00:00:00+07' + (k % 200000) * interval '5 minutes' AS t0
          FROM generate_series(${from}, ${to}) k JOIN bench_company co ON co.c = k % 500
        ), ins AS (
          INSERT INTO epcis_event (event_id, capture_id, event_type, event_time, event_time_zone, record_time, action, biz_step, disposition, read_point, biz_location, body, context)
          SELECT 'urn:ocop:bench:' || l.k || ':' || s.step, 'bulk-bench', s.type, l.t0 + s.step * interval '1 day', '+07:00', now(), s.action, s.biz_step, s.disposition,
                 '${DL}/414/' || CASE WHEN s.step < 5 THEN l.workshop WHEN s.step < 8 THEN l.warehouse ELSE l.shop END, NULL,
                 jsonb_strip_nulls(jsonb_build_object('type', s.type, 'eventID', 'urn:ocop:bench:' || l.k || ':' || s.step, 'eventTime', to_char((l.t0 + s.step * interval '1 day' + interval '7 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS+07:00'),
                   'eventTimeZoneOffset', '+07:00', 'action', s.action, 'bizStep', s.word_step, 'disposition', s.word_disp,
                   'readPoint', jsonb_build_object('id', '${DL}/414/' || CASE WHEN s.step < 5 THEN l.workshop WHEN s.step < 8 THEN l.warehouse ELSE l.shop END))),
                 '["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"]'::jsonb
          FROM lot l CROSS JOIN (VALUES ${steps}) AS s(step, type, biz_step, disposition, action, word_step, word_disp)
          RETURNING seq, event_id
        )
        INSERT INTO epcis_event_epc (event_seq, role, epc)
        SELECT ins.seq, i.role, CASE
            WHEN i.what = 'raw' THEN '${DL}/01/' || l.raw || '/10/' || l.lot
            WHEN i.what = 'jarLot' THEN '${DL}/01/' || l.jar || '/10/' || l.lot
            WHEN i.what LIKE 'jar%' THEN '${DL}/01/' || l.jar || '/21/' || l.lot || '-' || substr(i.what, 4)
            ELSE '${DL}/00/0' || l.prefix || lpad((l.k * 2 + substr(i.what, 7)::int)::text, 9, '0') || 'X' END
        FROM ins
        JOIN lot l ON l.k = split_part(ins.event_id, ':', 4)::bigint
        JOIN (VALUES ${ids}) AS i(step, role, what) ON i.step = split_part(ins.event_id, ':', 5)::int`);
    }
    await run('VACUUM ANALYZE epcis_event');
    await run('VACUUM ANALYZE epcis_event_epc');
  });
  const [{ n }] = await query<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM epcis_event`);
  if (Number(n) < lots * EVENTS_PER_LOT) throw new Error(`bulk events: ${n} stored, ${lots * EVENTS_PER_LOT} expected`);
}
