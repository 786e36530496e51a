// The list indexes are guarded by the plans (issue 11, item 3): on a synthetic data set with fresh statistics, the
// API's and the catalogue's list requests run through the real routes while drizzle logs every query they send;
// each query is then explained (EXPLAIN (FORMAT JSON), with its own parameters) and must not read `product` or
// `entity` by a sequential scan. The planner is left alone (no enable_seqscan): the data set is large enough that
// reading a page through an index is cheaper than scanning the table, and the statistics are ANALYZE's. On PostgreSQL
// each query is also explained as a generic plan (PREPARE, then EXECUTE under force_generic_plan): the plan the server's
// prepared statements run with whatever values come (db.ts queryPrepared), which must not scan either.
// A product search reads its words' index instead (product_word, see problems()). The one exception is the capped count (src/app/paging.ts's countCapped): it reads up to TOTAL_CAP matching rows,
// which at this size is every match, so a scan is the planner's honest choice there; it must stay capped (a Limit).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql, type Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { query, type Db } from '../src/app/db.js';
import { seedSynthetic } from '../src/cli/seed/seed.js';
import { buildApp } from '../src/modules/index.js';
import { entityListQuery, productListQuery } from '../src/modules/registry/registry.contract.js';
import { MEO_VAC, testApp, withDatabase, type Session, type TestApp } from './harness.js';

// Enough rows that a page through an index beats a scan (at 6,000 entities the planner rightly scans the
// entity table for a rare name rather than look up its trigrams), few enough to seed in seconds on PGlite.
const ENTITIES = 16_000;
const PRODUCTS = 10_000;

type Captured = { query: string; params: unknown[] };
type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };

let t: TestApp;
let app: FastifyInstance;
let explain: (q: Captured) => Promise<PlanNode>;
let explainGeneric: ((q: Captured) => Promise<PlanNode>) | undefined;
let closeExtra: () => Promise<void> = async () => {};
let dataDir: string;
const captured: Captured[] = [];
const as: Record<string, Session | undefined> = {};
let someEntity: string;
let someProduct: string;
let somePlace: string;

before(async () => {
  t = await testApp();
  await seedSynthetic(t.database, ENTITIES, PRODUCTS); // ends with ANALYZE
  const logger: Logger = { logQuery: (q, params) => { captured.push({ query: q, params }); } };
  let db: Db;
  if (t.database.pglite) {
    const client = t.database.pglite;
    db = drizzlePglite(client, { logger }) as unknown as Db;
    explain = async (c) => (await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${c.query}`, c.params)).rows[0]['QUERY PLAN'][0].Plan;
  } else {
    const [{ name }] = await query<{ name: string }>(t.database.db, sql`SELECT current_database() AS name`);
    const pool = new pg.Pool({ connectionString: withDatabase(process.env.DATABASE_URL!, name), max: 2, options: '-c random_page_cost=1.1' });
    pool.on('error', () => {}); // an idle connection ended from outside (the database dropped at the end): nothing to do
    db = drizzlePg(pool, { logger }) as unknown as Db;
    explain = async (c) => (await pool.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${c.query}`, c.params)).rows[0]['QUERY PLAN'][0].Plan;
    explainGeneric = async (c) => {
      const client = await pool.connect();
      try {
        await client.query(`PREPARE generic AS ${c.query}`);
        await client.query('SET plan_cache_mode = force_generic_plan');
        // EXECUTE takes no parameters of its own: the values are written in (a generic plan does not read them).
        const args = c.params.length ? `(${c.params.map((v) => (v === null ? 'NULL' : client.escapeLiteral(typeof v === 'object' ? JSON.stringify(v) : String(v)))).join(', ')})` : '';
        return (await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) EXECUTE generic${args}`)).rows[0]['QUERY PLAN'][0].Plan;
      } finally {
        await client.query('DEALLOCATE ALL; RESET plan_cache_mode');
        client.release();
      }
    };
    closeExtra = () => pool.end();
  }
  // The same server, on a connection whose queries are logged.
  dataDir = mkdtempSync(join(tmpdir(), 'ocop-explain-'));
  app = await buildApp({ ...t.config, dataDir }, { ...t.database, db }, { logger: false });
  await app.ready();
  as.central = await t.user('central');
  as.province = await t.user('province', { provinceCode: '08' });
  as.commune = await t.user('commune', { communeCode: MEO_VAC });
  const [row] = await query<{ entity_id: string; id: string }>(t.database.db, sql`SELECT entity_id, id FROM product WHERE status = 'certified' ORDER BY code LIMIT 1`);
  someEntity = row.entity_id;
  someProduct = row.id;
  // A place an entity's name carries, without its diacritics: a search for a producer where it is.
  const [place] = await query<{ q: string }>(t.database.db, sql`SELECT f_unaccent(c.name) AS q FROM entity e JOIN commune c ON c.code = e.commune_code WHERE e.type = 'htx' ORDER BY e.registration_number LIMIT 1`);
  somePlace = place.q;
});

after(async () => {
  await app?.close();
  await closeExtra();
  await t?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function seqScans(node: PlanNode, found: string[] = []): string[] {
  if (node['Node Type'] === 'Seq Scan' && (node['Relation Name'] === 'product' || node['Relation Name'] === 'entity')) found.push(node['Relation Name']);
  for (const child of node.Plans ?? []) seqScans(child, found);
  return found;
}
const hasLimit = (node: PlanNode): boolean => node['Node Type'] === 'Limit' || (node.Plans ?? []).some(hasLimit);
const usesTrigram = (node: PlanNode): boolean => /_fold_trgm$/.test(node['Index Name'] ?? '') || (node.Plans ?? []).some(usesTrigram);
const usesWords = (node: PlanNode): boolean => node['Index Name'] === 'product_word_search' || (node.Plans ?? []).some(usesWords);
const isCappedCount = (q: string) => /^SELECT count\(\*\)/i.test(q.trim()) && /\blimit\b/i.test(q);

/** Requests `url` as `who` and returns, for each query it sent that reads product or entity, what is wrong with its
 * plan. A product search must find its matches through the words' index (migration 0039), an entity search through
 * the trigram index, not by walking a list order (its matches cluster in name order: registry.filters.ts). */
async function problems(url: string, who?: string): Promise<string[]> {
  captured.length = 0;
  const session = who ? as[who] : undefined;
  const res = await app.inject({ url, headers: session ? { cookie: session.cookie } : {} });
  assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
  const found: string[] = [];
  let reads = 0;
  for (const c of captured.splice(0)) {
    if (!/^\s*(select|with)\b/i.test(c.query) || !/\b(product|entity)\b/.test(c.query)) continue;
    reads++;
    const plan = await explain(c);
    const head = c.query.replace(/\s+/g, ' ').slice(0, 140);
    if (isCappedCount(c.query)) {
      if (!hasLimit(plan)) found.push(`${url}: the count is not capped: ${head}`);
      continue;
    }
    for (const rel of seqScans(plan)) found.push(`${url}${who ? ` (as ${who})` : ''}: Seq Scan on ${rel} in ${head}…`);
    if (explainGeneric) for (const rel of seqScans(await explainGeneric(c))) found.push(`${url}${who ? ` (as ${who})` : ''}: Seq Scan on ${rel} in the generic plan of ${head}…`);
    if (/\bproduct_word\b/.test(c.query)) {
      if (!usesWords(plan)) found.push(`${url}${who ? ` (as ${who})` : ''}: a product search not through its words' index: ${head}…`);
    } else if (/ LIKE /.test(c.query) && !usesTrigram(plan)) found.push(`${url}${who ? ` (as ${who})` : ''}: a search not through the trigram index: ${head}…`);
  }
  assert.ok(reads > 0, `${url}: no query of product or entity captured`);
  return found;
}

async function check(cases: [string, string?][]) {
  const found: string[] = [];
  for (const [url, who] of cases) found.push(...await problems(url, who));
  assert.deepEqual(found, [], `sequential scans where an index is expected:\n${found.join('\n')}`);
}

test('the API\'s product lists read their page through an index, for the public and the officers', async () => {
  await check([
    ['/api/v1/products'], // the default order: name
    ['/api/v1/products?sort=-stars'],
    ['/api/v1/products?sort=code'],
    ['/api/v1/products?province=08&sort=-stars'],
    ['/api/v1/products?sector=I&status=certified'],
    ['/api/v1/products?entityType=htx&stars=4&page=3'],
    ['/api/v1/products?productSet=4&province=19'],
    ['/api/v1/products?group=I.4&sort=code'],
    [`/api/v1/products?commune=${MEO_VAC}`],
    [`/api/v1/products?entity=${someEntity}`],
    ['/api/v1/products?page=40'], // a deep page by number
    // The workspaces: most recently updated first, over what the officer may see.
    ['/api/v1/products?sort=-updatedAt', 'central'],
    ['/api/v1/products?sort=-updatedAt&province=08', 'central'],
    [`/api/v1/products?sort=-updatedAt&commune=${MEO_VAC}`, 'central'],
    ['/api/v1/products?sort=-updatedAt&status=registered', 'central'],
    ['/api/v1/products?sort=-updatedAt&group=I.4', 'central'],
    [`/api/v1/products?sort=-updatedAt&entity=${someEntity}`, 'central'],
    ['/api/v1/products?sort=-updatedAt', 'province'],
    ['/api/v1/products?sort=-updatedAt&status=draft', 'province'],
    [`/api/v1/products?sort=-updatedAt&commune=${MEO_VAC}`, 'commune'],
  ]);
});

test('every sort the API offers reads its page through an index', async () => {
  await check([
    ...productListQuery.shape.sort.unwrap().options.map((sort): [string, string?] => [`/api/v1/products?sort=${sort}`, 'central']),
    ...productListQuery.shape.sort.unwrap().options.map((sort): [string] => [`/api/v1/products?sort=${sort}&page=5`]),
    ...entityListQuery.shape.sort.unwrap().options.map((sort): [string, string?] => [`/api/v1/entities?sort=${sort}`, 'central']),
    ...entityListQuery.shape.sort.unwrap().options.map((sort): [string] => [`/api/v1/entities?sort=${sort}&page=5`]),
    ['/api/v1/products?productSet=4'], // a set's names cluster in the name order (migration 0018)
    ['/api/v1/products?productSet=4&province=19'],
  ]);
});

test('a deep page by cursor reads through an index too, when the API offers one', async () => {
  const first = (await app.inject({ url: '/api/v1/products?sort=-updatedAt&pageSize=50' })).json<{ nextCursor?: string | null }>();
  if (!('nextCursor' in first)) return; // paging by page number only (covered above)
  assert.ok(first.nextCursor, 'a full first page has a next cursor');
  await check([[`/api/v1/products?sort=-updatedAt&pageSize=50&cursor=${encodeURIComponent(first.nextCursor)}`]]);
});

test('the API\'s entity lists read their page through an index', async () => {
  await check([
    ['/api/v1/entities'],
    ['/api/v1/entities?province=08'],
    ['/api/v1/entities?type=htx'],
    [`/api/v1/entities?commune=${MEO_VAC}`],
    ['/api/v1/entities?sort=-updatedAt', 'central'],
    ['/api/v1/entities?status=pending', 'province'],
    [`/api/v1/entities?commune=${MEO_VAC}&status=pending`, 'commune'],
  ]);
});

test('the catalogue and the public pages read their lists through an index', async () => {
  await check([
    ['/'],
    ['/?province=08'],
    ['/?group=I.4'],
    ['/?stars=5'],
    ['/?stars=3&page=10'],
    ['/?entityType=htx'],
    ['/?status=all'],
    [`/chu-the/${someEntity}`],
    [`/san-pham/${someProduct}`],
  ]);
});

test('searches read their matches through their indexes: a product\'s words, an entity\'s trigrams', async () => {
  await check([
    ['/api/v1/products?q=mat%20ong'],
    ['/api/v1/products?q=mat'],
    ['/api/v1/products?q=che%20shan%20tuyet&status=certified'],
    ['/api/v1/products?q=nuoc%20mam&sort=-updatedAt', 'central'],
    ['/?q=mat%20ong'],
    [`/api/v1/entities?q=${encodeURIComponent(somePlace)}`],
  ]);
});
