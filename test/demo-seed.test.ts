import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { ROLES } from '../src/app/actor.js';
import { query } from '../src/app/db.js';
import { generateRegistry, type Commune } from '../src/cli/seed/generate.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../src/cli/seed/seed.js';
import { vnDate } from '../src/modules/scoring/index.js';
import { testApp, type TestApp } from './harness.js';

let t: TestApp;
before(async () => { t = await testApp(); await seedDemo(t.database); });
after(() => t.close());

const one = async <T>(statement: ReturnType<typeof sql>) => (await query<T>(t.database.db, statement))[0];

test('the demo: ≥ 300 entities and ≥ 600 products over all 34 provinces and all 6 sectors', async () => {
  const r = await one<{ entities: number; products: number; provinces: number; sectors: number; sets: number }>(sql`SELECT
    (SELECT count(*)::int FROM entity) AS entities, (SELECT count(*)::int FROM product) AS products,
    (SELECT count(DISTINCT province_code)::int FROM entity) AS provinces,
    (SELECT count(DISTINCT s.sector_code)::int FROM product p JOIN product_set s ON s.sheet = p.product_set) AS sectors,
    (SELECT count(DISTINCT product_set)::int FROM product) AS sets`);
  assert.ok(Number(r.entities) >= 300, `${r.entities} entities`);
  assert.ok(Number(r.products) >= 600, `${r.products} products`);
  assert.equal(Number(r.provinces), 34);
  assert.equal(Number(r.sectors), 6);
  assert.equal(Number(r.sets), 26);
  const pp = await one<{ n: number }>(sql`SELECT count(DISTINCT province_code)::int AS n FROM product`);
  assert.equal(Number(pp.n), 34);
});

test('product codes are unique, of the form T-X-STT-YYYY and agree with the product\'s place', async () => {
  const rows = await query<{ code: string; province_code: string; commune_code: string }>(t.database.db, sql`SELECT code, province_code, commune_code FROM product`);
  assert.equal(new Set(rows.map((r) => r.code)).size, rows.length);
  for (const r of rows) {
    const m = /^(\d{2})-(\d{5})-(\d+)-(\d{4})$/.exec(r.code);
    assert.ok(m, r.code);
    assert.equal(m[1], r.province_code, r.code);
    assert.equal(m[2], r.commune_code, r.code);
  }
  // The per-commune sequence continues after the seeded codes: a new product does not collide.
  const central = await t.login('trunguong@demo.ocop.vn', DEMO_PASSWORD);
  const owner = await one<{ id: string }>(sql`SELECT id FROM entity WHERE commune_code = '00769' AND status = 'approved' LIMIT 1`);
  const res = await t.call({ method: 'POST', url: '/api/v1/products', as: central, body: { entityId: owner.id, name: 'Mật ong mới', productSet: 4 } });
  assert.equal(res.statusCode, 201, res.body);
});

test('one demo account per role, each able to log in with the demo password', async () => {
  // The documented demo accounts: exactly one per role (other modules may seed more, e.g. a council's members).
  assert.deepEqual(DEMO_ACCOUNTS.map((a) => a.role).sort(), [...ROLES].sort());
  for (const a of DEMO_ACCOUNTS) {
    const res = await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email: a.email, password: DEMO_PASSWORD } });
    assert.equal(res.statusCode, 200, a.email);
    assert.equal(res.json().user.role, a.role);
  }
  const member = await t.login('chuthe@demo.ocop.vn', DEMO_PASSWORD);
  const e = (await t.call({ url: `/api/v1/entities/${member.user.entityId}`, as: member })).json();
  assert.equal(e.name, 'HTX Mật ong bạc hà Mèo Vạc');
  assert.equal(e.status, 'approved');
  assert.ok((await t.call({ url: '/api/v1/products?q=mat ong bac ha meo vac' })).json().total >= 1);
});

test('the synthetic generator is deterministic', () => {
  const communes: Commune[] = Array.from({ length: 68 }, (_, i) => ({ code: String(i).padStart(5, '0'), provinceCode: String(i % 34).padStart(2, '0'), name: `Xã ${i}` }));
  const a = generateRegistry({ entities: 200, products: 400, communes, seed: 7 });
  const b = generateRegistry({ entities: 200, products: 400, communes, seed: 7 });
  assert.deepEqual(a.entities, b.entities);
  assert.deepEqual(a.products, b.products);
  assert.deepEqual([...a.sequence], [...b.sequence]);
  const c = generateRegistry({ entities: 200, products: 400, communes, seed: 8 });
  assert.notDeepEqual(a.entities.map((e) => e.name), c.entities.map((e) => e.name));
  assert.equal(new Set(a.products.map((p) => p.code)).size, 400);
  assert.equal(new Set(a.entities.map((e) => e.registrationNumber)).size, 200);
});

test('traceability: every demo product has a GTIN, and the flagship products a batch with its whole journey', async () => {
  const r = await one<{ missing: number; lots: number }>(sql`SELECT (SELECT count(*)::int FROM product WHERE gtin IS NULL) AS missing, (SELECT count(*)::int FROM trace_lot) AS lots`);
  assert.equal(Number(r.missing), 0);
  assert.equal(Number(r.lots), 4);
  const honey = await query<{ biz_step: string }>(t.database.db, sql`
    SELECT e.biz_step FROM epcis_event e JOIN trace_lot l ON l.lot = 'MO2603-01' JOIN product p ON p.id = l.product_id
    WHERE e.entity_id = p.entity_id ORDER BY e.event_time`);
  assert.deepEqual(honey.map((e) => e.biz_step.replace(/.*[-:/]/, '')), ['creating_class_instance', 'creating_class_instance', 'packing', 'shipping', 'receiving']);
});

test('the demo\'s sales channels: the modern-channel share is believable, below the 50 % target, with work in the queues', async () => {
  const national = (await t.call({ url: '/api/v1/indicators/modern-channels' })).json();
  assert.equal(national.target, 50);
  assert.ok(national.denominator > 50 && national.percent > 15 && national.percent < 50, JSON.stringify(national));
  const member = await t.login('chuthe@demo.ocop.vn', DEMO_PASSWORD);
  const own = (await t.call({ url: `/api/v1/channels?entity=${member.user.entityId}`, as: member })).json();
  assert.deepEqual(own.items.map((c: { status: string }) => c.status).sort(), ['unverified', 'verified', 'verified']);
  const commune = await t.login('xa@demo.ocop.vn', DEMO_PASSWORD);
  assert.ok((await t.call({ url: '/api/v1/channels?status=unverified&sort=createdAt', as: commune })).json().total >= 1, 'the commune has a channel to verify');
  const province = await t.login('tinh@demo.ocop.vn', DEMO_PASSWORD);
  assert.ok((await t.call({ url: '/api/v1/channels?status=unverified', as: province })).json().total >= 2);
});

test('the demo programme: Tuyên Quang\'s approved plan of the year with live progress by commune, the national plan, ideas at the early cycle steps', async () => {
  const year = Number(vnDate(new Date()).slice(0, 4));
  const plan = (await t.call({ url: `/api/v1/plans/${year}?province=08` })).json();
  assert.deepEqual([plan.status, plan.provinceName], ['approved', 'Tuyên Quang']);
  const newProducts = plan.targets.find((x: { kind: string; stars: number | null; sector: string | null }) => x.kind === 'new_products' && !x.stars && !x.sector);
  assert.ok(newProducts.target > 0 && typeof newProducts.achieved === 'number' && newProducts.byCommune.length >= 2);
  assert.equal((await t.call({ url: `/api/v1/plans/${year}` })).json().scope, 'nation');
  const xa = await t.login('xa@demo.ocop.vn', DEMO_PASSWORD);
  const ideas = (await t.call({ url: '/api/v1/product-ideas', as: xa })).json().items.map((i: { status: string }) => i.status).sort();
  assert.deepEqual([...new Set(ideas)], ['accepted', 'returned', 'submitted']);
});

test('the demo\'s programme content: published news (one in English too) in the feed, a Shan tuyết good model found without diacritics, credit with outcomes', async () => {
  const feed = await t.call({ url: '/feeds/news.xml' });
  const items = feed.body.match(/<item>/g) ?? [];
  assert.ok(items.length >= 4 && items.length <= 6, `${items.length} articles in the feed`);
  assert.ok(!feed.body.includes('dự thảo'), 'the draft stays out of the feed');
  assert.equal(Number((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM news_article WHERE status = 'published' AND title_en IS NOT NULL`)).n), 1);
  const models = (await t.call({ url: '/api/v1/good-models?q=che shan tuyet' })).json();
  assert.match(models.items[0].name, /^Chè Shan tuyết/);
  assert.ok(models.items[0].product, 'linked to its product');
  assert.ok((await t.call({ url: `/san-pham/${models.items[0].product.id}` })).body.includes(models.items[0].pageUrl));
  const credit = await one<{ programmes: number; approved: number; rejected: number; pending: number }>(sql`SELECT (SELECT count(*)::int FROM credit_programme) AS programmes,
    (SELECT count(*)::int FROM credit_application WHERE status = 'approved') AS approved, (SELECT count(*)::int FROM credit_application WHERE status = 'rejected') AS rejected,
    (SELECT count(*)::int FROM credit_application WHERE status = 'submitted') AS pending`);
  assert.equal(Number(credit.programmes), 3);
  assert.ok(Number(credit.approved) >= 1 && Number(credit.rejected) >= 1 && Number(credit.pending) >= 1);
});

test('trade promotion: fairs with registrations in each state and results, livestream sessions, tourism destinations on the map', async () => {
  const r = await one<{ events: number; abroad: number; states: number; results: number; sessions: number; destinations: number; provinces: number }>(sql`SELECT
    (SELECT count(*)::int FROM trade_event) AS events, (SELECT count(*)::int FROM trade_event WHERE country <> 'VN') AS abroad,
    (SELECT count(DISTINCT status)::int FROM trade_event_registration) AS states, (SELECT count(*)::int FROM trade_event_registration WHERE sales_vnd > 0) AS results,
    (SELECT count(*)::int FROM livestream_session) AS sessions, (SELECT count(*)::int FROM tourism_destination) AS destinations,
    (SELECT count(DISTINCT province_code)::int FROM tourism_destination) AS provinces`);
  assert.deepEqual([r.events, r.abroad, r.states, r.sessions, r.provinces], [4, 1, 3, 3, 3]);
  assert.ok(r.results >= 10 && r.destinations >= 4, JSON.stringify(r));
  const fairs = (await t.call({ url: '/api/v1/indicators/fairs' })).json();
  assert.ok(fairs.summary.salesVnd > 0 && fairs.summary.eventsHeld >= 3);
  const map = await t.call({ url: '/du-lich' });
  assert.equal((map.body.match(/data-destination=/g) ?? []).length, r.destinations);
});

test('the demo\'s consumer reports: every status in Tuyên Quang\'s queue, one duplicate merged, one past its service level', async () => {
  const inspector = await t.login('thanhtra@demo.ocop.vn', DEMO_PASSWORD);
  const items = (await t.call({ url: '/api/v1/reports?pageSize=50', as: inspector })).json().items as { status: string; duplicateOf: string | null; overdue: boolean; provinceCode: string }[];
  assert.deepEqual([...new Set(items.map((i) => i.status))].sort(), ['closed', 'investigating', 'merged', 'received', 'triaging']);
  assert.ok(items.every((i) => i.provinceCode === '08'));
  assert.equal(items.filter((i) => i.status === 'merged' && i.duplicateOf).length, 1);
  assert.ok(items.some((i) => i.overdue));
});

test('the demo inspections: Tuyên Quang\'s 2026 plan with inspections in every state, one revocation from a complaint', async () => {
  const inspector = await t.login('thanhtra@demo.ocop.vn', DEMO_PASSWORD);
  const plans = (await t.call({ url: '/api/v1/inspection-plans?year=2026', as: inspector })).json().items;
  assert.deepEqual(plans.map((p: { provinceCode: string; status: string }) => [p.provinceCode, p.status]), [['08', 'approved']]);
  const states = (await t.call({ url: '/api/v1/inspections?pageSize=50', as: inspector })).json().items.map((i: { state: string }) => i.state).sort();
  assert.deepEqual(states, ['compliant', 'corrective_closed', 'corrective_open', 'planned', 'planned', 'revocation_pending', 'revoked']);
  const report = await one<{ status: string; certificate_status: string }>(sql`SELECT r.status, c.status AS certificate_status FROM report r
    JOIN inspection i ON i.id = r.inspection_id JOIN certificate c ON c.id = i.certificate_id WHERE i.conclusion = 'revocation_proposed'`);
  assert.deepEqual([report.status, report.certificate_status], ['closed', 'revoked']);
  const office = await t.login('tinh@demo.ocop.vn', DEMO_PASSWORD);
  assert.ok((await t.call({ url: '/api/v1/me/todo', as: office })).json().items.some((i: { kind: string }) => i.kind === 'revocation_proposed'), 'the proposal waits in the office\'s queue');
});

test('the demo\'s scoring-integrity data: closed sessions of three provinces, a lenient member, a bump just above 70', async () => {
  const central = await t.login('trunguong@demo.ocop.vn', DEMO_PASSWORD);
  const b = (await t.call({ url: '/api/v1/integrity/bunching?window=2', as: central })).json();
  assert.ok(b.closedItems >= 40, `${b.closedItems} closed products`);
  const b70 = b.rows.find((x: { threshold: number }) => x.threshold === 70);
  assert.ok(b70.above > b70.below, JSON.stringify(b70));
  const l = (await t.call({ url: '/api/v1/integrity/leniency', as: central })).json();
  assert.ok(l.rows[0].flagged && l.rows[0].meanDiff >= 4, JSON.stringify(l.rows[0]));
  const s = (await t.call({ url: '/api/v1/integrity/self-assessment', as: central })).json();
  assert.ok(s.rows.length >= 3);
});

test('the demo\'s programme data: a training with attendance in 08, a checklist warning of a lapsing certificate, areas named by batches', async () => {
  const r = await one<{ attended: number; expiring: number; areas: number; lots: number }>(sql`SELECT
    (SELECT count(*)::int FROM training_attendee a JOIN training t ON t.id = a.training_id WHERE t.province_code = '08' AND a.attended_at IS NOT NULL) AS attended,
    (SELECT count(*)::int FROM compliance_item c JOIN product p ON p.id = c.product_id
      WHERE p.name = 'Mật ong bạc hà Mèo Vạc' AND c.requirement = 'food_safety_certificate' AND c.expires_on BETWEEN CURRENT_DATE AND CURRENT_DATE + 60) AS expiring,
    (SELECT count(*)::int FROM raw_material_area) AS areas,
    (SELECT count(*)::int FROM trace_lot WHERE raw_material_area_id IS NOT NULL) AS lots`);
  assert.ok(Number(r.attended) >= 3, `${r.attended} attended`);
  assert.equal(Number(r.expiring), 1);
  assert.ok(Number(r.areas) >= 2 && Number(r.lots) >= 2, `${r.areas} areas, ${r.lots} lots`);
});
