// Imports that can be run twice: the same workbook again changes nothing (no new row, no version, no audit row);
// edited rows update only what changed and say which fields; a new row like an existing product of the same entity is
// flagged; a preview gone stale is refused; the preview is answered a page at a time.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../../app/db.js';
import { DONG_VAN, MEO_VAC, testApp, type Session, type TestApp } from '../../../../test/harness.js';
import { entityRow, multipart, productRow, workbook } from './import.fixtures.js';

let t: TestApp;
let province: Session;
before(async () => {
  t = await testApp();
  province = await t.user('province', { provinceCode: '08' });
});
after(() => t.close());

const upload = async (bytes: Buffer, as = province) => {
  const { body, headers } = multipart(bytes);
  const res = await t.call({ method: 'POST', url: '/api/v1/imports/preview', body: body as never, headers, as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};
const commit = (id: string, as = province) => t.call({ method: 'POST', url: `/api/v1/imports/${id}/commit`, as });
const page = (id: string, query_: string, as = province) => t.call({ url: `/api/v1/imports/${id}/rows?${query_}`, as });
async function state() {
  const [row] = await query<{ entities: number; products: number; audits: number; versions: number }>(t.database.db, sql`
    SELECT (SELECT count(*)::int FROM entity) AS entities, (SELECT count(*)::int FROM product) AS products,
           (SELECT count(*)::int FROM audit_log) AS audits,
           (SELECT coalesce(sum(version), 0)::int FROM entity) + (SELECT coalesce(sum(version), 0)::int FROM product) AS versions`);
  return row;
}

const a = entityRow(MEO_VAC, { 'Tên chủ thể': 'HTX Chè Shan tuyết Mèo Vạc' });
const b = entityRow(DONG_VAN, { 'Tên chủ thể': 'HTX Mật ong Đồng Văn', 'Ngày ĐKKD': new Date(Date.UTC(2020, 4, 1)) });
const products = [
  productRow(a['Số ĐKKD'] as string, { 'Tên sản phẩm': 'Chè Shan tuyết cổ thụ', 'Bộ sản phẩm': 11 }),
  productRow(a['Số ĐKKD'] as string, { 'Tên sản phẩm': 'Trà hoa vàng', 'Bộ sản phẩm': 11, 'Mô tả': null }),
  productRow(b['Số ĐKKD'] as string, { 'Tên sản phẩm': 'Mật ong bạc hà', 'Bộ sản phẩm': 4, 'Trạng thái': 'Đã đăng ký' }),
];

test('the same workbook twice: the second preview finds every row unchanged and its commit writes nothing', async () => {
  const file = await workbook([a, b], products);
  const first = await upload(file);
  assert.deepEqual(first.totals, { rows: 5, create: 5, update: 0, unchanged: 0, duplicates: 0, errors: 0 });
  assert.equal((await commit(first.id)).statusCode, 200);
  const afterFirst = await state();

  const second = await upload(file);
  assert.deepEqual(second.totals, { rows: 5, create: 0, update: 0, unchanged: 5, duplicates: 0, errors: 0 });
  assert.ok(second.first.rows.every((r: { action: string; changes: unknown[] }) => r.action === 'unchanged' && r.changes.length === 0));
  const done = await commit(second.id);
  assert.equal(done.statusCode, 200, done.body);
  assert.deepEqual(done.json(), { created: 0, updated: 0, unchanged: 5 });
  assert.deepEqual(await state(), afterFirst, 'no new record, no new version, no audit row');

  // Names are compared without diacritics, case or extra spaces: still the same product.
  const retyped = await upload(await workbook([a, b], [{ ...products[0], 'Tên sản phẩm': '  CHE SHAN   tuyết Cổ Thụ ' }, ...products.slice(1)]));
  assert.equal(retyped.totals.create, 0);
  assert.equal(retyped.totals.unchanged + retyped.totals.update, 5);
});

test('edited rows update only their record and name the fields that change; the others stay unchanged', async () => {
  const before_ = await state();
  const edited = await upload(await workbook(
    [{ ...a, 'Điện thoại': '0987654321' }, b],
    [{ ...products[0], 'Mô tả': 'Chè búp một tôm hai lá' }, products[1], products[2]],
  ));
  assert.deepEqual(edited.totals, { rows: 5, create: 0, update: 2, unchanged: 3, duplicates: 0, errors: 0 });
  const updates = (await page(edited.id, 'show=update')).json();
  assert.equal(updates.total, 2);
  assert.deepEqual(updates.rows.map((r: { changes: { column: string; field: string }[] }) => r.changes),
    [[{ column: 'Điện thoại', field: 'phone' }], [{ column: 'Mô tả', field: 'description' }]]);
  assert.deepEqual((await commit(edited.id)).json(), { created: 0, updated: 2, unchanged: 3 });
  const now = await state();
  assert.equal(now.entities, before_.entities);
  assert.equal(now.products, before_.products);
  assert.equal(now.audits, before_.audits + 2, 'an audit row for each changed record only');
  assert.equal(now.versions, before_.versions + 2);
});

test('a new row like an existing product of the same entity (similar name, another set) is flagged as a possible duplicate', async () => {
  const [tea] = await query<{ code: string }>(t.database.db, sql`SELECT code FROM product WHERE name = 'Chè Shan tuyết cổ thụ'`);
  const preview = await upload(await workbook([], [
    productRow(a['Số ĐKKD'] as string, { 'Tên sản phẩm': 'Chè Shan tuyết cổ thụ', 'Bộ sản phẩm': 12 }),
    productRow(a['Số ĐKKD'] as string, { 'Tên sản phẩm': 'Chè shan tuyết cổ thụ Mèo Vạc hộp 100g', 'Bộ sản phẩm': 11 }),
    productRow(a['Số ĐKKD'] as string, { 'Tên sản phẩm': 'Măng khô', 'Bộ sản phẩm': 3 }),
  ]));
  assert.deepEqual(preview.totals, { rows: 3, create: 3, update: 0, unchanged: 0, duplicates: 2, errors: 0 });
  const flagged = (await page(preview.id, 'show=duplicate')).json();
  assert.equal(flagged.total, 2);
  assert.deepEqual(flagged.rows[0].duplicates, [{ code: tea.code, name: 'Chè Shan tuyết cổ thụ', productSet: 11 }]);
  assert.equal(flagged.rows[0].action, 'create', 'a warning, not an error: the officer decides');
});

test('a product added since the preview (same entity, name and set) makes the commit stale: 409, nothing written', async () => {
  const preview = await upload(await workbook([], [productRow(a['Số ĐKKD'] as string, { 'Tên sản phẩm': 'Miến dong', 'Bộ sản phẩm': 1 })]));
  assert.equal(preview.totals.create, 1);
  const [owner] = await query<{ id: string }>(t.database.db, sql`SELECT id FROM entity WHERE registration_number = ${a['Số ĐKKD'] as string}`);
  const added = await t.call({ method: 'POST', url: '/api/v1/products', body: { entityId: owner.id, name: 'Miến dong', productSet: 1 }, as: province });
  assert.equal(added.statusCode, 201, added.body);
  const before_ = await state();
  const res = await commit(preview.id);
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().code, 'stale_version');
  assert.deepEqual(await state(), before_);

  // So is a row the preview found unchanged whose record was edited since.
  const same = await upload(await workbook([{ ...a, 'Điện thoại': '0987654321' }], []));
  assert.equal(same.totals.unchanged, 1);
  await query(t.database.db, sql`UPDATE entity SET version = version + 1 WHERE id = ${owner.id}`);
  assert.equal((await commit(same.id)).statusCode, 409);
});

test('the preview answers the counts and a first page; the other pages and filters come from GET /imports/{id}/rows', async () => {
  const rows = Array.from({ length: 230 }, () => entityRow(MEO_VAC));
  rows[150] = entityRow('99999');
  const preview = await upload(await workbook(rows));
  assert.equal(preview.totals.rows, 230);
  assert.deepEqual({ ...preview.first, rows: preview.first.rows.length }, { show: 'error', page: 1, pageSize: 100, total: 1, rows: 1 }, 'errors first');
  assert.equal(preview.first.rows[0].row, 152);
  const third = (await page(preview.id, 'show=all&page=3')).json();
  assert.equal(third.total, 230);
  assert.deepEqual(third.rows.map((r: { row: number }) => r.row), Array.from({ length: 30 }, (_, i) => 202 + i));
  assert.equal((await page(preview.id, 'show=create')).json().total, 229);
  assert.equal((await page(preview.id, 'show=nonsense')).statusCode, 400);
  assert.equal((await page(preview.id, 'page=0')).statusCode, 400);
  const stranger = await t.user('province', { provinceCode: '08' });
  assert.equal((await page(preview.id, 'page=1', stranger)).statusCode, 404, 'only the uploader (or central) reads it');
  assert.equal((await page(preview.id, 'page=1', await t.user('central'))).statusCode, 200);
  assert.equal((await t.call({ url: `/api/v1/imports/${preview.id}/rows` })).statusCode, 401);
});
