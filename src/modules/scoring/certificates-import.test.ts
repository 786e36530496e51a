// The legacy-certificate import run twice: the second run finds every row unchanged and writes nothing; a row names its
// certificate by number (an exported register read back) and updates it; a certificate changed since the preview
// makes the commit stale (409).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { entityBody, MEO_VAC, testApp, type Session, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let officer: Session; // province officer of 08
let code = '';
let registration = '';
before(async () => {
  t = await testApp();
  officer = await t.user('province', { provinceCode: '08' });
  const e = await t.call({ method: 'POST', url: '/api/v1/entities', as: officer, body: entityBody(MEO_VAC, { name: 'HTX Cam sành Mèo Vạc' }) });
  const p = await t.call({ method: 'POST', url: '/api/v1/products', as: officer, body: { entityId: e.json().id, name: 'Cam sành Mèo Vạc', productSet: 4, status: 'registered' } });
  assert.equal(p.statusCode, 201, p.body);
  [code, registration] = [p.json().code, e.json().registrationNumber];
});
after(() => t.close());

const HEADERS = ['Số giấy chứng nhận', 'Mã sản phẩm', 'Tên sản phẩm', 'Số ĐKKD chủ thể', 'Hạng sao', 'Số quyết định', 'Ngày quyết định', 'Cơ quan quyết định', 'Ngày cấp', 'Ngày hết hạn', 'Văn bản pháp lý'];
async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Giấy chứng nhận');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function preview(rows: (string | number)[][]) {
  const boundary = `----ocoptest${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gcn.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), await xlsx(rows), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await t.call({ method: 'POST', url: '/api/v1/certificates/import/preview', body: body as never, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, as: officer });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}
const commit = (id: string) => t.call({ method: 'POST', url: `/api/v1/certificates/import/${id}/commit`, as: officer });
async function state() {
  const [row] = await query<{ certificates: number; audits: number; versions: number; products: number }>(t.database.db, sql`
    SELECT (SELECT count(*)::int FROM certificate) AS certificates, (SELECT count(*)::int FROM audit_log) AS audits,
           (SELECT coalesce(sum(version), 0)::int FROM certificate) AS versions, (SELECT coalesce(sum(version), 0)::int FROM product) AS products`);
  return row;
}

test('the same certificate workbook twice: the second commit writes nothing', async () => {
  const rows = [
    ['', code, '', '', 3, '88/QĐ-UBND', '12/03/2024', 'UBND tỉnh Hà Giang', '12/03/2024', '', 'QĐ 148/2023'],
    ['', '', 'Cam sành Mèo Vạc', registration, 4, '17/QĐ-UBND', '01/06/2021', 'UBND tỉnh Hà Giang', '', '', '1048/2019'],
  ];
  const first = await preview(rows);
  assert.deepEqual(first.totals, { rows: 2, create: 2, update: 0, unchanged: 0, errors: 0 });
  assert.deepEqual((await commit(first.id)).json(), { created: 2, updated: 0, unchanged: 0 });
  const after1 = await state();

  const second = await preview(rows);
  assert.deepEqual(second.totals, { rows: 2, create: 0, update: 0, unchanged: 2, errors: 0 });
  assert.deepEqual((await commit(second.id)).json(), { created: 0, updated: 0, unchanged: 2 });
  assert.deepEqual(await state(), after1, 'no certificate, version or audit row added; the product untouched');
});

test('a row names its certificate by number: read back from the register, edited, it updates that certificate', async () => {
  const [cert] = await query<{ number: string; decision_number: string }>(t.database.db, sql`
    SELECT c.number, c.decision_number FROM certificate c JOIN product p ON p.id = c.product_id WHERE p.code = ${code} AND c.decision_number = '88/QĐ-UBND'`);
  // Only the number: the product is the certificate's; equal fields → unchanged.
  const same = await preview([[cert.number, '', '', '', 3, '88/QĐ-UBND', '12/03/2024', 'UBND tỉnh Hà Giang', '12/03/2024', '', 'QĐ 148/2023']]);
  assert.equal(same.totals.unchanged, 1, JSON.stringify(same.rows));
  // The decision number corrected: found by its certificate number, so an update, not a new certificate.
  const fixed = await preview([[cert.number, code, '', '', 3, '88A/QĐ-UBND', '12/03/2024', 'UBND tỉnh Hà Giang', '12/03/2024', '', 'QĐ 148/2023']]);
  assert.deepEqual(fixed.totals, { rows: 1, create: 0, update: 1, unchanged: 0, errors: 0 });
  const before_ = await state();
  assert.deepEqual((await commit(fixed.id)).json(), { created: 0, updated: 1, unchanged: 0 });
  assert.equal((await state()).certificates, before_.certificates);
  const [now] = await query<{ decision_number: string }>(t.database.db, sql`SELECT decision_number FROM certificate WHERE number = ${cert.number}`);
  assert.equal(now.decision_number, '88A/QĐ-UBND');

  const unknown = await preview([['08-2024-99999', code, '', '', 3, '1/QĐ-UBND', '12/03/2024', 'UBND tỉnh Hà Giang', '', '', 'QĐ 148/2023']]);
  assert.equal(unknown.rows[0].errors[0].code, 'unknown_certificate');
});

test('a certificate changed after the preview makes the commit stale: 409 and nothing written', async () => {
  const rows = [['', code, '', '', 5, '88A/QĐ-UBND', '12/03/2024', 'UBND tỉnh Hà Giang', '12/03/2024', '', 'QĐ 148/2023']];
  const pv = await preview(rows);
  assert.equal(pv.totals.update, 1);
  await query(t.database.db, sql`UPDATE certificate SET version = version + 1 WHERE decision_number = '88A/QĐ-UBND'`);
  const before_ = await state();
  const res = await commit(pv.id);
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().code, 'stale_version');
  assert.deepEqual(await state(), before_);
});
