// Certificates end to end on the real database: issuing (the councils' decision calls the command), the public
// register and verification, the PDF, revocation by the competent authority only, reminders and the legacy import.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { UserActor } from '../../app/actor.js';
import { query } from '../../app/db.js';
import { entityBody, MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { pdfText } from '../../../test/pdf-text.js';
import { issueCertificate, type IssueCertificateInput } from './commands/issue-certificate.js';
import { addDays, addMonths, daysBetween, vnDate } from './certificates.rules.js';
import { RULES } from './rules.data.js';

let t: TestApp;
let tuyenQuang: Session; // province officer of 08
let thaiNguyen: Session; // province officer of 19
let central: Session;
const today = vnDate(new Date());

before(async () => {
  t = await testApp();
  [tuyenQuang, thaiNguyen, central] = [await t.user('province', { provinceCode: '08' }), await t.user('province', { provinceCode: '19' }), await t.user('central')];
});
after(() => t.close());

const actorOf = (s: Session, role: UserActor['role'], provinceCode: string | null): UserActor => ({ kind: 'user', id: s.user.id, role, provinceCode, communeCode: null, entityId: null, via: 'session' });
const tq = () => actorOf(tuyenQuang, 'province', '08');
const tw = () => actorOf(central, 'central', null);

async function newProduct(communeCode: string, name: string, entityName = 'HTX Mật ong bạc hà Mèo Vạc') {
  const officer = communeCode === TAN_CUONG ? thaiNguyen : tuyenQuang;
  const e = await t.call({ method: 'POST', url: '/api/v1/entities', as: officer, body: entityBody(communeCode, { name: entityName }) });
  assert.equal(e.statusCode, 201, e.body);
  const p = await t.call({ method: 'POST', url: '/api/v1/products', as: officer, body: { entityId: e.json().id, name, productSet: 4, status: 'registered' } });
  assert.equal(p.statusCode, 201, p.body);
  return { id: p.json().id as string, code: p.json().code as string, entityId: e.json().id as string, registration: e.json().registrationNumber as string };
}

function issue(actor: UserActor, input: Partial<IssueCertificateInput> & { productId: string }) {
  return t.database.db.transaction((tx) => issueCertificate({ actor, tx, log: console as never, now: new Date() }, {
    stars: 4, kind: 'first', decisionNumber: `${Math.floor(Math.random() * 9000) + 1000}/QĐ-UBND`, decidedOn: today, ...input,
  }));
}

test('a province officer issues a 4★ certificate: number, 36 months, product certified, event in the outbox', async () => {
  const p = await newProduct(MEO_VAC, 'Mật ong bạc hà Mèo Vạc');
  const c = await issue(tq(), { productId: p.id, stars: 4, score: 82.5, decisionNumber: '1234/QĐ-UBND' });
  assert.match(c.number, new RegExp(`^OCOP-08-${today.slice(0, 4)}-\\d{5}$`));
  assert.equal(c.expiresOn, addMonths(today, 36));
  assert.equal(c.authority, 'UBND tỉnh Tuyên Quang');
  assert.equal(c.instrument, 'QĐ 26/2026/QĐ-TTg');
  const prod = (await t.call({ url: `/api/v1/products/${p.id}`, as: tuyenQuang })).json();
  assert.deepEqual([prod.status, prod.stars], ['certified', 4]);
  const events = await query<{ event: string; payload: { number: string } }>(t.database.db, sql`SELECT event, payload FROM outbox WHERE event = 'certificate.issued'`);
  assert.ok(events.some((e) => e.payload.number === c.number));

  const v = await t.call({ url: `/api/v1/certificates/${c.number}/verify` });
  assert.equal(v.statusCode, 200);
  const body = v.json();
  assert.deepEqual([body.valid, body.status, body.stars, body.product.name, body.entity.name, body.province.code, body.issuedOn, body.expiresOn, body.decisionNumber, body.authority],
    [true, 'valid', 4, 'Mật ong bạc hà Mèo Vạc', 'HTX Mật ong bạc hà Mèo Vạc', '08', today, addMonths(today, 36), '1234/QĐ-UBND', 'UBND tỉnh Tuyên Quang']);
  assert.equal(body.revocation, undefined);
  assert.equal((await t.call({ url: '/api/v1/certificates/OCOP-08-1999-99999/verify' })).statusCode, 404);
});

test('only the competent authority issues: the province for 3–4★, the Ministry for 5★; stars 3–5 backed by the score', async () => {
  const p = await newProduct(MEO_VAC, 'Chè Shan tuyết');
  await assert.rejects(issue(tw(), { productId: p.id, stars: 4 }), { code: 'not_competent_authority' });
  await assert.rejects(issue(actorOf(thaiNguyen, 'province', '19'), { productId: p.id, stars: 3 }), { code: 'not_competent_authority' });
  await assert.rejects(issue(tq(), { productId: p.id, stars: 5 }), { code: 'not_competent_authority' });
  await assert.rejects(issue(tq(), { productId: p.id, stars: 2 }), { code: 'stars_not_certifiable' });
  await assert.rejects(issue(tq(), { productId: p.id, stars: 4, score: 65 }), { code: 'stars_above_score' });
  const five = await issue(tw(), { productId: p.id, stars: 5, score: 91, decisionNumber: '99/QĐ-BNNMT' });
  assert.equal(five.authority, 'Bộ Nông nghiệp và Môi trường');
  await assert.rejects(issue(tw(), { productId: p.id, stars: 5 }), { code: 'certificate_in_force' });
});

test('an upgrade replaces the certificate and keeps the history', async () => {
  const p = await newProduct(MEO_VAC, 'Gạo nếp Tả Chải');
  const first = await issue(tq(), { productId: p.id, stars: 3 });
  await assert.rejects(issue(tq(), { productId: p.id, stars: 3, kind: 'upgrade' }), { code: 'upgrade_must_raise_stars' });
  const up = await issue(tq(), { productId: p.id, stars: 4, kind: 'upgrade' });
  const old = (await t.call({ url: `/api/v1/certificates/${first.number}/verify` })).json();
  assert.deepEqual([old.valid, old.status, old.replacedBy], [false, 'replaced', up.number]);
  assert.equal((await t.call({ url: `/api/v1/certificates/${up.number}/verify` })).json().replaces, first.number);
  const prod = (await t.call({ url: `/api/v1/products/${p.id}`, as: tuyenQuang })).json();
  assert.equal(prod.stars, 4);
});

test('the public register: status=valid lists valid certificates only; search ignores diacritics', async () => {
  const p = await newProduct(TAN_CUONG, 'Trà xanh Tân Cương đặc biệt', 'HTX Chè Tân Cương');
  const c = await issue(actorOf(thaiNguyen, 'province', '19'), { productId: p.id, stars: 4 });
  const found = (await t.call({ url: '/api/v1/certificates?status=valid&q=tra xanh tan cuong' })).json();
  assert.deepEqual(found.items.map((i: { number: string }) => i.number), [c.number]);
  assert.deepEqual(Object.keys(found.items[0]).sort(), ['entity', 'expiresOn', 'extendedUntil', 'extensionReason', 'issuedOn', 'number', 'product', 'province', 'stars', 'status']);
  assert.deepEqual([found.items[0].extendedUntil, found.items[0].extensionReason], [null, null]);
  assert.equal((await t.call({ url: '/api/v1/certificates?q=htx che tan cuong&province=19&stars=4' })).json().total, 1);
  const all = (await t.call({ url: '/api/v1/certificates?status=valid&pageSize=200' })).json();
  assert.ok(all.items.length > 0 && all.items.every((i: { status: string }) => i.status === 'valid'));
  assert.equal((await t.call({ url: '/api/v1/certificates?status=bogus' })).statusCode, 400);
  assert.equal((await t.call({ url: '/api/v1/certificates?pageSize=100000' })).statusCode, 400);
});

test('revocation: competent authority only, ground of Điều 8; verify shows it revoked', async () => {
  const p = await newProduct(MEO_VAC, 'Thịt bò khô Mèo Vạc');
  const c = await issue(tq(), { productId: p.id, stars: 3 });
  const body = { ground: 'c', decisionNumber: '55/QĐ-UBND', decidedOn: today, groundFoundOn: addDays(today, -3), note: 'Vi phạm an toàn thực phẩm' };
  const url = `/api/v1/certificates/${c.number}/revoke`;
  assert.equal((await t.call({ method: 'POST', url, body })).statusCode, 401);
  assert.equal((await t.call({ method: 'POST', url, body, as: thaiNguyen })).statusCode, 403, 'another province');
  assert.equal((await t.call({ method: 'POST', url, body, as: central })).statusCode, 403, 'central does not revoke 3★');
  assert.equal((await t.call({ method: 'POST', url, body, as: await t.user('commune', { communeCode: MEO_VAC }) })).statusCode, 403);
  // Past the 15 days of Điều 8.4 a revocation is accepted and recorded late: see revocation-late.test.ts.
  for (const bad of [{ ...body, ground: 'z' }, { ...body, extra: 1 }, { ...body, decidedOn: '2026-02-30' }, { ...body, decidedOn: addDays(today, 1), groundFoundOn: today }]) {
    assert.equal((await t.call({ method: 'POST', url, as: tuyenQuang, body: bad })).statusCode, 400, JSON.stringify(bad));
  }
  assert.equal((await t.call({ url: `/api/v1/certificates/${c.number}/verify` })).json().status, 'valid', 'nothing written by the refusals');

  const ok = await t.call({ method: 'POST', url, as: tuyenQuang, body });
  assert.equal(ok.statusCode, 200, ok.body);
  const v = (await t.call({ url: `/api/v1/certificates/${c.number}/verify` })).json();
  assert.deepEqual([v.valid, v.status, v.revocation.ground, v.revocation.decisionNumber, v.revocation.decidedOn], [false, 'revoked', 'c', '55/QĐ-UBND', today]);
  assert.match(v.revocation.groundText.vi, /an toàn thực phẩm/);
  assert.equal((await t.call({ url: `/api/v1/products/${p.id}`, as: tuyenQuang })).json().status, 'revoked');
  assert.equal((await t.call({ method: 'POST', url, as: tuyenQuang, body })).statusCode, 409);
  const register = (await t.call({ url: `/api/v1/certificates?status=valid&q=thit bo kho meo vac` })).json();
  assert.equal(register.total, 0, 'a revoked certificate leaves the valid register');
  assert.equal((await t.call({ url: `/api/v1/certificates?status=revoked&q=thit bo kho meo vac` })).json().total, 1);
});

test('a 5★ certificate is revoked by the central office only', async () => {
  const p = await newProduct(MEO_VAC, 'Rượu ngô men lá Mèo Vạc');
  const c = await issue(tw(), { productId: p.id, stars: 5 });
  const body = { ground: 'b', decisionNumber: '7/QĐ-BNNMT', decidedOn: today, groundFoundOn: today };
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/certificates/${c.number}/revoke`, as: tuyenQuang, body })).statusCode, 403);
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/certificates/${c.number}/revoke`, as: central, body })).statusCode, 200);
});

// What the web app asks before it offers "Thu hồi giấy chứng nhận": the caller's actions on one certificate and the
// grounds and deadline of Điều 8 from the rules data.
const actionsOf = async (number: string, as?: Session) => {
  const res = await t.call({ url: `/api/v1/certificates/${encodeURIComponent(number)}/actions`, as });
  return res.statusCode === 200 ? res.json().actions : res.statusCode;
};

test('revoke is offered to the competent authority only, and only while the certificate is in force', async () => {
  const c = await issue(tq(), { productId: (await newProduct(MEO_VAC, 'Mật ong bạc hà chai 500 ml')).id, stars: 4 });
  assert.deepEqual(await actionsOf(c.number, tuyenQuang), ['revoke']);
  assert.deepEqual(await actionsOf(c.number, thaiNguyen), [], 'another province');
  assert.deepEqual(await actionsOf(c.number, central), [], 'the Ministry does not revoke 3–4★');
  assert.deepEqual(await actionsOf(c.number, await t.user('commune', { communeCode: MEO_VAC })), []);
  assert.deepEqual(await actionsOf(c.number, await t.user('inspector', { provinceCode: '08' })), []);
  assert.equal(await actionsOf(c.number), 401, 'anonymous');
  assert.equal(await actionsOf('OCOP-08-2026-99999', tuyenQuang), 404);

  const five = await issue(tw(), { productId: (await newProduct(MEO_VAC, 'Mật ong bạc hà thượng hạng hộp gỗ')).id, stars: 5 });
  assert.deepEqual(await actionsOf(five.number, central), ['revoke']);
  assert.deepEqual(await actionsOf(five.number, tuyenQuang), []);

  const revoke = await t.call({ method: 'POST', url: `/api/v1/certificates/${c.number}/revoke`, as: tuyenQuang, body: { ground: 'dd', decisionNumber: '90/QĐ-UBND', decidedOn: today, groundFoundOn: addDays(today, -2) } });
  assert.equal(revoke.statusCode, 200, revoke.body);
  assert.deepEqual(await actionsOf(c.number, tuyenQuang), [], 'a revoked certificate cannot be revoked again');
});

test('the grounds and the deadline come from the rules data, publicly', async () => {
  const res = await t.call({ url: '/api/v1/certificates/revocation-grounds' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['cache-control']), /public/);
  const body = res.json();
  assert.equal(body.instrument, RULES.instrument);
  assert.equal(body.deadlineDays, RULES.revocation.deadlineDays);
  assert.deepEqual(body.grounds.map((g: { code: string }) => g.code), ['a', 'b', 'c', 'd', 'dd', 'e']);
  assert.ok(body.grounds.every((g: { text: { vi: string; en: string } }) => g.text.vi && g.text.en));
});

test('reminders: certificates whose re-rating window is open or closed, for the province office', async () => {
  const p = await newProduct(MEO_VAC, 'Mận Bắc Hà sấy');
  // Issued so that 150 days remain: inside the filing window (180 → 120 days before expiry).
  const issuedOn = addDays(addMonths(today, -36), 150);
  const c = await issue(tq(), { productId: p.id, stars: 3, decidedOn: issuedOn, issuedOn });
  const res = await t.call({ url: '/api/v1/certificates/reminders', as: tuyenQuang });
  assert.equal(res.statusCode, 200);
  const item = res.json().items.find((i: { number: string }) => i.number === c.number);
  assert.ok(item, 'listed');
  assert.deepEqual([item.stage, item.daysToExpiry], ['open', daysBetween(today, c.expiresOn)]);
  assert.ok(item.daysToExpiry <= 180 && item.daysToExpiry > 120);
  assert.equal((await t.call({ url: '/api/v1/certificates/reminders', as: thaiNguyen })).json().items.some((i: { number: string }) => i.number === c.number), false);
  assert.equal((await t.call({ url: '/api/v1/certificates/reminders?province=08', as: thaiNguyen })).statusCode, 403);
  assert.equal((await t.call({ url: '/api/v1/certificates/reminders?province=08', as: central })).json().items.some((i: { number: string }) => i.number === c.number), true);
  assert.equal((await t.call({ url: '/api/v1/certificates/reminders' })).statusCode, 401);
  assert.equal((await t.call({ url: '/api/v1/certificates/reminders', as: await t.user('entity') })).statusCode, 403);
});

test('the PDF is A4 with the national header, the text in Vietnamese, the stars and the validity', async () => {
  const p = await newProduct(MEO_VAC, 'Mật ong hoa đào Đồng Văn');
  const c = await issue(tq(), { productId: p.id, stars: 4, decisionNumber: '321/QĐ-UBND' });
  const res = await t.call({ url: `/api/v1/certificates/${c.number}/pdf` });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(res.rawPayload);
  for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'GIẤY CHỨNG NHẬN', c.number, 'Mật ong hoa đào Đồng Văn', 'Đạt hạng 4 sao', '321/QĐ-UBND', '36 tháng', `/xac-minh/${c.number}`]) {
    assert.ok(text.includes(s), `PDF text has "${s}"`);
  }
  assert.ok(!text.includes(c.id), 'no internal id printed');
  assert.equal((await t.call({ url: '/api/v1/certificates/NOPE/pdf' })).statusCode, 404);
});

async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Giấy chứng nhận');
  ws.addRow(['Mã sản phẩm', 'Tên sản phẩm', 'Số ĐKKD chủ thể', 'Hạng sao', 'Số quyết định', 'Ngày quyết định', 'Cơ quan quyết định', 'Ngày cấp', 'Ngày hết hạn', 'Văn bản pháp lý']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, name = 'chung-nhan.xlsx') {
  const boundary = '----ocoptest' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(as: Session, file: Buffer) {
  const { payload, contentType } = multipart(file);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/certificates/import/preview', payload, headers: { cookie: as.cookie, 'x-csrf-token': as.csrf, 'content-type': contentType } });
  return res;
}

test('legacy import: a row-by-row preview writes nothing; commit is all or nothing and records the instrument', async () => {
  const a = await newProduct(MEO_VAC, 'Cam sành Hàm Yên');
  const b = await newProduct(MEO_VAC, 'Bánh chưng đen Mèo Vạc');
  const other = await newProduct(TAN_CUONG, 'Chè búp Tân Cương', 'HTX Trà Tân Cương');
  const good: (string | number)[][] = [
    [a.code, '', '', 3, '88/QĐ-UBND', '12/03/2024', 'UBND tỉnh Hà Giang', '12/03/2024', '', 'QĐ 148/2023'],
    ['', 'Bánh chưng đen Mèo Vạc', b.registration, '4 sao', '17/QĐ-UBND', '2021-06-01', 'UBND tỉnh Hà Giang', '', '2024-06-01', '1048/2019'],
  ];
  const bad = [
    ...good,
    [other.code, '', '', 4, '9/QĐ-UBND', '01/01/2024', 'UBND tỉnh Thái Nguyên', '', '', '148/2023'],
    ['XX-1', '', '', 2, '', '31/02/2024', '', '', '', 'QĐ 999'],
  ];
  const preview = await upload(tuyenQuang, await xlsx(bad));
  assert.equal(preview.statusCode, 200, preview.body);
  const pv = preview.json();
  assert.deepEqual(pv.totals, { rows: 4, create: 2, update: 0, unchanged: 0, errors: 2 });
  assert.deepEqual(pv.rows.map((r: { row: number; action: string }) => [r.row, r.action]), [[2, 'create'], [3, 'create'], [4, 'error'], [5, 'error']]);
  assert.deepEqual(pv.rows[2].errors.map((e: { code: string }) => e.code), ['outside_province']);
  assert.deepEqual(pv.rows[3].errors.map((e: { field: string }) => e.field).sort(), ['authority', 'decidedOn', 'decisionNumber', 'instrument', 'productCode', 'stars']);
  assert.equal(pv.rows[3].errors[0].column, 'Mã sản phẩm');
  const before = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM certificate`);

  const refused = await t.call({ method: 'POST', url: `/api/v1/certificates/import/${pv.id}/commit`, as: tuyenQuang });
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().code, 'import_has_errors');
  const afterRefusal = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM certificate`);
  assert.equal(afterRefusal[0].n, before[0].n, 'nothing written');

  const clean = (await upload(tuyenQuang, await xlsx(good))).json();
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/certificates/import/${clean.id}/commit`, as: thaiNguyen })).statusCode, 404, 'someone else\'s import');
  const done = await t.call({ method: 'POST', url: `/api/v1/certificates/import/${clean.id}/commit`, as: tuyenQuang });
  assert.equal(done.statusCode, 200, done.body);
  assert.deepEqual(done.json(), { created: 2, updated: 0, unchanged: 0 });
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/certificates/import/${clean.id}/commit`, as: tuyenQuang })).statusCode, 409);

  const list = (await t.call({ url: '/api/v1/certificates?q=cam sanh ham yen' })).json();
  assert.equal(list.total, 1);
  const v = (await t.call({ url: `/api/v1/certificates/${list.items[0].number}/verify` })).json();
  assert.deepEqual([v.instrument, v.kind, v.stars, v.issuedOn, v.expiresOn, v.status], ['QĐ 148/QĐ-TTg', 'legacy', 3, '2024-03-12', '2027-03-12', today <= '2027-03-12' ? 'valid' : 'expired']);
  const old = (await t.call({ url: '/api/v1/certificates?q=banh chung den' })).json().items[0];
  assert.equal(old.status, today > '2024-06-01' ? 'expired' : 'valid');
  assert.equal((await t.call({ url: `/api/v1/products/${b.id}`, as: tuyenQuang })).json().status, 'expired');

  // Re-importing the same decisions finds them unchanged instead of duplicating them (certificates-import.test.ts).
  const again = (await upload(tuyenQuang, await xlsx(good))).json();
  assert.deepEqual(again.totals, { rows: 2, create: 0, update: 0, unchanged: 2, errors: 0 });

  const notXlsx = await t.app.inject({ method: 'POST', url: '/api/v1/certificates/import/preview', ...(() => { const m = multipart(Buffer.from('a,b,c\n1,2,3')); return { payload: m.payload, headers: { cookie: tuyenQuang.cookie, 'x-csrf-token': tuyenQuang.csrf, 'content-type': m.contentType } }; })() });
  assert.equal(notXlsx.statusCode, 415);
  assert.equal((await upload(await t.user('entity'), await xlsx(good))).statusCode, 403);
});
