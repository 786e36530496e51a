// Fairs, livestream sessions and tourism destinations through the real API, and their indicators and public pages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { query } from '../../app/db.js';
import { addDays, vnDate } from '../scoring/index.js';
import { MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, makeEntity, makeProduct } from '../../../test/api-helpers.js';

let t: TestApp;
let tq: Session; let tn: Session; let communeA: Session; let ownA: Session; let ownB: Session;
let entityA: { id: string }; let productA: { id: string }; let draftA: { id: string }; let productB: { id: string };
const today = vnDate(new Date());

before(async () => {
  t = await testApp();
  // The two provinces' offices create the fixtures (through the real API) and act in the tests.
  tq = await t.user('province', { provinceCode: '08' });
  tn = await t.user('province', { provinceCode: '19' });
  entityA = await makeEntity(t, tq, MEO_VAC, { name: 'HTX Hội chợ A' });
  productA = await makeProduct(t, tq, entityA.id, { name: 'Mật ong hội chợ', status: 'registered' });
  draftA = await makeProduct(t, tq, entityA.id, { name: 'Sản phẩm nháp' });
  const entityB = await makeEntity(t, tn, TAN_CUONG, { name: 'HTX Chè B' });
  productB = await makeProduct(t, tn, entityB.id, { name: 'Chè Tân Cương', status: 'registered', productSet: 11 });
  ownA = await t.user('entity', { entityId: entityA.id });
  ownB = await t.user('entity', { entityId: entityB.id });
  communeA = await t.user('commune', { communeCode: MEO_VAC });
});
after(() => t.close());

const tally = async () => (await query<Record<string, number>>(t.database.db, sql`SELECT (SELECT count(*)::int FROM trade_event) AS e, (SELECT count(*)::int FROM trade_event_registration) AS r,
  (SELECT count(*)::int FROM livestream_session) AS l, (SELECT count(*)::int FROM tourism_destination) AS d, (SELECT count(*)::int FROM audit_log) AS a`))[0];
const fair = (over: Record<string, unknown> = {}) => ({ kind: 'fair', name: 'Hội chợ OCOP Tuyên Quang', organiser: 'VP OCOP tỉnh Tuyên Quang', venue: 'Quảng trường Nguyễn Tất Thành', venueProvinceCode: '08', startsOn: today, endsOn: addDays(today, 3), booths: 2, ...over });
async function workbookOf(res: Awaited<ReturnType<TestApp['call']>>) {
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const ws = wb.worksheets[0];
  return ws.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
}

test('an event: the province announces it, entities register with their products, the province approves with booths, results move the indicator, lists export to xlsx', async () => {
  const created = await t.call({ method: 'POST', url: '/api/v1/trade-events', as: tq, body: fair() });
  assert.equal(created.statusCode, 201, created.body);
  const ev = created.json();
  assert.deepEqual([ev.level, ev.province.code, ev.registrationOpen, ev.booths, ev.participants], ['province', '08', true, 2, 0]);
  assert.ok((await t.call({ url: '/api/v1/trade-events' })).json().items.some((e: { id: string; actions?: unknown }) => e.id === ev.id && e.actions === undefined));

  const regA = await t.call({ method: 'POST', url: `/api/v1/trade-events/${ev.id}/registrations`, as: ownA, body: { productIds: [productA.id], note: 'Cần ổ điện' } });
  assert.equal(regA.statusCode, 201, regA.body);
  assert.deepEqual([regA.json().status, regA.json().products.map((p: { name: string }) => p.name)], ['pending', ['Mật ong hội chợ']]);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/trade-events/${ev.id}/registrations`, as: ownA, body: { productIds: [productA.id] } }), 409, 'already_registered');
  assertProblem(await t.call({ url: `/api/v1/trade-events/registrations/${regA.json().id}` }), 404);
  const regB = (await t.call({ method: 'POST', url: `/api/v1/trade-events/${ev.id}/registrations`, as: ownB, body: { productIds: [productB.id] } })).json();

  // Another province neither organises the event nor holds entity A: it does not even see A's waiting registration;
  // it holds entity B, but does not organise the event: refused.
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/trade-events/registrations/${regA.json().id}/decision`, as: tn, body: { version: 1, decision: 'approve', booth: 'A1' } }), 404);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/trade-events/registrations/${regB.id}/decision`, as: tn, body: { version: 1, decision: 'approve', booth: 'A1' } }), 403);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/trade-events/registrations/${regA.json().id}/decision`, as: ownA, body: { version: 1, decision: 'approve' } }), 403);

  const okA = await t.call({ method: 'POST', url: `/api/v1/trade-events/registrations/${regA.json().id}/decision`, as: tq, body: { version: 1, decision: 'approve', booth: ' a1 ' } });
  assert.equal(okA.statusCode, 200, okA.body);
  assert.deepEqual([okA.json().status, okA.json().booth, okA.json().actions], ['approved', 'A1', ['reject', 'results']]);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/trade-events/registrations/${regB.id}/decision`, as: tq, body: { version: 1, decision: 'approve', booth: 'A1' } }), 400, 'booth_taken', 'booth');
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/trade-events/registrations/${regB.id}/decision`, as: tq, body: { version: 1, decision: 'approve', booth: 'B2' } })).statusCode, 200);

  const fairs = async (q = '') => (await t.call({ url: `/api/v1/indicators/fairs${q}` })).json();
  const before_ = await fairs('?province=08');
  assert.deepEqual([before_.summary.eventsHeld, before_.summary.entities, before_.summary.salesVnd], [1, 1, 0]);
  assertProblem(await t.call({ method: 'PUT', url: `/api/v1/trade-events/registrations/${regA.json().id}/results`, as: ownB, body: { version: 2, salesVnd: 1, contracts: 0, newPartners: 0 } }), 403);
  const res = await t.call({ method: 'PUT', url: `/api/v1/trade-events/registrations/${regA.json().id}/results`, as: ownA, body: { version: 2, salesVnd: 52_500_000, contracts: 2, newPartners: 3 } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().results.salesVnd, 52_500_000);
  const national = await fairs();
  assert.deepEqual([national.summary.salesVnd, national.summary.contracts, national.summary.newPartners, national.summary.entities], [52_500_000, 2, 3, 2]);
  assert.deepEqual(national.rows.find((r: { province: string }) => r.province === '08'), { level: 'province', province: '08', provinceName: 'Tỉnh Tuyên Quang', events: 1, entities: 1, salesVnd: 52_500_000, contracts: 2, newPartners: 3 });
  assert.equal((await fairs(`?from=${addDays(today, 1)}`)).summary.salesVnd, 0, 'a period after the event counts nothing');
  const csv = await t.call({ url: '/api/v1/indicators/fairs?format=csv' });
  assert.match(String(csv.headers['content-type']), /text\/csv/);
  assert.match(csv.body, /level,province,provinceName,events,entities,salesVnd,contracts,newPartners/);
  // The same table as an Excel workbook (the shared presenter): the CSV's columns, then a sheet with the summary.
  const book = await t.call({ url: '/api/v1/indicators/fairs?province=08&format=xlsx' });
  assert.match(String(book.headers['content-disposition']), /attachment; filename="fairs-08-\d{4}-\d{2}-\d{2}\.xlsx"/);
  const sheet = await workbookOf(book);
  assert.deepEqual(sheet[0], ['level', 'province', 'provinceName', 'events', 'entities', 'salesVnd', 'contracts', 'newPartners']);
  assert.deepEqual(sheet[1], ['province', '08', 'Tỉnh Tuyên Quang', 1, 1, 52_500_000, 2, 3]);
  const about = new ExcelJS.Workbook();
  await about.xlsx.load(book.rawPayload as never);
  const facts = new Map(about.worksheets[1].getSheetValues().slice(2).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
  assert.equal(facts.get('summary.salesVnd'), 52_500_000);
  assert.match(String(facts.get('source')), /reported after the event/);
  assertProblem(await t.call({ url: '/api/v1/indicators/fairs?province=99' }), 404);

  // Who exhibits is public; an entity's results, its note and the bookkeeping are not.
  const pub = (await t.call({ url: `/api/v1/trade-events/registrations?event=${ev.id}` })).json();
  assert.deepEqual(pub.items.map((i: { booth: string }) => i.booth).sort(), ['A1', 'B2']);
  for (const i of pub.items) for (const k of ['results', 'note', 'version', 'actions']) assert.equal(i[k], undefined, k);
  assert.equal((await t.call({ url: `/api/v1/trade-events/${ev.id}` })).json().participants, 2);

  const rows = await workbookOf(await t.call({ url: `/api/v1/trade-events/registrations/export?event=${ev.id}`, as: tq }));
  assert.equal(rows[0][0], 'Sự kiện');
  const a = rows.find((r) => r[2] === 'HTX Hội chợ A')!;
  assert.deepEqual([a[5], a[6], a[7]], ['A1', 52_500_000, 2]);
  const events = await workbookOf(await t.call({ url: '/api/v1/trade-events/export?province=08' }));
  assert.ok(events.some((r) => r[0] === 'Hội chợ OCOP Tuyên Quang'));
  const history = (await t.call({ url: `/api/v1/trade-events/registrations/${regA.json().id}/history`, as: ownA })).json().items.map((h: { action: string }) => h.action);
  assert.deepEqual(history, ['trade_event.results', 'trade_event.approve', 'trade_event.register']);
});

test('scope and bad input: other entities\' or draft products, offices outside their level, closed registration, early results; nothing is written', async () => {
  const ev = (await t.call({ method: 'POST', url: '/api/v1/trade-events', as: tq, body: fair({ name: 'Hội chợ mùa thu', startsOn: addDays(today, 10), endsOn: addDays(today, 12), registrationDeadline: addDays(today, 5) }) })).json();
  const closed = (await t.call({ method: 'POST', url: '/api/v1/trade-events', as: tn, body: fair({ name: 'Hội chợ đã đóng đăng ký', venueProvinceCode: '19', registrationDeadline: addDays(today, -1), startsOn: addDays(today, 2), endsOn: addDays(today, 3) }) })).json();
  assert.deepEqual([closed.level, closed.province.code], ['province', '19']);
  const before_ = await tally();
  const post = (body: Record<string, unknown>, as: Session, id = ev.id) => t.call({ method: 'POST', url: `/api/v1/trade-events/${id}/registrations`, as, body });
  assertProblem(await post({ productIds: [productB.id] }, ownA), 400, 'product_not_offered', 'productIds.0');
  assertProblem(await post({ productIds: [productA.id, draftA.id] }, ownA), 400, 'product_not_offered', 'productIds.1');
  assertProblem(await post({ productIds: [] }, ownA), 400, 'validation_failed', 'productIds');
  assertProblem(await post({ productIds: [productA.id] }, tq), 403);
  assertProblem(await post({ productIds: [productA.id] }, ownA, closed.id), 409, 'registration_closed');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trade-events', as: ownA, body: fair() }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trade-events', body: fair() }), 401);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trade-events', as: tq, body: fair({ endsOn: addDays(today, -1) }) }), 400, 'validation_failed', 'endsOn');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trade-events', as: tq, body: fair({ venueProvinceCode: null }) }), 400, 'validation_failed', 'venueProvinceCode');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trade-events', as: tq, body: fair({ kind: 'bazaar' }) }), 400, 'validation_failed', 'kind');
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/trade-events/${ev.id}`, as: tn, body: { version: 1, name: 'Chiếm' } }), 403);
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/trade-events/${closed.id}`, as: tq, body: { version: 1, booths: 1 } }), 403);
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/trade-events/${ev.id}`, as: tq, body: { version: 9, name: 'Cũ' } }), 409, 'stale_version');
  assert.deepEqual(await tally(), before_, 'nothing written by the refusals');

  // A commune organises at its own level; abroad needs no province; results wait for the event.
  const commune = await t.call({ method: 'POST', url: '/api/v1/trade-events', as: communeA, body: fair({ kind: 'trade_mission', name: 'Đoàn xúc tiến tại Côn Minh', country: 'CN', venueProvinceCode: null, venue: 'Côn Minh, Vân Nam', booths: null }) });
  assert.equal(commune.statusCode, 201, commune.body);
  assert.deepEqual([commune.json().level, commune.json().commune.code, commune.json().abroad], ['commune', MEO_VAC, true]);
  const reg = (await post({ productIds: [productA.id] }, ownA)).json();
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/trade-events/registrations/${reg.id}/decision`, as: tq, body: { version: 1, decision: 'approve' } })).statusCode, 200);
  assertProblem(await t.call({ method: 'PUT', url: `/api/v1/trade-events/registrations/${reg.id}/results`, as: ownA, body: { version: 2, salesVnd: 1, contracts: 0, newPartners: 0 } }), 409, 'event_not_started');
  assertProblem(await t.call({ method: 'PUT', url: `/api/v1/trade-events/registrations/${reg.id}/results`, as: ownA, body: { version: 2, salesVnd: -1, contracts: 0, newPartners: 0 } }), 400, 'validation_failed', 'salesVnd');
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/trade-events/registrations/${reg.id}/decision`, as: tq, body: { version: 2, decision: 'reject' } }), 400, 'validation_failed', 'reason');
});

test('livestream sessions: the entity or an office in scope records them; others are refused; the indicator and the xlsx export follow', async () => {
  const body = { platform: 'tiktok', host: 'KOC Hà Giang', heldOn: today, productIds: [productA.id], viewers: 1200, orders: 30, salesVnd: 5_400_000 };
  const own = await t.call({ method: 'POST', url: '/api/v1/livestreams', as: ownA, body });
  assert.equal(own.statusCode, 201, own.body);
  assert.deepEqual([own.json().entity.id, own.json().products.length, own.json().actions], [entityA.id, 1, ['edit', 'delete']]);
  assert.equal((await t.call({ method: 'POST', url: '/api/v1/livestreams', as: communeA, body: { ...body, entityId: entityA.id, platform: 'facebook', viewers: 800, orders: 10, salesVnd: 1_600_000 } })).statusCode, 201);
  const before_ = await tally();
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/livestreams', as: tn, body: { ...body, entityId: entityA.id } }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/livestreams', as: ownB, body }), 400, 'product_not_offered', 'productIds.0');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/livestreams', as: ownA, body: { ...body, url: 'javascript:alert(1)' } }), 400, 'validation_failed', 'url');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/livestreams', as: ownA, body: { ...body, viewers: -5 } }), 400, 'validation_failed', 'viewers');
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/livestreams/${own.json().id}`, as: ownB, body: { version: 1, viewers: 1 } }), 404);
  assertProblem(await t.call({ url: '/api/v1/livestreams' }), 401);
  assert.deepEqual(await tally(), before_);
  assert.equal((await t.call({ url: '/api/v1/livestreams', as: ownB })).json().total, 0);
  assert.equal((await t.call({ url: '/api/v1/livestreams', as: tq })).json().total, 2);
  const ind = (await t.call({ url: '/api/v1/indicators/livestream?province=08' })).json();
  assert.deepEqual(ind.summary, { sessions: 2, entities: 1, viewers: 2000, orders: 40, salesVnd: 7_000_000 });
  const indRows = await workbookOf(await t.call({ url: '/api/v1/indicators/livestream?province=08&format=xlsx' }));
  assert.deepEqual(indRows[0], ['province', 'provinceName', 'sessions', 'entities', 'viewers', 'orders', 'salesVnd']);
  assert.deepEqual(indRows[1].slice(0, 3), ['08', 'Tỉnh Tuyên Quang', 2]);
  assert.match(String((await t.call({ url: '/api/v1/indicators/livestream?format=csv' })).headers['content-type']), /^text\/csv/);
  const rows = await workbookOf(await t.call({ url: '/api/v1/livestreams/export', as: communeA }));
  assert.equal(rows.length, 3);
  assert.ok(rows.some((r) => r[2] === 'TikTok' && r[8] === 5_400_000));
});

test('tourism: offices and entities record destinations in scope; the public list, map box, map page and the product page\'s nearby links', async () => {
  const body = { name: 'Làng văn hóa Pả Vi', kind: 'community', communeCode: MEO_VAC, latitude: 23.1689, longitude: 105.4062, seasonMonths: [10, 11, 1, 2], services: ['homestay', 'food'], planningZone: 'Cao nguyên đá Đồng Văn' };
  const d = await t.call({ method: 'POST', url: '/api/v1/tourism-destinations', as: tq, body });
  assert.equal(d.statusCode, 201, d.body);
  assert.deepEqual([d.json().province.code, d.json().url, d.json().actions], ['08', `/du-lich/${d.json().id}`, ['edit']]);
  const hidden = await t.call({ method: 'POST', url: '/api/v1/tourism-destinations', as: ownA, body: { ...body, name: 'Homestay riêng chưa mở', published: false } });
  assert.equal(hidden.statusCode, 201, hidden.body);
  assert.equal(hidden.json().entity.id, entityA.id);
  const before_ = await tally();
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/tourism-destinations', as: tn, body }), 403);
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/tourism-destinations/${d.json().id}`, as: tn, body: { version: 1, name: 'Chiếm' } }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/tourism-destinations', as: tq, body: { ...body, latitude: 40 } }), 400, 'validation_failed', 'latitude');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/tourism-destinations', as: tq, body: { ...body, productId: productA.id } }), 400, 'not_a_tourism_product', 'productId');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/tourism-destinations', as: tq, body: { ...body, services: ['casino'] } }), 400, 'validation_failed', 'services.0');
  assert.deepEqual(await tally(), before_);

  const list = (await t.call({ url: '/api/v1/tourism-destinations?province=08' })).json();
  assert.deepEqual(list.items.map((i: { name: string }) => i.name), ['Làng văn hóa Pả Vi']);
  for (const k of ['published', 'version', 'actions']) assert.equal(list.items[0][k], undefined, k);
  assert.equal((await t.call({ url: '/api/v1/tourism-destinations?bbox=105,23,106,24' })).json().total, 1);
  assert.equal((await t.call({ url: '/api/v1/tourism-destinations?bbox=106,10,107,11' })).json().total, 0);
  assertProblem(await t.call({ url: '/api/v1/tourism-destinations?bbox=1,2,3' }), 400, 'invalid_bbox', 'bbox');
  assert.equal((await t.call({ url: '/api/v1/tourism-destinations?mine=true', as: ownA })).json().total, 1);
  assertProblem(await t.call({ url: `/api/v1/tourism-destinations/${hidden.json().id}` }), 404);
  assert.ok((await workbookOf(await t.call({ url: '/api/v1/tourism-destinations/export' }))).some((r) => r[0] === 'Làng văn hóa Pả Vi'));

  const page = await t.call({ url: '/du-lich' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<svg[^>]+tourism-map/);
  assert.match(page.body, new RegExp(`href="/du-lich/${d.json().id}"`));
  assert.doesNotMatch(page.body, /Homestay riêng/);
  assert.equal((await t.call({ url: `/du-lich/${d.json().id}` })).statusCode, 200);
  assert.equal((await t.call({ url: `/du-lich/${hidden.json().id}` })).statusCode, 404);
  const product = await t.call({ url: `/san-pham/${productA.id}` });
  assert.match(product.body, /Điểm du lịch gần đây/);
  assert.match(product.body, /Làng văn hóa Pả Vi/);
});
