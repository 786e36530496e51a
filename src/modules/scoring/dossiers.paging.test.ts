// Keyset paging of the dossier queue (GET /api/v1/dossiers): ordered by the nearest deadline (none last), then the
// most recently updated, then the id; the cursor walk equals numbered pages, with deadlines and update times tied.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { testApp, type TestApp } from '../../../test/harness.js';
import { assertProblem } from '../../../test/api-helpers.js';
import { newProduct, ok, world, type World } from './scoring.fixtures.js';

let t: TestApp;
let w: World;
const COUNT = 10;
before(async () => {
  t = await testApp();
  w = await world(t);
  for (let i = 0; i < COUNT; i++) await ok(w, 'POST', '/dossiers', w.entity, { productId: await newProduct(w, `Mật ong ${i}`), type: 'first' });
  // Deadlines and update times no API call can tie: three deadlines, some none (drafts), two update times.
  await query(t.database.db, sql`
    WITH numbered AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM dossier WHERE entity_id = ${w.entityId})
    UPDATE dossier d SET
      status = CASE WHEN n.i % 4 = 0 THEN 'draft' ELSE 'submitted' END,
      commune_due_on = CASE WHEN n.i % 4 = 0 THEN NULL ELSE date '2026-03-01' + (n.i % 3)::int END,
      updated_at = timestamptz '2026-02-01 00:00:00.000001+00' + (n.i % 2) * interval '1 microsecond'
    FROM numbered n WHERE d.id = n.id`);
});
after(() => t.close());

type Body = { items: { id: string; due: string | null }[]; total: number; totalExact: boolean; nextCursor: string | null };

test('walking the queue by cursor returns every dossier once, in the order of numbered pages, undated last', async () => {
  const url = `/dossiers?entity=${w.entityId}`;
  for (const size of [1, 3, 4]) {
    const pages: string[] = [];
    for (let page = 1; ; page++) {
      const items = (await ok(w, 'GET', `${url}&pageSize=${size}&page=${page}`, w.entity) as Body).items;
      pages.push(...items.map((d) => d.id));
      if (items.length < size) break;
    }
    const walked: string[] = [];
    let next: string | null = `/api/v1${url}&pageSize=${size}`;
    while (next) {
      const res = await t.call({ url: next, as: w.entity });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json<Body>();
      walked.push(...body.items.map((d) => d.id));
      assert.deepEqual([body.total, body.totalExact], [COUNT, true]);
      next = body.nextCursor ? /^<([^>]+)>; rel="next"$/.exec(String(res.headers.link))![1] : null;
      if (!body.nextCursor) assert.equal(res.headers.link, undefined);
    }
    assert.equal(new Set(walked).size, COUNT);
    assert.deepEqual(walked, pages);
  }
  const all = (await ok(w, 'GET', `${url}&pageSize=50`, w.entity) as Body).items;
  const firstUndated = all.findIndex((d) => d.due === null);
  assert.ok(firstUndated > 0 && all.slice(firstUndated).every((d) => d.due === null), 'dossiers without a deadline last');
});

test('a bad queue cursor is a 400 problem', async () => {
  assertProblem(await t.call({ url: '/api/v1/dossiers?cursor=abc', as: w.entity }), 400, 'invalid_cursor', 'querystring.cursor');
  const cursor = (await ok(w, 'GET', `/dossiers?entity=${w.entityId}&pageSize=2`, w.entity) as Body).nextCursor!;
  assertProblem(await t.call({ url: `/api/v1/dossiers?cursor=${cursor}&page=2`, as: w.entity }), 400, 'cursor_with_page');
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(cursor, 'base64url').toString()), k: [null, null, null] })).toString('base64url');
  assertProblem(await t.call({ url: `/api/v1/dossiers?cursor=${forged}`, as: w.entity }), 400, 'invalid_cursor');
});
