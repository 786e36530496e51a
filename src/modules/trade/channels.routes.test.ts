import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { DONG_VAN, MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, makeEntity, makeProduct } from '../../../test/api-helpers.js';
import { multipartBody } from '../../../test/multipart.js';

let t: TestApp;
let ownA: Session; let ownB: Session; let communeA: Session; let communeOther: Session; let provinceOther: Session; let provinceA: Session;
let entityA: { id: string }; let productA: { id: string };
before(async () => {
  t = await testApp();
  const central = await t.user('central');
  entityA = await makeEntity(t, central, MEO_VAC);
  productA = await makeProduct(t, central, entityA.id, { status: 'registered' });
  const entityB = await makeEntity(t, central, TAN_CUONG);
  ownA = await t.user('entity', { entityId: entityA.id });
  ownB = await t.user('entity', { entityId: entityB.id });
  communeA = await t.user('commune', { communeCode: MEO_VAC });
  communeOther = await t.user('commune', { communeCode: DONG_VAN });
  provinceA = await t.user('province', { provinceCode: '08' });
  provinceOther = await t.user('province', { provinceCode: '19' });
});
after(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const tally = async () => (await query<{ c: number; a: number; f: number }>(t.database.db, sql`SELECT (SELECT count(*)::int FROM sales_channel) AS c,
  (SELECT count(*)::int FROM audit_log WHERE record_type = 'sales_channel') AS a, (SELECT count(*)::int FROM stored_file) AS f`))[0];
function upload(id: string, as: Session, bytes: Buffer, name = 'hop-dong.pdf', type = 'application/pdf') {
  const m = multipartBody([{ name: 'file', filename: name, type, bytes }]);
  return t.app.inject({ method: 'POST', url: `/api/v1/channels/${id}/evidence`, payload: m.payload, headers: { 'content-type': m.contentType, cookie: as.cookie, 'x-csrf-token': as.csrf } });
}
const body = { type: 'supermarket', partnerName: 'Co.op Mart Tuyên Quang', shopUrl: 'https://cooponline.vn/ocop/mat-ong', startsOn: '2026-01-01', note: 'Hợp đồng 12/2026, chiết khấu 18 %' };

test('an entity records a channel; the commune verifies it against the evidence; the public then sees where to buy, not the evidence', async () => {
  const created = await t.call({ method: 'POST', url: '/api/v1/channels', as: ownA, body: { ...body, productId: productA.id, priceVnd: 185000 } });
  assert.equal(created.statusCode, 201, created.body);
  const c = created.json();
  assert.deepEqual([c.status, c.version, c.modern, c.entity.id, c.product.id, c.priceVnd, c.evidence], ['unverified', 1, true, entityA.id, productA.id, 185000, null]);
  assert.deepEqual(c.actions, ['edit', 'delete', 'upload']);
  assertProblem(await t.call({ url: `/api/v1/channels/${c.id}` }), 404, 'channel_not_found');

  assertProblem(await t.call({ method: 'POST', url: `/api/v1/channels/${c.id}/verify`, as: communeA, body: { version: 1 } }), 422, 'evidence_required');
  const before_ = await tally();
  assertProblem(await upload(c.id, ownA, Buffer.from('not a contract, plain text'), 'hop-dong.pdf'), 415, 'file_type_not_allowed');
  assertProblem(await upload(c.id, ownB, PDF), 404);
  assert.deepEqual(await tally(), before_, 'a refused upload stores nothing');
  const up = await upload(c.id, ownA, PDF);
  assert.equal(up.statusCode, 200, up.body);
  assert.equal(up.json().version, 2);
  assert.match(up.json().evidence.url, new RegExp(`/api/v1/channels/${c.id}/evidence$`));
  assert.equal((await t.call({ url: up.json().evidence.url, as: communeA })).body.slice(0, 5), '%PDF-');

  assertProblem(await t.call({ method: 'POST', url: `/api/v1/channels/${c.id}/verify`, as: communeA, body: { version: 1 } }), 409, 'stale_version');
  const ok = await t.call({ method: 'POST', url: `/api/v1/channels/${c.id}/verify`, as: communeA, body: { version: 2 } });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual([ok.json().status, ok.json().verifiedBy], ['verified', communeA.user.id]);

  const pub = await t.call({ url: `/api/v1/channels/${c.id}` });
  assert.equal(pub.statusCode, 200);
  for (const k of ['evidence', 'note', 'verifiedBy', 'version', 'actions']) assert.equal(pub.json()[k], undefined, k);
  assert.equal(pub.json().shopUrl, body.shopUrl);
  const list = (await t.call({ url: `/api/v1/channels?entity=${entityA.id}` })).json();
  assert.deepEqual(list.items.map((i: { id: string }) => i.id), [c.id]);
  assertProblem(await t.call({ url: up.json().evidence.url }), 401);
  assertProblem(await t.call({ url: up.json().evidence.url, as: ownB }), 404);

  // The price and the note are the entity's to update; the partner is what the officer checked.
  const price = await t.call({ method: 'PATCH', url: `/api/v1/channels/${c.id}`, as: ownA, body: { version: 3, priceVnd: 190000, note: null } });
  assert.deepEqual([price.statusCode, price.json().status], [200, 'verified'], price.body);
  const partner = await t.call({ method: 'PATCH', url: `/api/v1/channels/${c.id}`, as: ownA, body: { version: 4, partnerName: 'WinMart' } });
  assert.deepEqual([partner.json().status, partner.json().verifiedBy], ['unverified', null]);
  assertProblem(await t.call({ url: `/api/v1/channels/${c.id}` }), 404, 'channel_not_found');

  const rejected = await t.call({ method: 'POST', url: `/api/v1/channels/${c.id}/reject`, as: provinceA, body: { version: 5, reason: 'Hợp đồng không ghi tên WinMart' } });
  assert.deepEqual([rejected.statusCode, rejected.json().status, rejected.json().statusReason], [200, 'rejected', 'Hợp đồng không ghi tên WinMart']);
  const history = (await t.call({ url: `/api/v1/channels/${c.id}/history`, as: ownA })).json().items.map((h: { action: string }) => h.action);
  assert.deepEqual(history, ['channel.reject', 'channel.update', 'channel.update', 'channel.verify', 'channel.evidence', 'channel.create']);
});

test('scope: another entity, another commune or province, the central office and the public are refused; nothing is stored', async () => {
  const c = (await t.call({ method: 'POST', url: '/api/v1/channels', as: ownA, body })).json();
  assert.equal((await upload(c.id, ownA, PDF)).statusCode, 200);
  const before_ = await tally();
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/channels/${c.id}`, as: ownB, body: { version: 2, partnerName: 'Chiếm' } }), 404);
  assertProblem(await t.call({ method: 'DELETE', url: `/api/v1/channels/${c.id}?version=2`, as: ownB }), 404);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/channels/${c.id}/verify`, as: communeOther, body: { version: 2 } }), 404);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/channels/${c.id}/verify`, as: provinceOther, body: { version: 2 } }), 404);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/channels/${c.id}/reject`, as: provinceOther, body: { version: 2, reason: 'không rõ' } }), 404);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/channels/${c.id}/verify`, as: await t.user('central'), body: { version: 2 } }), 403);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/channels/${c.id}/verify`, as: ownA, body: { version: 2 } }), 403, 'forbidden');
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/channels/${c.id}`, as: communeA, body: { version: 2, partnerName: 'Chiếm' } }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/channels', as: communeA, body }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/channels', body }), 401);
  assertProblem(await t.call({ url: `/api/v1/channels/${c.id}/history`, as: communeOther }), 404);
  assert.deepEqual(await tally(), before_, 'nothing written by the refusals');
  // The queue: the commune sees its unverified channels, oldest first; the other commune does not.
  const queue = (await t.call({ url: '/api/v1/channels?status=unverified&sort=createdAt', as: communeA })).json();
  assert.ok(queue.items.some((i: { id: string; actions: string[] }) => i.id === c.id && i.actions.includes('verify')));
  assert.equal((await t.call({ url: '/api/v1/channels?status=unverified', as: communeOther })).json().total, 0);
  const del = await t.call({ method: 'DELETE', url: `/api/v1/channels/${c.id}?version=2`, as: ownA });
  assert.equal(del.statusCode, 204, del.body);
});

test('bad input: a link that is not http(s), an unknown type, another entity\'s product, a price without a product, dates out of order, a stale version', async () => {
  const before_ = await tally();
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/channels', as: ownA, body: { ...body, shopUrl: 'javascript:alert(1)' } }), 400, 'validation_failed', 'shopUrl');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/channels', as: ownA, body: { ...body, shopUrl: 'not a url' } }), 400, 'validation_failed', 'shopUrl');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/channels', as: ownA, body: { ...body, type: 'bazaar' } }), 400, 'validation_failed', 'type');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/channels', as: ownA, body: { ...body, extra: 1 } }), 400, 'validation_failed');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/channels', as: ownA, body: { ...body, endsOn: '2025-12-31' } }), 400, 'validation_failed', 'endsOn');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/channels', as: ownA, body: { ...body, priceVnd: 100000 } }), 400, 'price_needs_product', 'priceVnd');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/channels', as: ownB, body: { ...body, productId: productA.id } }), 400, 'product_not_of_entity', 'productId');
  assert.deepEqual(await tally(), before_);
  const c = (await t.call({ method: 'POST', url: '/api/v1/channels', as: ownA, body: { ...body, type: 'ecommerce' } })).json();
  assert.equal((await t.call({ method: 'PATCH', url: `/api/v1/channels/${c.id}`, as: ownA, body: { version: 1, partnerName: 'Shopee' } })).statusCode, 200);
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/channels/${c.id}`, as: ownA, body: { version: 1, partnerName: 'Lazada' } }), 409, 'stale_version');
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/channels/${c.id}`, as: ownA, body: { version: 2, endsOn: '2025-01-01' } }), 400, 'ends_before_start', 'endsOn');
  assertProblem(await t.call({ method: 'DELETE', url: `/api/v1/channels/${c.id}?version=1`, as: ownA }), 409, 'stale_version');
});
