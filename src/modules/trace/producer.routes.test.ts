import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { checkDigit } from '../../app/gs1.js';
import { query } from '../../app/db.js';
import { DONG_VAN, MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, makeEntity, makeProduct } from '../../../test/api-helpers.js';

let t: TestApp;
let producerA: Session, producerB: Session, communeA: Session, communeOther: Session, province08: Session, province19: Session;
let entityA: { id: string }, entityB: { id: string };
let productA: { id: string; gtin: string }, productB: { id: string };
const loc: Record<string, string> = {};

const traceCounts = async () => (await query<{ l: number; lots: number; ev: number }>(t.database.db, sql`
  SELECT (SELECT count(*)::int FROM trace_location) AS l, (SELECT count(*)::int FROM trace_lot) AS lots, (SELECT count(*)::int FROM epcis_event) AS ev`))[0];

before(async () => {
  t = await testApp({ gs1Prefix: '8930998' });
  const central = await t.user('central');
  entityA = await makeEntity(t, central, MEO_VAC);
  entityB = await makeEntity(t, central, TAN_CUONG, { name: 'HTX Chè Tân Cương' });
  productA = await makeProduct(t, central, entityA.id, { status: 'registered' });
  productB = await makeProduct(t, central, entityB.id, { name: 'Chè búp Tân Cương', productSet: 11, status: 'registered' });
  [producerA, producerB, communeA, communeOther, province08, province19] = await Promise.all([
    t.user('entity', { entityId: entityA.id }), t.user('entity', { entityId: entityB.id }), t.user('commune', { communeCode: MEO_VAC }),
    t.user('commune', { communeCode: DONG_VAN }), t.user('province', { provinceCode: '08' }), t.user('province', { provinceCode: '19' }),
  ]);
});
after(() => t.close());

test('locations: GLNs under the programme prefix or the entity\'s own; another entity or commune is refused and nothing is stored', async () => {
  const make = async (as: Session, body: Record<string, unknown>) => t.call({ method: 'POST', url: '/api/v1/trace/locations', as, body: { entityId: entityA.id, ...body } });
  for (const [kind, name] of [['raw_material_area', 'Vùng bạc hà Mèo Vạc'], ['workshop', 'Xưởng chiết mật']] as const) {
    const res = await make(producerA, { kind, name, communeCode: MEO_VAC, latitude: 23.15, longitude: 105.41 });
    assert.equal(res.statusCode, 201, res.body);
    assert.match(res.json().gln, /^8930998\d{6}$/);
    assert.equal(res.json().digitalLink, `https://id.gs1.org/414/${res.json().gln}`);
    assert.equal(res.json().communeName.length > 0, true);
    loc[kind] = res.json().id;
  }
  const own = '893456700001';
  const shop = await make(producerA, { kind: 'shop', name: 'Cửa hàng Đồng Văn', gln: own + checkDigit(own) });
  assert.equal(shop.statusCode, 201, shop.body);
  loc.shop = shop.json().id;

  const before_ = await traceCounts();
  assertProblem(await make(producerA, { kind: 'shop', name: 'Sai', gln: own + ((checkDigit(own) + 1) % 10) }), 400, 'gln_bad_check_digit', 'gln');
  assertProblem(await make(producerA, { kind: 'farm', name: 'Nửa toạ độ', latitude: 23.1 }), 400, 'validation_failed', 'longitude');
  assert.ok([403, 404].includes((await make(producerB, { kind: 'farm', name: 'Chiếm' })).statusCode));
  assertProblem(await make(communeA, { kind: 'farm', name: 'Xã ghi hộ' }), 403);
  assert.deepEqual(await traceCounts(), before_);

  assert.equal((await t.call({ url: `/api/v1/trace/locations?entity=${entityA.id}`, as: communeA })).json().items.length, 3);
  assertProblem(await t.call({ url: `/api/v1/trace/locations?entity=${entityA.id}`, as: communeOther }), 404);
  assertProblem(await t.call({ url: `/api/v1/trace/locations?entity=${entityA.id}`, as: producerB }), 404);
  assertProblem(await t.call({ url: `/api/v1/trace/locations?entity=${entityA.id}` }), 401);
});

let lotId = '';
test('lots: opened by the entity with dates and a code it can read; others refused', async () => {
  const res = await t.call({ method: 'POST', url: '/api/v1/trace/lots', as: producerA, body: { productId: productA.id, producedOn: '2026-03-01', expiresOn: '2028-03-01', quantity: 120, uom: 'KGM' } });
  assert.equal(res.statusCode, 201, res.body);
  const lot = res.json();
  assert.equal(lot.lot, 'L260301-1');
  assert.equal(lot.gtin, productA.gtin);
  assert.equal(lot.digitalLink, `${t.config.publicUrl}/01/${productA.gtin}/10/L260301-1`);
  assert.equal(lot.labelsUrl, `/api/v1/trace/lots/${lot.id}/labels.pdf`);
  assert.deepEqual(lot.steps, []);
  assert.equal(lot.nextStep, 'harvest');
  lotId = lot.id;
  const before_ = await traceCounts();
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trace/lots', as: producerA, body: { productId: productA.id, lot: 'L260301-1' } }), 409, 'duplicate_lot', 'lot');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trace/lots', as: producerA, body: { productId: productA.id, producedOn: '2026-03-01', expiresOn: '2026-02-01' } }), 400, 'validation_failed', 'expiresOn');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trace/lots', as: producerA, body: { productId: productA.id, lot: 'lô/1' } }), 400, 'validation_failed', 'lot');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trace/lots', as: producerB, body: { productId: productA.id } }), 400, 'unknown_product', 'productId');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trace/lots', as: communeA, body: { productId: productA.id } }), 403);
  assert.deepEqual(await traceCounts(), before_);
  assert.equal((await t.call({ url: `/api/v1/trace/lots?product=${productA.id}`, as: province08 })).json().items.length, 1);
  assertProblem(await t.call({ url: `/api/v1/trace/lots?product=${productA.id}`, as: province19 }), 404);
  assertProblem(await t.call({ url: `/api/v1/trace/lots/${lotId}`, as: producerB }), 404);
});

test('recording: five taps from raw-material area to shop capture the expected CBV 2.0 events; others refused, nothing stored', async () => {
  const step = (as: Session, body: Record<string, unknown>, id = lotId) => t.call({ method: 'POST', url: `/api/v1/trace/lots/${id}/steps`, as, body });
  const before_ = await traceCounts();
  assertProblem(await step(producerB, { step: 'harvest', locationId: loc.raw_material_area }), 404);
  assertProblem(await step(communeA, { step: 'harvest', locationId: loc.raw_material_area }), 403);
  const bLoc = await t.call({ method: 'POST', url: '/api/v1/trace/locations', as: producerB, body: { entityId: entityB.id, kind: 'farm', name: 'Đồi chè' } });
  assertProblem(await step(producerA, { step: 'harvest', locationId: bLoc.json().id }), 400, 'unknown_location', 'locationId');
  assertProblem(await step(producerA, { step: 'shipping', locationId: loc.workshop }), 400, 'validation_failed', 'destinationId');
  assert.deepEqual((await traceCounts()).ev, before_.ev);

  const taps: Record<string, unknown>[] = [
    { step: 'harvest', locationId: loc.raw_material_area, quantity: 150, uom: 'KGM', at: '2026-03-01T06:00:00+07:00' },
    { step: 'processing', locationId: loc.workshop, quantity: 120, at: '2026-03-01T14:00:00+07:00' },
    { step: 'packing', locationId: loc.workshop, quantity: 400, uom: 'H87', at: '2026-03-02T09:00:00+07:00' },
    { step: 'shipping', locationId: loc.workshop, destinationId: loc.shop, at: '2026-03-03T07:00:00+07:00' },
    { step: 'receiving', locationId: loc.shop, at: '2026-03-03T16:00:00+07:00' },
  ];
  for (const tap of taps) {
    const res = await step(producerA, tap);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().eventIds.length, 1);
  }
  const lot = (await t.call({ url: `/api/v1/trace/lots/${lotId}`, as: communeA })).json();
  assert.deepEqual(lot.steps.map((s: { step: string }) => s.step), ['harvest', 'processing', 'packing', 'shipping', 'receiving']);
  assert.equal(lot.steps[0].locationName, 'Vùng bạc hà Mèo Vạc');
  assert.equal(lot.nextStep, null);
  assert.deepEqual(lot.actions, ['labels']); // the commune reads, the producer records

  const events = await query<{ event_type: string; biz_step: string; disposition: string; body: any }>(t.database.db, sql`SELECT event_type, biz_step, disposition, body FROM epcis_event WHERE entity_id = ${entityA.id} ORDER BY event_time`);
  assert.deepEqual(events.map((e) => [e.event_type, e.biz_step.replace(/.*[-:/]/, ''), e.disposition?.replace(/.*[-:/]/, '')]), [
    ['ObjectEvent', 'creating_class_instance', 'active'], ['TransformationEvent', 'creating_class_instance', 'active'],
    ['ObjectEvent', 'packing', 'sellable_not_accessible'], ['ObjectEvent', 'shipping', 'in_transit'], ['ObjectEvent', 'receiving', 'sellable_accessible'],
  ]);
  const lotDl = `https://id.gs1.org/01/${productA.gtin}/10/L260301-1`;
  assert.equal(events[1].body.outputQuantityList[0].epcClass, lotDl);
  assert.equal(events[1].body.inputQuantityList[0].epcClass, events[0].body.quantityList[0].epcClass);
  assert.equal(events[1].body.ilmd['cbvmda:itemExpirationDate'], '2028-03-01');
  assert.match(events[3].body.destinationList[0].destination, /^https:\/\/id\.gs1\.org\/414\/893456700001\d$/);
  assert.equal(events[4].body.sourceList[0].source, events[3].body.bizLocation.id);
  assert.equal(events[0].body.eventTime, '2026-03-01T06:00:00.000+07:00');
});

test('officers: the traceability status of the products in scope, and the 4★ product without a traceability code flagged', async () => {
  const central = await t.user('central');
  const star4 = await makeProduct(t, central, entityA.id, { name: 'Mật ong hoa tam giác mạch', status: 'registered' });
  await t.database.db.execute(sql`UPDATE product SET status = 'certified', stars = 4 WHERE id IN (${star4.id}, ${productA.id})`);
  const res = await t.call({ url: '/api/v1/trace/status?pageSize=1', as: province08 });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.json().nextCursor);
  assert.match(String(res.headers.link), /rel="next"/);
  const all = (await t.call({ url: '/api/v1/trace/status', as: province08 })).json().items;
  const a = all.find((i: { productId: string }) => i.productId === productA.id);
  assert.deepEqual([a.lots, a.events, a.flagged, a.lastEventAt?.slice(0, 10)], [1, 4, false, '2026-03-03']);
  assert.equal(all.find((i: { productId: string }) => i.productId === star4.id).flagged, true);
  const flagged = (await t.call({ url: '/api/v1/trace/status?flagged=true', as: communeA })).json().items;
  assert.deepEqual(flagged.map((i: { productId: string }) => i.productId), [star4.id]);
  assert.equal((await t.call({ url: '/api/v1/trace/status', as: province19 })).json().items.some((i: { productId: string }) => i.productId === productA.id), false);
  assert.equal((await t.call({ url: '/api/v1/trace/status', as: province19 })).json().items.some((i: { productId: string }) => i.productId === productB.id), true);
  assertProblem(await t.call({ url: '/api/v1/trace/status', as: producerA }), 403);
});
