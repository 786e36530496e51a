// Keyset paging of GET /products and GET /entities: walking a list by cursor returns every row once, in the order of
// numbered pages, for every sort (stars with NULLs and ties, timestamps equal to the microsecond); bad cursors are
// 400 problems; totals above the cap read as estimates.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { MEO_VAC, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, makeEntity, makeProduct, unique } from '../../../test/api-helpers.js';
import { productListQuery, entityListQuery } from './registry.contract.js';
import { SEARCH_READS, TOTAL_CAP } from './registry.repo.js';

let t: TestApp;
let central: Session;
let entityId: string;
const PRODUCTS = 31;
const entityMark = unique('Walk');

before(async () => {
  t = await testApp();
  central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC, { name: `HTX ${entityMark}` });
  entityId = e.id;
  for (let i = 0; i < PRODUCTS; i++) await makeProduct(t, central, entityId, { name: `Sản phẩm ${i}` });
  // Ties and NULLs no API call can make: equal names, stars with NULLs, timestamps equal or a microsecond apart (a JS
  // Date would lose the microsecond and skip or repeat rows).
  await query(t.database.db, sql`
    WITH numbered AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS i FROM product WHERE entity_id = ${entityId})
    UPDATE product p SET
      name = 'Sản phẩm ' || (n.i % 6),
      stars = CASE WHEN n.i % 4 = 0 THEN NULL ELSE 3 + n.i % 3 END,
      updated_at = timestamptz '2026-01-01 10:00:00.123456+00' + (n.i % 3) * interval '1 day',
      created_at = timestamptz '2025-06-01 08:00:00+00' + (n.i % 5) * interval '1 microsecond'
    FROM numbered n WHERE p.id = n.id`);
  // Entities with equal names and timestamps too.
  for (let i = 0; i < 9; i++) await makeEntity(t, central, MEO_VAC, { name: `HTX ${entityMark} ${i}` });
  await query(t.database.db, sql`
    WITH numbered AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM entity WHERE name LIKE ${`HTX ${entityMark} %`})
    UPDATE entity e SET name = 'HTX ' || ${entityMark} || ' ' || (n.i % 3),
      created_at = timestamptz '2025-06-01 08:00:00.000001+00' + (n.i % 2) * interval '1 microsecond',
      updated_at = timestamptz '2026-02-01 00:00:00+07'
    FROM numbered n WHERE e.id = n.id`);
});
after(() => t.close());

type ListBody = { items: { id: string; stars?: number | null }[]; nextCursor: string | null; total: number; totalExact: boolean };

async function byPages(url: string, pageSize: number): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const res = await t.call({ url: `${url}&pageSize=${pageSize}&page=${page}`, as: central });
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json<ListBody>().items;
    out.push(...items.map((i) => i.id));
    if (items.length < pageSize) return out;
  }
}

/** Follows nextCursor from the first page to the last; checks the Link header on the way. */
async function byCursor(url: string, pageSize: number): Promise<string[]> {
  const out: string[] = [];
  let next = `${url}&pageSize=${pageSize}`;
  for (let guard = 0; guard < 100; guard++) {
    const res = await t.call({ url: next, as: central });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<ListBody>();
    out.push(...body.items.map((i) => i.id));
    if (!body.nextCursor) {
      assert.equal(res.headers.link, undefined, 'no Link on the last page');
      return out;
    }
    const link = String(res.headers.link);
    const m = /^<([^>]+)>; rel="next"$/.exec(link);
    assert.ok(m, `Link header: ${link}`);
    const linked = new URL(m[1], 'http://x');
    assert.equal(linked.searchParams.get('cursor'), body.nextCursor);
    assert.equal(linked.searchParams.get('page'), null);
    next = m[1]; // the Link is the same query with the cursor: follow it
  }
  throw new Error('the cursor walk did not end');
}

for (const sort of productListQuery.shape.sort.unwrap().options) {
  test(`products sorted by ${sort}: the cursor walk returns every row once, in the order of numbered pages`, async () => {
    const url = `/api/v1/products?entity=${entityId}&sort=${sort}`;
    for (const size of [1, 4, 7]) {
      const pages = await byPages(url, size);
      const cursor = await byCursor(url, size);
      assert.equal(pages.length, PRODUCTS);
      assert.equal(new Set(cursor).size, PRODUCTS, 'no row twice');
      assert.deepEqual(cursor, pages);
    }
    if (sort === 'stars' || sort === '-stars') {
      const all = (await t.call({ url: `${url}&pageSize=100`, as: central })).json<ListBody>().items;
      const firstNull = all.findIndex((p) => p.stars === null);
      assert.ok(firstNull > 0 && all.slice(firstNull).every((p) => p.stars === null), 'unrated products last');
    }
  });
}

for (const sort of entityListQuery.shape.sort.unwrap().options) {
  test(`entities sorted by ${sort}: the cursor walk equals numbered pages`, async () => {
    const url = `/api/v1/entities?q=${entityMark}&sort=${sort}`;
    for (const size of [1, 2, 4]) {
      const pages = await byPages(url, size);
      const cursor = await byCursor(url, size);
      assert.equal(pages.length, 10);
      assert.equal(new Set(cursor).size, 10);
      assert.deepEqual(cursor, pages);
    }
  });
}

test('the response carries nextCursor and a Link header while rows remain, and the total of the whole list', async () => {
  const first = await t.call({ url: `/api/v1/products?entity=${entityId}&pageSize=30`, as: central });
  const body = first.json<ListBody>();
  assert.equal(body.total, PRODUCTS);
  assert.equal(body.totalExact, true);
  assert.ok(body.nextCursor);
  assert.match(String(first.headers.link), new RegExp(`^</api/v1/products\\?entity=${entityId}&pageSize=30&cursor=[A-Za-z0-9_-]+>; rel="next"$`));
  const last = await t.call({ url: `/api/v1/products?entity=${entityId}&pageSize=30&cursor=${body.nextCursor}`, as: central });
  assert.equal(last.json<ListBody>().items.length, 1);
  assert.equal(last.json<ListBody>().nextCursor, null);
  assert.equal(last.json<ListBody>().total, PRODUCTS, 'the total is the list\'s, not what follows the cursor');
  assert.equal(last.headers.link, undefined);
  // A whole list on one page has no next.
  const whole = await t.call({ url: `/api/v1/products?entity=${entityId}&pageSize=31`, as: central });
  assert.equal(whole.json<ListBody>().nextCursor, null);
  assert.equal(whole.headers.link, undefined);
});

test('a search counts its matches in its own query: the same total on every numbered page, by cursor, and past the end', async () => {
  const url = `/api/v1/products?q=${encodeURIComponent('san pham')}&entity=${entityId}&pageSize=4`;
  const totals = [];
  for (const page of [1, 2, 8, 9]) {
    const res = await t.call({ url: `${url}&page=${page}`, as: central });
    assert.equal(res.statusCode, 200, res.body);
    totals.push(res.json<ListBody>().total);
  }
  assert.deepEqual(totals, [PRODUCTS, PRODUCTS, PRODUCTS, PRODUCTS], 'page 9 is past the last row: counted apart');
  const first = (await t.call({ url, as: central })).json<ListBody>();
  const next = (await t.call({ url: `${url}&cursor=${first.nextCursor}`, as: central })).json<ListBody>();
  assert.equal(next.total, PRODUCTS);
  const entities = (await t.call({ url: `/api/v1/entities?q=${encodeURIComponent(entityMark)}&pageSize=2&page=3`, as: central })).json<ListBody>();
  assert.equal(entities.total, 10, 'the entity and its nine namesakes');
});

test('a malformed, tampered or foreign cursor, a cursor of another sort, or a cursor with page > 1: 400 problems', async () => {
  const url = `/api/v1/products?entity=${entityId}&pageSize=5`;
  const cursor = (await t.call({ url: `${url}&sort=stars`, as: central })).json<ListBody>().nextCursor!;
  const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  const forge = (p: unknown) => Buffer.from(JSON.stringify(p)).toString('base64url');

  assertProblem(await t.call({ url: `${url}&sort=stars&cursor=${encodeURIComponent('not a cursor!')}`, as: central }), 400, 'validation_failed', 'querystring.cursor');
  assertProblem(await t.call({ url: `${url}&sort=stars&cursor=abc`, as: central }), 400, 'invalid_cursor', 'querystring.cursor');
  assertProblem(await t.call({ url: `${url}&sort=stars&cursor=${forge({ ...payload, k: ['x', payload.k[1]] })}`, as: central }), 400, 'invalid_cursor');
  assertProblem(await t.call({ url: `${url}&sort=stars&cursor=${forge({ ...payload, k: [payload.k[0], 'not-a-uuid'] })}`, as: central }), 400, 'invalid_cursor');
  assertProblem(await t.call({ url: `${url}&sort=stars&cursor=${forge({ ...payload, k: [payload.k[0]] })}`, as: central }), 400, 'invalid_cursor');
  assertProblem(await t.call({ url: `${url}&sort=stars&cursor=${forge({ ...payload, extra: 1 })}`, as: central }), 400, 'invalid_cursor');
  assertProblem(await t.call({ url: `${url}&sort=stars&cursor=${forge({ ...payload, k: ["3'; DROP TABLE product; --", payload.k[1]] })}`, as: central }), 400, 'invalid_cursor');
  const problem = assertProblem(await t.call({ url: `${url}&sort=-stars&cursor=${cursor}`, as: central }), 400, 'cursor_sort_mismatch', 'querystring.cursor');
  assert.match(problem.message.vi, /sắp xếp/);
  assertProblem(await t.call({ url: `${url}&sort=stars&cursor=${cursor}&page=2`, as: central }), 400, 'cursor_with_page', 'querystring.cursor');
  assert.equal((await t.call({ url: `${url}&sort=stars&cursor=${cursor}&page=1`, as: central })).statusCode, 200);
  // Numbered pages reach the first TOTAL_CAP records (each skipped row is read); past them, the cursor.
  assert.equal((await t.call({ url: `/api/v1/products?page=${TOTAL_CAP / 20}&pageSize=20` })).statusCode, 200);
  const deep = assertProblem(await t.call({ url: `/api/v1/products?page=${TOTAL_CAP / 20 + 1}&pageSize=20` }), 400, 'page_too_deep', 'querystring.page');
  assert.match(deep.message.vi, /cursor/);
  assertProblem(await t.call({ url: '/api/v1/entities?page=100000&pageSize=200' }), 400, 'page_too_deep', 'querystring.page');
  // A product cursor is not an entity cursor, even for a sort both lists have.
  const byName = (await t.call({ url: `${url}&sort=name`, as: central })).json<ListBody>().nextCursor!;
  assertProblem(await t.call({ url: `/api/v1/entities?sort=name&cursor=${byName}` }), 400, 'invalid_cursor');
  // A timestamp that is not one.
  const byUpdate = (await t.call({ url: `${url}&sort=-updatedAt`, as: central })).json<ListBody>().nextCursor!;
  const upd = JSON.parse(Buffer.from(byUpdate, 'base64url').toString());
  assertProblem(await t.call({ url: `${url}&sort=-updatedAt&cursor=${forge({ ...upd, k: ['2026-13-45 99:00:00+00', upd.k[1]] })}`, as: central }), 400, 'invalid_cursor');
});

test('/api/openapi.json documents cursor and nextCursor on both lists', async () => {
  const doc = (await t.call({ url: '/api/openapi.json' })).json();
  for (const path of ['/api/v1/products', '/api/v1/entities']) {
    const op = doc.paths[path].get;
    assert.ok(op.parameters.some((p: { name: string; in: string }) => p.name === 'cursor' && p.in === 'query'), `${path} ?cursor`);
    const schema = JSON.stringify(op.responses['200']);
    assert.match(schema, /nextCursor/, `${path} nextCursor`);
    assert.match(schema, /totalExact/);
  }
});

test(`a total above ${TOTAL_CAP.toLocaleString('en')} reads totalExact false, on the first page, by cursor and in the catalogue`, async () => {
  const e = await makeEntity(t, central, MEO_VAC, { name: `HTX ${unique('Cap')}` });
  await query(t.database.db, sql`
    INSERT INTO product (code, entity_id, name, product_set, province_code, commune_code, status)
    SELECT 'CAP-' || g, ${e.id}::uuid, 'Mật ong ' || g, 4, '08', ${MEO_VAC}, 'registered' FROM generate_series(1, ${TOTAL_CAP + 30}) AS g`);
  const first = (await t.call({ url: `/api/v1/products?entity=${e.id}&pageSize=3&sort=code`, as: central })).json<ListBody>();
  assert.equal(first.total, TOTAL_CAP);
  assert.equal(first.totalExact, false);
  const next = (await t.call({ url: `/api/v1/products?entity=${e.id}&pageSize=3&sort=code&cursor=${first.nextCursor}`, as: central })).json<ListBody>();
  assert.equal(next.totalExact, false);
  assert.equal(next.items.length, 3);
  assert.ok(!first.items.some((p) => next.items.some((q) => q.id === p.id)));
  // The server-rendered catalogue: "hơn 10.000", and past its last numbered page (10.000 / 24) a next link by cursor.
  const lastNumbered = await t.call({ url: '/?status=all&page=417' });
  assert.equal(lastNumbered.statusCode, 200);
  assert.match(lastNumbered.body, /hơn 10\.000/);
  const nextLink = /<a rel="next" href="([^"]*cursor=[A-Za-z0-9_-]+)"/.exec(lastNumbered.body);
  assert.ok(nextLink, 'a next link past the numbered pages');
  const beyond = await t.call({ url: nextLink[1].replace(/&amp;/g, '&') });
  assert.equal(beyond.statusCode, 200);
  const cardsOf = (html: string) => [...html.matchAll(/href="(\/san-pham\/[0-9a-f-]{36})/g)].map((m) => m[1]);
  assert.equal(new Set(cardsOf(beyond.body)).size, 10_030 - 417 * 24);
  assert.ok(!cardsOf(beyond.body).some((href) => cardsOf(lastNumbered.body).includes(href)), 'other products than the last numbered page');
  assert.doesNotMatch(beyond.body, /rel="next"/, 'the last page by cursor has no next');
  assert.match(beyond.body, /<meta name="robots" content="noindex"/);
  assert.equal((await t.call({ url: '/?cursor=bm90LWEtY3Vyc29y' })).statusCode, 200, 'a cursor that does not read opens the first page');
  // A search in another order than relevance, over a word that begins more names than the cap: every match in that
  // order, by numbered page and on by cursor, its total "at least" what the search counted.
  const search = async (qs: string) => {
    const res = await t.call({ url: `/api/v1/products?entity=${e.id}&${qs}`, as: central });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<ListBody & { items: { name: string }[] }>();
  };
  const names = (body: { items: { name: string }[] }) => body.items.map((p) => p.name.replace('Mật ong ', ''));
  const byName = await search('q=mat+ong&sort=name&pageSize=3');
  assert.deepEqual([byName.total, byName.totalExact, names(byName)], [TOTAL_CAP, false, ['1', '10', '100']]);
  // By relevance, a search reads at most SEARCH_READS rows of its rarest word: past them, its total is what it found,
  // "at least", and its page the best of those.
  const ranked = await search('q=mat+ong&pageSize=3');
  assert.deepEqual([ranked.total, ranked.totalExact, ranked.items.length], [SEARCH_READS, false, 3]);
  const page400 = await search('q=mat+ong&sort=name&pageSize=25&page=400');
  const after400 = await search(`q=mat+ong&sort=name&pageSize=25&cursor=${page400.nextCursor}`);
  const last = await search(`q=mat+ong&sort=name&pageSize=25&cursor=${after400.nextCursor}`);
  assert.deepEqual([names(page400).length, names(after400).length, names(last).length, last.nextCursor], [25, 25, 5, null]);
  assert.equal(new Set([...names(page400), ...names(after400), ...names(last)]).size, 55);
  // "1" begins the names' numbers 1, 10-19, 100-199, 1000-1999 and 10000-10030: 1,142 matches. Walking the names
  // backwards meets the first of them after 8,000 others: the walk gives up, and every match is sorted and counted.
  const ones = await search('q=mat+ong+1&sort=-name&pageSize=3');
  assert.deepEqual([ones.total, ones.totalExact, names(ones)], [1_142, true, ['1999', '1998', '1997']]);
  assert.deepEqual(names(await search(`q=mat+ong+1&sort=-name&pageSize=3&cursor=${ones.nextCursor}`)), ['1996', '1995', '1994']);
  assert.deepEqual(names(await search('q=mat+ong+1&sort=-name&pageSize=3&page=2')), ['1996', '1995', '1994']);
  // Ten thousand exactly: exact.
  await query(t.database.db, sql`DELETE FROM product WHERE entity_id = ${e.id} AND code IN (SELECT 'CAP-' || g FROM generate_series(1, 30) AS g)`);
  const exact = (await t.call({ url: `/api/v1/products?entity=${e.id}&pageSize=3`, as: central })).json<ListBody>();
  assert.deepEqual([exact.total, exact.totalExact], [TOTAL_CAP, true]);
});

test('a list total and a search total are counted again after any write: remembered only while nothing was committed', async () => {
  const totalsNow = () => Promise.all([`/api/v1/products?entity=${entityId}&pageSize=5`, `/api/v1/products?q=san+pham&entity=${entityId}&pageSize=5`].map(async (url) => {
    const res = await t.call({ url, as: central });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<ListBody>().total;
  }));
  const before = await totalsNow();
  assert.deepEqual(await totalsNow(), before); // the same answers from the remembered counts
  // A write elsewhere moves the snapshot but not these totals…
  await makeEntity(t, central, MEO_VAC, { name: `HTX ${unique('Other')}` });
  assert.deepEqual(await totalsNow(), before);
  // …and a row of their own is counted at once, made through the API or deleted outside it (as a script would).
  const made = await makeProduct(t, central, entityId, { name: 'Sản phẩm mới' });
  assert.deepEqual(await totalsNow(), before.map((n) => n + 1));
  await query(t.database.db, sql`DELETE FROM product WHERE id = ${made.id}`);
  assert.deepEqual(await totalsNow(), before);
});
