// The dashboards' indicators (stats, issue 13 parts 6–7) over a small known data set: the modern-channel share by
// province and commune (map and drill-down), products by commune and over a period, CSV and xlsx, small cells
// withheld on public routes but not from the officers in scope, a write shown at the next load, the office figures
// refused outside the officer's scope, and a new day's counts moved by their dated changes as a recount would.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { UserActor } from '../src/app/actor.js';
import { sql } from 'drizzle-orm';
import { query } from '../src/app/db.js';
import { addDays, issueCertificate, vnDate } from '../src/modules/scoring/index.js';
import { countsForToday } from '../src/modules/stats/index.js';
import { DONG_VAN, MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from './harness.js';
import { makeEntity, makeProduct } from './api-helpers.js';
import { multipartBody } from './multipart.js';

let t: TestApp;
const today = vnDate(new Date());
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
let central: Session; let tq: Session; let tn: Session; let communeOfficer: Session;
const owners: Record<string, Session> = {};

async function channel(owner: Session, verifier: Session, type: string) {
  const c = await t.call({ method: 'POST', url: '/api/v1/channels', as: owner, body: { type, partnerName: 'Đối tác', startsOn: '2025-01-01' } });
  assert.equal(c.statusCode, 201, c.body);
  const m = multipartBody([{ name: 'file', filename: 'hop-dong.pdf', type: 'application/pdf', bytes: PDF }]);
  const up = await t.app.inject({ method: 'POST', url: `/api/v1/channels/${c.json().id}/evidence`, payload: m.payload, headers: { 'content-type': m.contentType, cookie: owner.cookie, 'x-csrf-token': owner.csrf } });
  assert.equal(up.statusCode, 200, up.body);
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/channels/${c.json().id}/verify`, as: verifier, body: { version: 2 } })).statusCode, 200);
}

before(async () => {
  t = await testApp();
  central = await t.user('central');
  tq = await t.user('province', { provinceCode: '08' });
  tn = await t.user('province', { provinceCode: '19' });
  communeOfficer = await t.user('commune', { provinceCode: '08', communeCode: MEO_VAC });
  const actor = (s: Session, provinceCode: string): UserActor => ({ kind: 'user', id: s.user.id, role: 'province', provinceCode, communeCode: null, entityId: null, via: 'session' });
  // A, B (Mèo Vạc, 08): 4 stars each; C (Đồng Văn, 08): 3 stars, recognised in 2025; E (Tân Cương, 19): 4 stars;
  // P (Mèo Vạc): a product not yet scored.
  const places = { A: [MEO_VAC, tq, 4, today], B: [MEO_VAC, tq, 4, today], C: [DONG_VAN, tq, 3, '2025-03-10'], E: [TAN_CUONG, tn, 4, today], P: [MEO_VAC, tq, 0, today] } as const;
  for (const [k, [commune, officer, stars, on]] of Object.entries(places)) {
    const entity = await makeEntity(t, central, commune, { name: `HTX thống kê ${k}` });
    const product = await makeProduct(t, central, entity.id, { name: `Sản phẩm ${k}`, status: 'registered' });
    owners[k] = await t.user('entity', { entityId: entity.id });
    if (stars) {
      await t.database.db.transaction((tx) => issueCertificate({ actor: actor(officer, officer === tq ? '08' : '19'), tx, log: console as never, now: new Date() },
        { productId: product.id, stars, kind: 'first', decisionNumber: `${k}1/QĐ-UBND`, decidedOn: on }));
    }
  }
  await channel(owners.A, tq, 'supermarket');
  await channel(owners.C, tq, 'traditional_market'); // not modern
});
after(() => t.close());

const get = async (url: string, as?: Session) => {
  const res = await t.call({ url, as });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
};
const pick = (rows: Record<string, unknown>[], ...keys: string[]) => rows.map((r) => keys.map((k) => r[k]));

test('the modern-channel share by province (all 34, for the map) and by commune (the drill-down, best first); products by commune and over a period', async () => {
  const provinces = await get('/api/v1/indicators/modern-channels-by-province');
  assert.equal(provinces.rows.length, 34);
  assert.deepEqual(pick(provinces.rows.slice(0, 2), 'province', 'numerator', 'denominator', 'percent', 'target', 'reached'), [['08', 1, 3, 33.3, 50, false], ['19', 0, 1, 0, 50, false]]);
  assert.equal(provinces.rows.find((r: { province: string }) => r.province === '01').denominator, 0);
  const communes = await get('/api/v1/indicators/modern-channels-by-commune?province=08');
  assert.deepEqual(pick(communes.rows, 'commune', 'numerator', 'denominator', 'percent', 'reached'), [[MEO_VAC, 1, 2, 50, true], [DONG_VAN, 0, 1, 0, false]]);
  const one = await get(`/api/v1/indicators/modern-channels-by-province?commune=${MEO_VAC}`);
  assert.deepEqual(pick(one.rows, 'province', 'numerator', 'denominator'), [['08', 1, 2]]);
  const products = await get('/api/v1/indicators/products-by-commune?province=08');
  assert.deepEqual(pick(products.rows, 'commune', 'count'), [[MEO_VAC, 2], [DONG_VAN, 1]]);
  const in2025 = await get('/api/v1/indicators/products-by-stars?from=2025-01-01&to=2025-12-31');
  assert.deepEqual([in2025.rows, in2025.total, in2025.period], [[{ stars: 3, count: 1 }], 1, { from: '2025-01-01', to: '2025-12-31' }]);
  const sectors = await get('/api/v1/indicators/products-by-sector?from=2025-03-05&to=2025-04-30'); // edge days live, April from the counts
  assert.deepEqual(pick(sectors.rows, 'sector', 'count'), [['I', 1]]);
  assert.deepEqual((await get('/api/v1/indicators/products-by-stars?from=2025-03-11&to=2025-12-31')).rows, []);
  const byProvince = await get(`/api/v1/indicators/products-by-province?from=${today}`);
  assert.deepEqual(pick(byProvince.rows, 'province', 'count'), [['08', 2], ['19', 1]]);
  const list = await get('/api/v1/indicators');
  assert.ok(['modern-channels-by-province', 'modern-channels-by-commune', 'products-by-commune'].every((n) => list.items.some((i: { name: string }) => i.name === n)));
  const doc = await get('/api/openapi.json');
  assert.ok(doc.paths['/api/v1/indicators/{name}'].get.parameters.find((p: { name: string }) => p.name === 'name').schema.enum.includes('modern-channels-by-commune'));
  assert.ok(doc.paths['/api/v1/office/dashboard'].get && doc.paths['/api/v1/office/indicators/{name}'].get);
});

test('every table as CSV and as an Excel workbook (codes kept as text, a sheet describing it)', async () => {
  const csv = await t.call({ url: '/api/v1/indicators/modern-channels-by-commune?province=08&format=csv' });
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.equal(csv.body.split('\r\n')[0], '\uFEFFcommune,province,name,nameEn,numerator,denominator,percent,target,reached');
  const xlsx = await t.app.inject({ url: '/api/v1/indicators/modern-channels-by-province?format=xlsx' });
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  assert.match(String(xlsx.headers['content-disposition']), /attachment; filename="modern-channels-by-province-\d{4}-\d{2}-\d{2}\.xlsx"/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as never);
  const sheet = wb.worksheets[0];
  assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['province', 'name', 'nameEn', 'numerator', 'denominator', 'percent', 'target', 'reached']);
  assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1, 2).concat((sheet.getRow(2).values as unknown[]).slice(4, 7)), ['08', 1, 3, 33.3]);
  assert.equal(sheet.rowCount, 35);
  assert.equal(wb.worksheets[1].getRow(2).getCell(2).value, 'modern-channels-by-province');
  const office = await t.app.inject({ url: '/api/v1/office/indicators/products-by-status?format=xlsx', headers: { cookie: tq.cookie } });
  assert.equal(office.statusCode, 200);
  assert.equal(office.headers['cache-control'], 'private, no-store');
});

test('small cells withheld on public routes; in full for the officers of the area only; a province officer\'s office figures only for their province', async () => {
  const pub = await get(`/api/v1/indicators/entities-by-sex?commune=${MEO_VAC}`);
  assert.deepEqual(pub.rows, [{ category: 'female', count: null, suppressed: true }]);
  const full = await get(`/api/v1/office/indicators/entities-by-sex?commune=${MEO_VAC}`, tq);
  assert.deepEqual([full.rows, full.total], [[{ category: 'female', count: 3 }], 3]);
  // Office figures default to the officer's scope; another province, or one of its communes, is refused.
  const own = await get('/api/v1/office/dashboard', tq);
  assert.deepEqual(own.area, { province: '08', commune: null });
  const status = (n: string) => own.indicators.find((i: { name: string }) => i.name === n).rows;
  assert.deepEqual(status('products-by-status'), [{ status: 'certified', count: 3 }, { status: 'registered', count: 1 }]);
  assert.deepEqual(status('channels-by-status'), [{ status: 'verified', count: 2 }]);
  assert.deepEqual(status('entities-by-status'), [{ status: 'approved', count: 4 }]);
  for (const url of ['/api/v1/office/dashboard?province=19', `/api/v1/office/indicators/products-by-status?commune=${TAN_CUONG}`]) {
    const res = await t.call({ url, as: tq });
    assert.deepEqual([res.statusCode, res.json().code], [403, 'out_of_scope'], url);
  }
  assert.equal((await t.call({ url: '/api/v1/office/dashboard?province=19', as: tn })).statusCode, 200);
  assert.deepEqual((await get('/api/v1/office/dashboard?province=19', central)).area, { province: '19', commune: null });
  assert.deepEqual((await get('/api/v1/office/dashboard', communeOfficer)).area, { province: null, commune: MEO_VAC });
  assert.equal((await t.call({ url: `/api/v1/office/dashboard?commune=${DONG_VAN}`, as: communeOfficer })).statusCode, 403);
  assert.equal((await t.call({ url: '/api/v1/office/dashboard' })).statusCode, 401);
  assert.equal((await t.call({ url: '/api/v1/office/dashboard', as: owners.A })).statusCode, 403);
});

test('a write is reflected at the next load: a verified modern channel moves the province on the map and the commune in the drill-down', async () => {
  const before_ = await get('/api/v1/indicators/modern-channels-by-commune?province=08');
  assert.deepEqual(pick(before_.rows, 'commune', 'numerator'), [[MEO_VAC, 1], [DONG_VAN, 0]]);
  await channel(owners.C, tq, 'ecommerce');
  const after_ = await get('/api/v1/indicators/modern-channels-by-commune?province=08');
  assert.deepEqual(pick(after_.rows, 'commune', 'numerator', 'percent', 'reached'), [[DONG_VAN, 1, 100, true], [MEO_VAC, 1, 50, true]]);
  const map = await get('/api/v1/indicators/modern-channels-by-province');
  assert.deepEqual(pick(map.rows.slice(0, 1), 'province', 'numerator', 'denominator', 'percent', 'reached'), [['08', 2, 3, 66.7, true]]);
});

test('a new day moves the counts by their dated changes, exactly as recounting every commune for that day would', async () => {
  const db = t.database.db;
  const snapshot = async () => Promise.all([
    query(db, sql`SELECT commune_code, figure, key, n FROM stats_commune_count ORDER BY 1, 2, 3 NULLS FIRST`),
    query(db, sql`SELECT province_code, figure, key, n FROM stats_province_count ORDER BY 1, 2, 3 NULLS FIRST`),
    query(db, sql`SELECT commune_code, figure, key, to_char(on_day, 'YYYY-MM-DD') AS on_day, n FROM stats_commune_change ORDER BY 1, 2, 3 NULLS FIRST, 4`),
  ]);
  // Dated situations (written as an import would; each marks its commune): C's certificate expires in 40 days, A's
  // supermarket channel ends in 20; C's e-commerce channel runs from day 10 to 30, its other one, now an export
  // channel, from day 25 on.
  const saved = await query<{ id: string; expires_on: string }>(db, sql`SELECT id, to_char(expires_on, 'YYYY-MM-DD') AS expires_on FROM certificate`);
  await db.execute(sql`UPDATE certificate SET expires_on = ${addDays(today, 40)} WHERE decision_number = 'C1/QĐ-UBND'`);
  await db.execute(sql`UPDATE sales_channel SET ends_on = ${addDays(today, 20)} WHERE type = 'supermarket'`);
  await db.execute(sql`UPDATE sales_channel SET starts_on = ${addDays(today, 10)}, ends_on = ${addDays(today, 30)} WHERE type = 'ecommerce'`);
  await db.execute(sql`UPDATE sales_channel SET type = 'export', starts_on = ${addDays(today, 25)} WHERE type = 'traditional_market'`);
  await countsForToday(db, today);
  const modern = async () => (await get('/api/v1/indicators/modern-channels')) as { numerator: number; denominator: number };
  assert.deepEqual(await modern(), { numerator: 1, denominator: 4, percent: 25, target: 50 }, 'A only, the next read after the writes');
  const flips = await query<{ on_day: string; n: number }>(db, sql`SELECT to_char(on_day, 'YYYY-MM-DD') AS on_day, sum(n)::int AS n FROM stats_commune_change WHERE figure = 'modern' GROUP BY 1 ORDER BY 1`);
  assert.deepEqual(flips, [[10, 1], [21, -1], [41, -1]].map(([d, n]) => ({ on_day: addDays(today, d), n })), 'C joins on day 10, A leaves on 21, C on 41');
  for (const day of [10, 21, 31, 41, 1000, 1200].map((d) => addDays(today, d))) {
    await countsForToday(db, day);
    const rolled = await snapshot();
    await db.execute(sql`UPDATE stats_count_state SET modern_types = NULL`); // forces a recount of every commune
    await countsForToday(db, day);
    assert.deepEqual(rolled, await snapshot(), day);
  }
  assert.equal((await snapshot())[0].filter((r) => ['ocop', 'in_force', 'stars'].includes(String((r as { figure: string }).figure))).length, 0, 'nothing in force in 1,200 days');
  // Back to today's data: a day before the counts' recounts everything.
  for (const c of saved) await db.execute(sql`UPDATE certificate SET expires_on = ${c.expires_on} WHERE id = ${c.id}`);
  await db.execute(sql`UPDATE sales_channel SET ends_on = NULL WHERE type = 'supermarket'`);
  await db.execute(sql`UPDATE sales_channel SET starts_on = '2025-01-01', ends_on = NULL WHERE type = 'ecommerce'`);
  await db.execute(sql`UPDATE sales_channel SET type = 'traditional_market', starts_on = '2025-01-01' WHERE type = 'export'`);
  assert.deepEqual(await modern(), { numerator: 2, denominator: 4, percent: 50, target: 50 });
});
