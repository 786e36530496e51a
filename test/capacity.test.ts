// Issue 15, parts 5 and 6 through the API: a product's standards checklist warns of a lapsing food-safety
// certificate (and the commune's expiring list names it); evidence files are content-checked; raw-material areas
// with a GeoJSON location are kept by the entity and verified in scope; a batch names its area and the public
// trace page shows it. Bad input and scope refusals store nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../src/app/db.js';
import { vnDate } from '../src/modules/scoring/index.js';
import { addDaysTo } from '../src/modules/programme/standards.rules.js';
import { DONG_VAN, MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from './harness.js';
import { assertProblem, makeEntity, makeProduct } from './api-helpers.js';
import { multipartBody } from './multipart.js';

let t: TestApp;
let ownA: Session; let ownB: Session; let communeA: Session; let communeOther: Session; let provinceOther: Session; let central: Session;
let entityA: { id: string }; let productA: { id: string; gtin: string }; let productB: { id: string };
before(async () => {
  t = await testApp();
  central = await t.user('central');
  entityA = await makeEntity(t, central, MEO_VAC);
  productA = await makeProduct(t, central, entityA.id, { name: 'Mật ong bạc hà Mèo Vạc', status: 'registered' });
  const entityB = await makeEntity(t, central, TAN_CUONG, { name: 'HTX Chè Tân Cương' });
  productB = await makeProduct(t, central, entityB.id, { name: 'Chè Tân Cương', productSet: 11, status: 'registered' });
  ownA = await t.user('entity', { entityId: entityA.id });
  ownB = await t.user('entity', { entityId: entityB.id });
  communeA = await t.user('commune', { communeCode: MEO_VAC });
  communeOther = await t.user('commune', { communeCode: DONG_VAN });
  provinceOther = await t.user('province', { provinceCode: '19' });
});
after(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const tally = async () => (await query<Record<string, number>>(t.database.db, sql`SELECT (SELECT count(*)::int FROM compliance_item) AS c,
  (SELECT count(*)::int FROM raw_material_area) AS a, (SELECT count(*)::int FROM stored_file) AS f, (SELECT count(*)::int FROM audit_log) AS l`))[0];
function upload(url: string, as: Session, bytes: Buffer, name = 'giay-chung-nhan.pdf') {
  const m = multipartBody([{ name: 'file', filename: name, type: 'application/pdf', bytes }]);
  return t.app.inject({ method: 'POST', url, payload: m.payload, headers: { 'content-type': m.contentType, cookie: as.cookie, 'x-csrf-token': as.csrf } });
}

test('the checklist lists the honey\'s standards, warns of a food-safety certificate lapsing soon, and the commune\'s list names it', async () => {
  const url = `/api/v1/products/${productA.id}/compliance`;
  const first = await t.call({ url, as: ownA });
  assert.equal(first.statusCode, 200, first.body);
  const codes = first.json().items.map((i: { requirement: { code: string } }) => i.requirement.code);
  for (const c of ['food_safety_certificate', 'label', 'conformity_certificate', 'honey_standard']) assert.ok(codes.includes(c), c);
  assert.equal(first.json().items.every((i: { status: string }) => i.status === 'missing'), true);
  const today = vnDate(new Date());
  const soon = await t.call({ method: 'PUT', url: `${url}/food_safety_certificate`, as: ownA, body: { status: 'met', certificateNumber: '125/2023/NNPTNT-HG', issuer: 'Chi cục Quản lý chất lượng nông lâm thủy sản', issuedOn: addDaysTo(today, -1065), expiresOn: addDaysTo(today, 30) } });
  assert.equal(soon.statusCode, 200, soon.body);
  await t.call({ method: 'PUT', url: `${url}/conformity_certificate`, as: ownA, body: { status: 'met', certificateNumber: 'HQ-2026-0417', issuer: 'Quacert', expiresOn: addDaysTo(today, 700) } });
  const list = (await t.call({ url, as: communeA })).json();
  const fs = list.items.find((i: { requirement: { code: string } }) => i.requirement.code === 'food_safety_certificate');
  assert.deepEqual([fs.status, fs.expiry.state, fs.expiry.daysLeft], ['met', 'expiring', 30]);
  assert.deepEqual([list.summary.expiring, list.summary.met, list.warnDays, list.actions], [1, 2, 60, []]);

  const expiring = (await t.call({ url: '/api/v1/compliance/expiring', as: communeA })).json();
  assert.deepEqual(expiring.items.map((i: { product: { id: string }; requirement: { code: string } }) => [i.product.id, i.requirement.code]), [[productA.id, 'food_safety_certificate']]);
  assert.equal((await t.call({ url: '/api/v1/compliance/expiring', as: communeOther })).json().items.length, 0);
  assert.equal((await t.call({ url: '/api/v1/compliance/expiring', as: provinceOther })).json().items.length, 0);
  assert.equal((await t.call({ url: '/api/v1/compliance/expiring', as: central })).json().items.length, 1);

  // Markets add their requirements; evidence is checked by its bytes; outsiders are refused and nothing is stored.
  const eu = await t.call({ method: 'PUT', url: `${url}/markets`, as: ownA, body: { markets: ['EU'] } });
  assert.ok(eu.json().items.some((i: { requirement: { code: string; market: string } }) => i.requirement.code === 'eu_honey' && i.requirement.market === 'EU'), eu.body);
  const before_ = await tally();
  assertProblem(await t.call({ method: 'PUT', url: `${url}/markets`, as: ownA, body: { markets: ['XX'] } }), 400, 'unknown_market', 'markets');
  assertProblem(await upload(`${url}/food_safety_certificate/evidence`, ownA, Buffer.from('plain text, not a certificate')), 415, 'file_type_not_allowed');
  assertProblem(await upload(`${url}/food_safety_certificate/evidence`, ownB, PDF), 404);
  assertProblem(await t.call({ method: 'PUT', url: `${url}/label`, as: communeA, body: { status: 'met' } }), 403);
  assertProblem(await t.call({ method: 'PUT', url: `${url}/not_a_requirement`, as: ownA, body: { status: 'met' } }), 404, 'requirement_not_found');
  assertProblem(await t.call({ method: 'PUT', url: `${url}/label`, as: ownA, body: { status: 'met', issuedOn: '2026-05-01', expiresOn: '2026-01-01' } }), 400, 'validation_failed', 'expiresOn');
  assertProblem(await t.call({ method: 'PUT', url: `${url}/food_safety_certificate`, as: ownA, body: { status: 'met', version: 7 } }), 409, 'stale_version');
  assertProblem(await t.call({ url, as: ownB }), 404);
  assertProblem(await t.call({ url, as: communeOther }), 404);
  assert.deepEqual(await tally(), before_, 'nothing written by the refusals');
  const up = await upload(`${url}/food_safety_certificate/evidence`, ownA, PDF);
  assert.equal(up.statusCode, 200, up.body);
  const ev = up.json().items.find((i: { requirement: { code: string } }) => i.requirement.code === 'food_safety_certificate').evidence;
  assert.equal((await t.call({ url: ev.url, as: communeA })).body.slice(0, 5), '%PDF-');
  assertProblem(await t.call({ url: ev.url, as: communeOther }), 404);
});

const polygon = { type: 'Polygon', coordinates: [[[105.41, 23.16], [105.42, 23.16], [105.42, 23.17], [105.41, 23.17], [105.41, 23.16]]] };
const area = { name: 'Vùng hoa bạc hà Pải Lủng', location: polygon, kind: 'livestock', produce: ['Ong nội', 'Hoa bạc hà'], farmingStandard: 'vietgap', certificates: [{ number: 'VG-08-2025-031', issuer: 'Trung tâm Kiểm nghiệm và Chứng nhận chất lượng nông lâm thủy sản', standard: 'vietgap', issuedOn: '2025-04-01', expiresOn: '2028-04-01' }] };

test('raw-material areas: GeoJSON checked, verified in scope, named by a batch and shown on the public trace page', async () => {
  const before_ = await tally();
  const bad = (location: unknown) => t.call({ method: 'POST', url: '/api/v1/raw-material-areas', as: ownA, body: { ...area, location } });
  assertProblem(await bad({ type: 'Point', coordinates: [23.16, 105.41] }), 400, 'position_outside_vietnam', 'location.coordinates');
  assertProblem(await bad({ type: 'Polygon', coordinates: [polygon.coordinates[0].slice(0, 4)] }), 400, 'ring_not_closed', 'location.coordinates.0');
  assertProblem(await bad({ type: 'Polygon', coordinates: [[[105.41, 23.16], [105.42, 23.17], [105.42, 23.16], [105.41, 23.17], [105.41, 23.16]]] }), 400, 'ring_self_intersects');
  assertProblem(await bad('105.41,23.16'), 400, 'invalid_geojson', 'location');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/raw-material-areas', as: ownA, body: { ...area, areaHa: 900 } }), 400, 'area_size_mismatch', 'areaHa');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/raw-material-areas', as: ownA, body: { ...area, productIds: [productB.id] } }), 400, 'product_not_of_entity', 'productIds');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/raw-material-areas', as: communeA, body: area }), 403);
  assert.deepEqual(await tally(), before_);

  const created = await t.call({ method: 'POST', url: '/api/v1/raw-material-areas', as: ownA, body: { ...area, productIds: [productA.id] } });
  assert.equal(created.statusCode, 201, created.body);
  const a = created.json();
  assert.ok(a.areaHa > 100 && a.areaHa < 130, `a 0.01° square at 23° N is about 113 ha, got ${a.areaHa}`);
  assert.deepEqual([a.status, a.products.map((p: { id: string }) => p.id), a.communeCode], ['unverified', [productA.id], MEO_VAC]);
  for (const who of [ownB, communeOther, provinceOther]) assertProblem(await t.call({ url: `/api/v1/raw-material-areas/${a.id}`, as: who }), 404);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/raw-material-areas/${a.id}/verify`, as: communeOther, body: { version: 1 } }), 404);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/raw-material-areas/${a.id}/verify`, as: central, body: { version: 1 } }), 403);
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/raw-material-areas/${a.id}`, as: ownB, body: { version: 1, name: 'Chiếm' } }), 404);
  const ok = await t.call({ method: 'POST', url: `/api/v1/raw-material-areas/${a.id}/verify`, as: communeA, body: { version: 1 } });
  assert.equal(ok.json().status, 'verified', ok.body);
  const moved = await t.call({ method: 'PATCH', url: `/api/v1/raw-material-areas/${a.id}`, as: ownA, body: { version: 2, location: { type: 'Point', coordinates: [105.415, 23.165] }, areaHa: 110 } });
  assert.deepEqual([moved.json().status, moved.json().latitude], ['unverified', 23.165], moved.body);

  // A batch names its area (only one of its own entity's), and the public trace page shows it.
  const areaB = (await t.call({ method: 'POST', url: '/api/v1/raw-material-areas', as: ownB, body: { ...area, name: 'Đồi chè Tân Cương', location: { type: 'Point', coordinates: [105.77, 21.6] } } })).json();
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trace/lots', as: ownA, body: { productId: productA.id, rawMaterialAreaId: areaB.id } }), 400, 'area_not_of_entity', 'rawMaterialAreaId');
  const lot = await t.call({ method: 'POST', url: '/api/v1/trace/lots', as: ownA, body: { productId: productA.id, lot: 'MO2611-01', producedOn: '2026-11-02', rawMaterialAreaId: a.id } });
  assert.equal(lot.statusCode, 201, lot.body);
  assert.equal(lot.json().rawMaterialAreaId, a.id);
  const page = await t.call({ url: `/truy-xuat/01/${productA.gtin}/10/MO2611-01` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Lô này lấy nguyên liệu từ <strong>Vùng hoa bạc hà Pải Lủng<\/strong>/);
  assert.match(page.body, /Tiêu chuẩn canh tác: VietGAP/);
  assert.match(page.body, /openstreetmap\.org\/\?mlat=23\.16500&amp;mlon=105\.41500/);
  assert.ok(!page.body.includes('VG-08-2025-031'), 'the certificate number stays internal');
  assertProblem(await t.call({ method: 'DELETE', url: `/api/v1/raw-material-areas/${a.id}?version=3`, as: ownA }), 409, 'area_in_use');
});
