import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { checkDigit, gtinUnderPrefix } from '../../app/gs1.js';
import { query } from '../../app/db.js';
import { DONG_VAN, MEO_VAC, TAN_CUONG, testApp, type TestApp } from '../../../test/harness.js';
import { assertProblem, counts, makeEntity, makeProduct } from '../../../test/api-helpers.js';
import { assignMissingGtins } from './index.js';
import { ownGtin, programmeGtin } from './gtin.rules.js';

const PREFIX = '8930999';
let t: TestApp;
before(async () => { t = await testApp({ gs1Prefix: PREFIX, publicUrl: 'https://ocop.example.vn' }); });
after(() => t.close());

/** A valid GTIN-13 outside the programme's prefix, different each call. */
let n = 0;
const foreignGtin13 = () => { const body = `893456${String(Date.now() % 1_000_000).padStart(6, '0')}`.slice(0, 11) + String(++n % 10); return body + checkDigit(body); };

test('rules: programme GTINs under the prefix, own GTINs normalised, the programme\'s prefix refused', () => {
  assert.equal(programmeGtin(PREFIX, 7), gtinUnderPrefix(PREFIX, 7));
  assert.equal(programmeGtin(PREFIX, 100_000), null); // a 7-digit prefix numbers 100,000 items
  assert.equal(ownGtin('9520123456788', PREFIX), '09520123456788');
  assert.throws(() => ownGtin('9520123456789', PREFIX), (e: any) => e.code === 'gtin_bad_check_digit' && e.extra.field === 'gtin');
  assert.throws(() => ownGtin(gtinUnderPrefix(PREFIX, 5), PREFIX), (e: any) => e.code === 'gtin_under_programme_prefix');
});

test('a new product gets a GTIN under the programme prefix and its Digital Link; products created at once never share one', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, DONG_VAN);
  const res = await Promise.all(Array.from({ length: 8 }, (_, i) => t.call({ method: 'POST', url: '/api/v1/products', as: central, body: { entityId: e.id, name: `Chè Shan tuyết ${i}`, productSet: 11, status: 'registered' } })));
  const gtins = res.map((r) => { assert.equal(r.statusCode, 201, r.body); return r.json().gtin as string; });
  assert.equal(new Set(gtins).size, 8);
  for (const g of gtins) assert.match(g, new RegExp(`^0${PREFIX}\\d{6}$`));
  const one = (await t.call({ url: `/api/v1/products/${res[0].json().id}` })).json(); // public read
  assert.equal(one.gtin, gtins[0]);
  assert.equal(one.digitalLink, `https://ocop.example.vn/01/${gtins[0]}`);
});

test('an entity\'s own GTIN: validated with the field path, unique, nothing stored on refusal; the entity records its GS1 prefix', async () => {
  const commune = await t.user('commune', { communeCode: MEO_VAC });
  const e = await makeEntity(t, commune, MEO_VAC);
  const producer = await t.user('entity', { entityId: e.id });
  const patched = await t.call({ method: 'PATCH', url: `/api/v1/entities/${e.id}`, as: producer, body: { version: e.version, gs1CompanyPrefix: '893456' } });
  assert.equal(patched.statusCode, 200, patched.body);
  assert.equal(patched.json().gs1CompanyPrefix, '893456');
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/entities/${e.id}`, as: producer, body: { version: e.version + 1, gs1CompanyPrefix: '89' } }), 400, 'validation_failed', 'gs1CompanyPrefix');

  const own = foreignGtin13();
  const p = await makeProduct(t, producer, e.id, { gtin: own });
  assert.equal(p.gtin, `0${own}`);
  const before_ = await counts(t);
  const wrong = own.slice(0, 12) + ((Number(own[12]) + 1) % 10);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/products', as: producer, body: { entityId: e.id, name: 'Sai số kiểm tra', productSet: 4, gtin: wrong } }), 400, 'gtin_bad_check_digit', 'gtin');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/products', as: producer, body: { entityId: e.id, name: 'Trùng', productSet: 4, gtin: own } }), 409, 'duplicate_gtin', 'gtin');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/products', as: producer, body: { entityId: e.id, name: 'Tiền tố chương trình', productSet: 4, gtin: gtinUnderPrefix(PREFIX, 99_999) } }), 400, 'gtin_under_programme_prefix', 'gtin');
  assert.deepEqual(await counts(t), before_);
  // Another entity's product cannot take it over by PATCH either; its own programme GTIN can be replaced by its own.
  const other = await makeProduct(t, producer, e.id);
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/products/${other.id}`, as: producer, body: { version: 1, gtin: own } }), 409, 'duplicate_gtin', 'gtin');
  const mine = foreignGtin13();
  const upd = await t.call({ method: 'PATCH', url: `/api/v1/products/${other.id}`, as: producer, body: { version: 1, gtin: mine } });
  assert.equal(upd.json().gtin, `0${mine}`);
  // Someone of another province cannot set it.
  const tn = await t.user('province', { provinceCode: '19' });
  assert.ok([403, 404].includes((await t.call({ method: 'PATCH', url: `/api/v1/products/${other.id}`, as: tn, body: { version: 2, gtin: foreignGtin13() } })).statusCode));
});

test('products written without a GTIN (bulk seeds, older rows) get one at start-up, once', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, TAN_CUONG);
  const p = await makeProduct(t, central, e.id);
  await t.database.db.execute(sql`UPDATE product SET gtin = NULL WHERE id = ${p.id}`);
  const assigned = await t.database.db.transaction((tx) => assignMissingGtins(tx, PREFIX));
  assert.ok(assigned >= 1);
  const [row] = await query<{ gtin: string }>(t.database.db, sql`SELECT gtin FROM product WHERE id = ${p.id}`);
  assert.match(row.gtin, new RegExp(`^0${PREFIX}`));
  assert.notEqual(row.gtin, p.gtin);
  assert.equal(await t.database.db.transaction((tx) => assignMissingGtins(tx, PREFIX)), 0);
});
