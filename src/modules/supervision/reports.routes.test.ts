// Consumer reports end to end over real HTTP: a report sent without an account, followed by its reference, triaged,
// linked, closed; duplicates merged; bad input and robots refused; the queue held to the product's province.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, makeEntity, makeProduct } from '../../../test/api-helpers.js';
import { multipartBody } from '../../../test/multipart.js';

// A 1×1 baseline JPEG.
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=', 'base64');
const CONTACT = '0912 345 678';

let t: TestApp;
let province: Session; let inspector: Session; let commune: Session;
let provinceOther: Session; let inspectorOther: Session; let communeOther: Session; let producer: Session;
let productA: { id: string }; let productOther: { id: string }; let draft: { id: string };
let ip = 0;
/** Each call from its own address (the per-address budget is tested on its own). */
const from = () => ({ 'x-forwarded-for': `198.51.100.${++ip}` });
const send = (body: Record<string, unknown>, headers = from()) => t.call({ method: 'POST', url: '/api/v1/reports', body, headers });
const rows = async () => Number((await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM report`))[0].n);

before(async () => {
  t = await testApp({ trustedProxies: ['127.0.0.1'] });
  const central = await t.user('central');
  const entityA = await makeEntity(t, central, MEO_VAC);
  productA = await makeProduct(t, central, entityA.id, { status: 'registered' });
  draft = await makeProduct(t, central, entityA.id, { name: 'Trà chưa công bố' });
  const entityB = await makeEntity(t, central, TAN_CUONG);
  productOther = await makeProduct(t, central, entityB.id, { status: 'registered' });
  [province, inspector, commune, provinceOther, inspectorOther, communeOther, producer] = await Promise.all([
    t.user('province', { provinceCode: '08' }), t.user('inspector', { provinceCode: '08' }), t.user('commune', { communeCode: MEO_VAC }),
    t.user('province', { provinceCode: '19' }), t.user('inspector', { provinceCode: '19' }), t.user('commune', { communeCode: TAN_CUONG }),
    t.user('entity', { entityId: entityA.id }),
  ]);
});
after(() => t.close());

test('a report without an account → its reference → triaged, linked, closed; the public status follows and says nothing else', async () => {
  const created = await send({ productId: productA.id, category: 'food_safety', message: 'Mật ong có mùi chua, hũ phồng nắp', contact: CONTACT });
  assert.equal(created.statusCode, 201, created.body);
  assert.deepEqual(Object.keys(created.json()), ['reference']);
  const ref: string = created.json().reference;
  assert.match(ref, /^PA-\d{4}-[0-9A-HJKMNP-TV-Z]{8}$/);

  const pub = async () => { const r = await t.call({ url: `/api/v1/reports/${ref.toLowerCase()}` }); assert.equal(r.statusCode, 200, r.body); return r.json(); };
  const first = await pub();
  assert.deepEqual(Object.keys(first).sort(), ['reference', 'status', 'updatedAt']);
  assert.deepEqual([first.reference, first.status], [ref, 'received']);

  const queue = await t.call({ url: '/api/v1/reports?status=open', as: inspector });
  assert.equal(queue.statusCode, 200, queue.body);
  const item = queue.json().items.find((i: { reference: string }) => i.reference === ref);
  assert.ok(item, 'in the queue of the product\'s province');
  assert.deepEqual([item.product.id, item.category, item.source, item.provinceCode, item.overdue], [productA.id, 'food_safety', 'public', '08', false]);
  assert.equal(item.contact, undefined, 'the list carries no contact');
  const detail = (await t.call({ url: `/api/v1/reports/${ref}/details`, as: province })).json();
  assert.equal(detail.contact, CONTACT);
  assert.deepEqual(detail.actions, ['triage', 'merge', 'link', 'close']);
  assert.equal(Number((await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM personal_data_access WHERE record_type = 'report' AND record_id = ${detail.id}`))[0].n), 1, 'the contact read is logged');

  const triaged = await t.call({ method: 'POST', url: `/api/v1/reports/${ref}/triage`, as: province, body: { version: 1, category: 'quality', assignedTo: inspector.user.id } });
  assert.equal(triaged.statusCode, 200, triaged.body);
  assert.deepEqual([triaged.json().status, triaged.json().category, triaged.json().assignedTo.id, triaged.json().version], ['triaging', 'quality', inspector.user.id, 2]);
  assert.equal((await pub()).status, 'triaging');
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/reports/${ref}/triage`, as: province, body: { version: 1 } }), 409, 'stale_version');
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/reports/${ref}/triage`, as: province, body: { version: 2, assignedTo: inspectorOther.user.id } }), 400, 'assignee_out_of_scope');

  const inspectionId = '7b0c2f4e-6a43-4d0e-9a53-2d1f0c9a1b11';
  const linked = await t.call({ method: 'POST', url: `/api/v1/reports/${ref}/link`, as: inspector, body: { version: 2, inspectionId } });
  assert.deepEqual([linked.json().status, linked.json().inspectionId], ['investigating', inspectionId]);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/reports/${ref}/close`, as: inspector, body: { version: 3, resolution: '' } }), 400);
  const closed = await t.call({ method: 'POST', url: `/api/v1/reports/${ref}/close`, as: inspector, body: { version: 3, resolution: 'Lấy mẫu kiểm nghiệm: đạt; lô hàng bảo quản sai ở điểm bán, đã nhắc nhở.' } });
  assert.equal(closed.statusCode, 200, closed.body);
  assert.equal(closed.json().status, 'closed');
  assert.ok(closed.json().closedAt);
  const last = await pub();
  assert.equal(last.status, 'closed');
  assert.ok(last.updatedAt > first.updatedAt);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/reports/${ref}/triage`, as: province, body: { version: 4 } }), 409, 'report_ended');
  const history = (await t.call({ url: `/api/v1/reports/${ref}/history`, as: commune })).json().items.map((h: { action: string }) => h.action);
  assert.deepEqual(history, ['report.close', 'report.link', 'report.triage', 'report.create']);
  assert.ok(!JSON.stringify(await t.call({ url: `/api/v1/reports/${ref}/history`, as: commune }).then((r) => r.json())).includes(CONTACT), 'the audit trail does not copy the contact');
});

test('bad input is a problem and writes nothing; unknown or unpublished products are not found; robots and floods are held back', async () => {
  const n = await rows();
  assertProblem(await send({ productId: productA.id, category: 'quality' }), 400, 'validation_failed', 'message');
  assertProblem(await send({ productId: productA.id, category: 'rumour', message: 'Sản phẩm kém' }), 400, 'validation_failed', 'category');
  assertProblem(await send({ productId: productA.id, category: 'quality', message: 'Sản phẩm kém', extra: 1 }), 400, 'validation_failed');
  assertProblem(await send({ productId: 'not-a-uuid', category: 'quality', message: 'Sản phẩm kém' }), 400, 'validation_failed', 'productId');
  assertProblem(await send({ productId: '00000000-0000-4000-8000-000000000000', category: 'quality', message: 'Sản phẩm kém' }), 404, 'product_not_found');
  assertProblem(await send({ productId: draft.id, category: 'quality', message: 'Sản phẩm kém' }), 404, 'product_not_found');
  assertProblem(await send({ productId: productA.id, category: 'quality', message: 'Sản phẩm kém', contact: 'x'.repeat(201) }), 400, 'validation_failed', 'contact');
  assertProblem(await t.call({ url: '/api/v1/reports/PA-2026-ZZZZZZZZ' }), 404, 'report_not_found');
  assertProblem(await t.call({ url: '/api/v1/reports/%3Cscript%3E' }), 404, 'report_not_found');
  // The hidden field filled: thanked with a reference that leads nowhere.
  const robot = await send({ productId: productA.id, category: 'quality', message: 'Mua ngay giá rẻ', website: 'http://spam.example' });
  assert.equal(robot.statusCode, 201);
  assertProblem(await t.call({ url: `/api/v1/reports/${robot.json().reference}` }), 404);
  // A photo that is not one.
  const bad = multipartBody([{ name: 'productId', value: productA.id }, { name: 'category', value: 'quality' }, { name: 'message', value: 'Ảnh kèm theo' }, { name: 'photos', filename: 'anh.jpg', type: 'image/jpeg', bytes: Buffer.from('plain text, not a photo') }]);
  assertProblem(await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: bad.payload, headers: { 'content-type': bad.contentType, ...from() } }) as never, 415, 'file_type_not_allowed');
  assert.equal(await rows(), n, 'nothing written');

  // One address: 20 reports an hour, then 429 with Retry-After.
  const one = { 'x-forwarded-for': '203.0.113.77' };
  for (let i = 0; i < 20; i++) assert.equal((await send({ productId: productA.id, category: 'other', message: `Phản ánh số ${i}` }, one)).statusCode, 201);
  const limited = await send({ productId: productA.id, category: 'other', message: 'Phản ánh thứ 21' }, one);
  assertProblem(limited, 429, 'rate_limited');
  assert.ok(limited.headers['retry-after']);
  assert.equal(await rows(), n + 20);
});

test('photos (multipart) reach the officers in scope only; duplicates merge and their public status follows the original', async () => {
  const m = multipartBody([{ name: 'productId', value: productA.id }, { name: 'category', value: 'counterfeit_label' }, { name: 'message', value: 'Tem OCOP in mờ, nghi giả' }, { name: 'lot', value: 'L-0412' }, { name: 'photos', filename: 'tem.jpg', type: 'image/jpeg', bytes: JPEG }]);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: m.payload, headers: { 'content-type': m.contentType, ...from() } });
  assert.equal(res.statusCode, 201, res.body);
  const a: string = res.json().reference;
  const detail = (await t.call({ url: `/api/v1/reports/${a}/details`, as: inspector })).json();
  assert.deepEqual([detail.lot, detail.photos.length, detail.photos[0].mimeType], ['L-0412', 1, 'image/jpeg']);
  assert.equal((await t.call({ url: detail.photos[0].url, as: commune })).rawPayload.subarray(0, 2).toString('hex'), 'ffd8');
  assert.equal((await t.call({ url: detail.photos[0].url })).statusCode, 401);
  assertProblem(await t.call({ url: detail.photos[0].url, as: inspectorOther }), 404);

  const b: string = (await send({ productId: productA.id, category: 'counterfeit_label', message: 'Tem giả, giống phản ánh trước' })).json().reference;
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/reports/${b}/merge`, as: province, body: { version: 1, into: b } }), 400, 'merge_into_itself');
  const merged = await t.call({ method: 'POST', url: `/api/v1/reports/${b}/merge`, as: province, body: { version: 1, into: a.toLowerCase() } });
  assert.equal(merged.statusCode, 200, merged.body);
  assert.deepEqual([merged.json().status, merged.json().duplicateOf], ['merged', a]);
  assert.deepEqual((await t.call({ url: `/api/v1/reports/${a}/details`, as: province })).json().duplicates, [b]);
  await t.call({ method: 'POST', url: `/api/v1/reports/${a}/close`, as: province, body: { version: 1, resolution: 'Đã chuyển cơ quan quản lý thị trường xử lý tem giả.' } });
  assert.equal((await t.call({ url: `/api/v1/reports/${b}` })).json().status, 'closed', 'the duplicate\'s reporter sees the case close');
});

test('scope: the queue is the product\'s province; another province\'s officer or inspector gets nothing, route by route', async () => {
  const ref: string = (await send({ productId: productA.id, category: 'quality', message: 'Bao bì rách khi mua' })).json().reference;
  const theirs: string = (await send({ productId: productOther.id, category: 'quality', message: 'Chè bị ẩm mốc' })).json().reference;
  for (const other of [provinceOther, inspectorOther, communeOther]) {
    const list = (await t.call({ url: '/api/v1/reports?pageSize=100', as: other })).json();
    assert.ok(list.items.every((i: { provinceCode: string }) => i.provinceCode === '19'), 'only their own province');
    assert.ok(list.items.every((i: { reference: string }) => i.reference !== ref));
    assertProblem(await t.call({ url: `/api/v1/reports/${ref}/details`, as: other }), 404, 'report_not_found');
    assertProblem(await t.call({ url: `/api/v1/reports/${ref}/history`, as: other }), 404);
  }
  for (const other of [provinceOther, inspectorOther]) {
    for (const [path, body] of [['triage', { version: 1 }], ['merge', { version: 1, into: theirs }], ['link', { version: 1, inspectionId: '7b0c2f4e-6a43-4d0e-9a53-2d1f0c9a1b11' }], ['close', { version: 1, resolution: 'Đóng hộ tỉnh khác' }]] as const) {
      assertProblem(await t.call({ method: 'POST', url: `/api/v1/reports/${ref}/${path}`, as: other, body }), 404);
    }
  }
  assert.ok((await t.call({ url: '/api/v1/reports?pageSize=100', as: provinceOther })).json().items.some((i: { reference: string }) => i.reference === theirs));
  // Merging across provinces is refused too.
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/reports/${ref}/merge`, as: province, body: { version: 1, into: theirs } }), 400, 'merge_target_not_found');
  // The commune reads its own, but does not handle them; producers and the public get no queue.
  assert.equal((await t.call({ url: `/api/v1/reports/${ref}/details`, as: commune })).statusCode, 200);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/reports/${ref}/close`, as: commune, body: { version: 1, resolution: 'Xã tự đóng' } }), 403);
  assertProblem(await t.call({ url: '/api/v1/reports', as: producer }), 403);
  assertProblem(await t.call({ url: '/api/v1/reports' }), 401);
  // Keyset paging over the queue.
  const page1 = (await t.call({ url: '/api/v1/reports?pageSize=2', as: province })).json();
  assert.equal(page1.items.length, 2);
  const page2 = (await t.call({ url: `/api/v1/reports?pageSize=2&cursor=${page1.nextCursor}`, as: province })).json();
  assert.ok(page2.items.every((i: { reference: string }) => !page1.items.some((j: { reference: string }) => j.reference === i.reference)));
  // An officer types in a phone call about a product in scope; not one elsewhere.
  const call = { productId: productA.id, category: 'misleading_claims', message: 'Người dân gọi điện: quảng cáo chữa bệnh', channel: 'phone', contact: '0203 123 456' };
  const recorded = await t.call({ method: 'POST', url: '/api/v1/reports/recorded', as: province, body: call });
  assert.equal(recorded.statusCode, 201, recorded.body);
  assert.deepEqual([recorded.json().source, recorded.json().channel, recorded.json().status], ['officer', 'phone', 'received']);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/reports/recorded', as: province, body: { ...call, productId: productOther.id } }), 403);
});

test('the product page\'s form works without JavaScript: a plain post, then a page with the reference and its status', async () => {
  const page = (await t.call({ url: `/san-pham/${productA.id}` })).body;
  assert.match(page, /<form class="report" action="\/phan-anh" encType="multipart\/form-data" method="post">/);
  const m = multipartBody([{ name: 'productId', value: productA.id }, { name: 'category', value: 'quality' }, { name: 'message', value: 'Bánh bị mốc trước hạn' }, { name: 'contact', value: CONTACT }, { name: 'photos', filename: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) }, { name: 'website', value: '' }]);
  const origin = new URL(t.config.publicUrl).origin;
  const res = await t.app.inject({ method: 'POST', url: '/phan-anh', payload: m.payload, headers: { 'content-type': m.contentType, origin, ...from() } });
  assert.equal(res.statusCode, 303, res.body);
  const location = String(res.headers.location);
  assert.match(location, /^\/phan-anh\/PA-\d{4}-[0-9A-Z]{8}\?moi=1$/);
  const shown = await t.call({ url: location });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /data-status="received"/);
  assert.ok(shown.body.includes(location.split('/')[2].split('?')[0]));
  assert.ok(!shown.body.includes(CONTACT) && !shown.body.includes('Bánh bị mốc'), 'neither the contact nor the message on a public page');
  const evil = multipartBody([{ name: 'productId', value: productA.id }, { name: 'category', value: 'quality' }, { name: 'message', value: 'Bánh bị mốc' }]);
  assert.equal((await t.app.inject({ method: 'POST', url: '/phan-anh', payload: evil.payload, headers: { 'content-type': evil.contentType, origin: 'https://evil.example' } })).statusCode, 403);
  const lookup = await t.call({ url: `/phan-anh?ma=${encodeURIComponent(location.split('/')[2].split('?')[0].toLowerCase())}` });
  assert.equal(lookup.statusCode, 303);
  assert.equal((await t.call({ url: '/phan-anh?ma=xyz' })).statusCode, 400);
});
