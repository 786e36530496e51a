import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { ROLES } from '../src/app/actor.js';
import { query } from '../src/app/db.js';
import { generateRegistry, type Commune } from '../src/cli/seed/generate.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../src/cli/seed/seed.js';
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
