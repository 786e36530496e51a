// Keyset paging of the public certificate register (GET /api/v1/certificates): the cursor walk equals numbered pages
// (certificates issued on the same day ordered by number), Link rel="next", bad cursors are 400 problems, and a
// register above the cap reads "hơn 10.000" / "more than 10.000", in the API and on the server-rendered page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { MEO_VAC, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, makeEntity, unique } from '../../../test/api-helpers.js';
import { TOTAL_CAP } from '../../app/paging.js';

let t: TestApp;
let central: Session;
const mark = unique('Reg');
const COUNT = 13;

/** `n` certificates, each on its own product of a new entity named with `name`: issued on three days (ties), numbered
 * `prefix-<i>`. Written with SQL: the legacy import would be the real path, but ten thousand rows are a fixture. */
async function certificates(name: string, prefix: string, n: number) {
  const e = await makeEntity(t, central, MEO_VAC, { name });
  await query(t.database.db, sql`
    WITH p AS (
      INSERT INTO product (code, entity_id, name, product_set, province_code, commune_code, status, stars)
      SELECT ${prefix} || '-P-' || g, ${e.id}::uuid, 'Mật ong ' || g, 4, '08', ${MEO_VAC}, 'certified', 3 + g % 3 FROM generate_series(1, ${n}) AS g
      RETURNING id, code, stars)
    INSERT INTO certificate (number, product_id, entity_id, province_code, stars, kind, authority_level, authority, decision_number, decided_on, issued_on, expires_on, instrument, source)
    SELECT ${prefix} || '-' || lpad(split_part(p.code, '-P-', 2), 6, '0'), p.id, ${e.id}::uuid, '08', p.stars, 'legacy', 'province', 'UBND tỉnh Tuyên Quang', 'QĐ-1',
      date '2025-01-01' + (split_part(p.code, '-P-', 2)::int % 3), date '2025-01-02' + (split_part(p.code, '-P-', 2)::int % 3), date '2028-01-01', 'QĐ 148/QĐ-TTg', 'import'
    FROM p`);
}

before(async () => {
  t = await testApp();
  central = await t.user('central');
  await certificates(`HTX ${mark}`, mark, COUNT);
});
after(() => t.close());

type Body = { items: { number: string; issuedOn: string }[]; total: number; totalExact: boolean; nextCursor: string | null };

test('walking the register by cursor returns every certificate once, in the order of numbered pages', async () => {
  const url = `/api/v1/certificates?q=${mark}`;
  for (const size of [1, 4, 5]) {
    const pages: string[] = [];
    for (let page = 1; ; page++) {
      const items = (await t.call({ url: `${url}&pageSize=${size}&page=${page}` })).json<Body>().items;
      pages.push(...items.map((c) => c.number));
      if (items.length < size) break;
    }
    const walked: string[] = [];
    let next: string | undefined = `${url}&pageSize=${size}`;
    while (next) {
      const res = await t.call({ url: next });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json<Body>();
      walked.push(...body.items.map((c) => c.number));
      assert.equal(body.total, COUNT);
      assert.equal(body.totalExact, true);
      if (body.nextCursor) {
        const m = /^<([^>]+)>; rel="next"$/.exec(String(res.headers.link));
        assert.ok(m, String(res.headers.link));
        assert.equal(new URL(m[1], 'http://x').searchParams.get('cursor'), body.nextCursor);
        next = m[1];
      } else {
        assert.equal(res.headers.link, undefined);
        next = undefined;
      }
    }
    assert.equal(pages.length, COUNT);
    assert.equal(new Set(walked).size, COUNT);
    assert.deepEqual(walked, pages);
  }
  // Most recently issued first, then by number.
  const all = (await t.call({ url: `${url}&pageSize=50` })).json<Body>().items;
  const sorted = [...all].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || (a.number < b.number ? -1 : 1));
  assert.deepEqual(all.map((c) => c.number), sorted.map((c) => c.number));
});

test('bad register cursors are 400 problems', async () => {
  const cursor = (await t.call({ url: `/api/v1/certificates?q=${mark}&pageSize=2` })).json<Body>().nextCursor!;
  const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  const forge = (p: unknown) => Buffer.from(JSON.stringify(p)).toString('base64url');
  assertProblem(await t.call({ url: '/api/v1/certificates?cursor=abc' }), 400, 'invalid_cursor', 'querystring.cursor');
  assertProblem(await t.call({ url: `/api/v1/certificates?cursor=${forge({ ...payload, k: ['2025-02-30x', payload.k[1]] })}` }), 400, 'invalid_cursor');
  assertProblem(await t.call({ url: `/api/v1/certificates?cursor=${forge({ ...payload, l: 'product' })}` }), 400, 'invalid_cursor');
  assertProblem(await t.call({ url: `/api/v1/certificates?cursor=${cursor}&page=3` }), 400, 'cursor_with_page');
  const products = (await t.call({ url: '/api/v1/products?pageSize=1', as: central })).json<Body>().nextCursor;
  if (products) assertProblem(await t.call({ url: `/api/v1/certificates?cursor=${products}` }), 400, 'invalid_cursor');
});

test(`a register above ${TOTAL_CAP} certificates reads "more than", in the API and on the public page`, async () => {
  const big = unique('Big');
  await certificates(`HTX ${big}`, big, TOTAL_CAP + 1);
  const body = (await t.call({ url: `/api/v1/certificates?q=${big}&pageSize=2` })).json<Body>();
  assert.deepEqual([body.total, body.totalExact], [TOTAL_CAP, false]);
  const page = await t.call({ url: `/giay-chung-nhan?q=${big}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /hơn 10\.000 giấy chứng nhận/);
  // Past the last numbered page (10.000 / 20) the page's next link carries the cursor.
  const lastNumbered = await t.call({ url: `/giay-chung-nhan?q=${big}&page=500` });
  const next = /<a rel="next" href="([^"]*cursor=[A-Za-z0-9_-]+)"/.exec(lastNumbered.body);
  assert.ok(next, 'a next link past the numbered pages');
  const beyond = await t.call({ url: next[1].replace(/&amp;/g, '&') });
  assert.equal(beyond.statusCode, 200);
  const numbers = (html: string) => [...html.matchAll(/href="\/xac-minh\/([^"?]+)/g)].map((m) => m[1]);
  assert.equal(numbers(beyond.body).length, 1, 'the one certificate past ten thousand');
  assert.ok(!numbers(lastNumbered.body).includes(numbers(beyond.body)[0]));
  assert.doesNotMatch(beyond.body, /rel="next"/);
  assert.match(beyond.body, /Về trang đầu/);
  assert.equal((await t.call({ url: '/giay-chung-nhan?cursor=bm90LWEtY3Vyc29y' })).statusCode, 200, 'a cursor that does not read opens the first page');
  const en = await t.call({ url: `/giay-chung-nhan?q=${big}&lang=en` });
  assert.match(en.body, /more than 10\.000 certificates/); // numbers read 1.234.567 in both languages (DESIGN.md rule 7)
});
