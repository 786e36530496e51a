import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { query } from '../../../app/db.js';
import { DONG_VAN, MEO_VAC, TAN_CUONG, entityBody, testApp, type Session, type TestApp } from '../../../../test/harness.js';
import { entityRow, multipart, productRow, registration, workbook } from './import.fixtures.js';

let t: TestApp;
let province: Session; // Tuyên Quang (08): Mèo Vạc and Đồng Văn are in it
before(async () => {
  t = await testApp();
  province = await t.user('province', { provinceCode: '08' });
});
after(() => t.close());

const upload = (bytes: Buffer, as: Session | undefined, fileName?: string) => {
  const { body, headers } = multipart(bytes, fileName);
  return t.call({ method: 'POST', url: '/api/v1/imports/preview', body: body as never, headers, as });
};
/** Every row of a preview, through the paged route (the preview itself answers with the first page). */
async function rowsOf(preview: { id: string }, as: Session = province, show = 'all') {
  const out = [];
  for (let page = 1; ; page++) {
    const res = await t.call({ url: `/api/v1/imports/${preview.id}/rows?show=${show}&page=${page}`, as });
    assert.equal(res.statusCode, 200, res.body);
    out.push(...res.json().rows);
    if (page * res.json().pageSize >= res.json().total) return out;
  }
}
const commit = (id: string, as: Session) => t.call({ method: 'POST', url: `/api/v1/imports/${id}/commit`, as });
async function counts() {
  const [row] = await query<{ entities: number; products: number; audits: number }>(t.database.db, sql`
    SELECT (SELECT count(*)::int FROM entity) AS entities, (SELECT count(*)::int FROM product) AS products, (SELECT count(*)::int FROM audit_log) AS audits`);
  return row;
}
const communeOf = async (reg: string) => (await query<{ commune_code: string }>(t.database.db, sql`SELECT commune_code FROM entity WHERE registration_number = ${reg}`))[0]?.commune_code;

describe('template', () => {
  test('downloads as .xlsx with the three sheets, Vietnamese headers and dropdowns, and previews as empty', async () => {
    const res = await t.call({ url: '/api/v1/imports/template' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    assert.match(String(res.headers['content-disposition']), /^attachment;/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Chủ thể', 'Sản phẩm', 'Danh mục']);
    const headers = (wb.getWorksheet('Chủ thể')!.getRow(1).values as string[]).slice(1);
    assert.deepEqual(headers.slice(0, 3), ['Số ĐKKD', 'Tên chủ thể', 'Loại hình']);
    assert.ok(headers.includes('Xã cũ (trước 7/2025)') && headers.includes('Khuyết tật (Có/Không)'));
    assert.deepEqual((wb.getWorksheet('Sản phẩm')!.getRow(1).values as string[]).slice(1, 5), ['Mã sản phẩm', 'Số ĐKKD chủ thể', 'Tên sản phẩm', 'Bộ sản phẩm']);
    const lists = wb.getWorksheet('Danh mục')!;
    assert.equal(lists.getCell('A2').value, 'Hợp tác xã');
    assert.equal(lists.getCell('B5').value, '4 - Mật ong, mật khác và nông sản thực phẩm khác');
    const validation = (wb.getWorksheet('Chủ thể') as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model.C2;
    assert.equal(validation.type, 'list');
    assert.match(validation.formulae[0], /Danh mục/);

    // The example rows are skipped: the untouched template is an empty import.
    const preview = await upload(res.rawPayload, province, 'mau-nhap-ocop.xlsx');
    assert.equal(preview.statusCode, 200, preview.body);
    assert.deepEqual(preview.json().totals, { rows: 0, create: 0, update: 0, unchanged: 0, duplicates: 0, errors: 0 });

    // Filled in below the example, as an officer would (labels from the dropdowns, a real date cell).
    const sheet = wb.getWorksheet('Chủ thể')!;
    const reg = registration();
    sheet.addRow([reg, 'HTX Thổ cẩm Lũng Cú', 'Hợp tác xã', new Date(Date.UTC(2020, 4, 1)), null, 'Thôn Lô Lô Chải', null, 'Đồng Văn', 'Tuyên Quang',
      null, null, null, '0987654321', null, 'Lò Thị Sai', 'Nữ', 'Lô Lô', 'Có', 12, 12]);
    wb.getWorksheet('Sản phẩm')!.addRow([null, reg, 'Khăn thổ cẩm Lô Lô', '21 - Thủ công mỹ nghệ', null, null, null, null, 'Đã đăng ký']);
    const filled = (await upload(Buffer.from(await wb.xlsx.writeBuffer()), province)).json();
    assert.deepEqual(filled.totals, { rows: 2, create: 2, update: 0, unchanged: 0, duplicates: 0, errors: 0 }, JSON.stringify(filled.first.rows));
    assert.deepEqual(filled.first.rows.map((r: { row: number; sheet: string }) => [r.sheet, r.row]), [['Chủ thể', 3], ['Sản phẩm', 3]]);
    assert.equal((await commit(filled.id, province)).statusCode, 200);
    const [made] = await query<{ commune_code: string; registration_date: string; representative: { disability: boolean } }>(t.database.db, sql`
      SELECT commune_code, registration_date, representative FROM entity WHERE registration_number = ${reg}`);
    assert.deepEqual([made.commune_code, made.registration_date, made.representative.disability], [DONG_VAN, '2020-05-01', true]);
  });
});

describe('preview and commit', () => {
  test('a bad row is listed with its row, column and reason, nothing is written; fixed, it commits once', async () => {
    const good = entityRow(MEO_VAC, { 'Tên chủ thể': 'HTX Mật ong bạc hà Mèo Vạc' });
    const bad = entityRow(DONG_VAN, { 'Loại hình': 'Hợp tác', 'Email': 'không-phải-email' });
    const products = [productRow(good['Số ĐKKD'] as string, { 'Bộ sản phẩm': '4 - Mật ong, mật khác và nông sản thực phẩm khác', 'Tên sản phẩm': 'Mật ong bạc hà' }), productRow(bad['Số ĐKKD'] as string)];
    const other = await t.user('province', { provinceCode: '08' });
    const before_ = await counts();
    const res = await upload(await workbook([good, bad], products), province);
    assert.equal(res.statusCode, 200, res.body);
    const preview = res.json();
    assert.equal(preview.fileName, 'danh-sach.xlsx');
    assert.deepEqual(preview.totals, { rows: 4, create: 2, update: 0, unchanged: 0, duplicates: 0, errors: 2 });
    const row3 = preview.first.rows.find((r: { row: number; sheet: string }) => r.row === 3 && r.sheet === 'Chủ thể');
    assert.equal(row3.action, 'error');
    const typeError = row3.errors.find((e: { column: string }) => e.column === 'Loại hình');
    assert.equal(typeError.field, 'type');
    assert.match(typeError.message.vi, /Loại hình phải là/);
    assert.ok(row3.errors.some((e: { column: string; field: string }) => e.column === 'Email' && e.field === 'email'));
    // Its product is held back too, and says why.
    const orphan = preview.first.rows.find((r: { row: number; sheet: string }) => r.row === 3 && r.sheet === 'Sản phẩm');
    assert.equal(orphan.errors[0].code, 'owner_row_invalid');
    assert.deepEqual(await counts(), before_);

    const refused = await commit(preview.id, province);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, 'import_has_errors');
    assert.match(String(refused.headers['content-type']), /problem\+json/);
    assert.deepEqual(await counts(), before_);

    bad['Loại hình'] = 'Hộ kinh doanh';
    bad.Email = 'ho@example.vn';
    const fixed = (await upload(await workbook([good, bad], products), province)).json();
    assert.deepEqual(fixed.totals, { rows: 4, create: 4, update: 0, unchanged: 0, duplicates: 0, errors: 0 });
    assert.equal((await commit(fixed.id, other)).statusCode, 404, 'only the uploader (or central) commits');
    const done = await commit(fixed.id, province);
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual(done.json(), { created: 4, updated: 0, unchanged: 0 });
    const after_ = await counts();
    assert.equal(after_.entities, before_.entities + 2);
    assert.equal(after_.products, before_.products + 2);
    assert.equal(after_.audits, before_.audits + 4, 'one audit record per created record');
    const honey = await query<{ code: string; product_set: number; status: string; commune_code: string }>(t.database.db, sql`
      SELECT code, product_set, status, commune_code FROM product WHERE name = 'Mật ong bạc hà'`);
    assert.equal(honey[0].product_set, 4);
    assert.equal(honey[0].status, 'draft');
    assert.match(honey[0].code, new RegExp(`^08-${MEO_VAC}-\\d+-\\d{4}$`));

    const again = await commit(fixed.id, province);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'import_already_committed');
    assert.deepEqual(await counts(), after_);

    // The same file again now updates the entities it created (the registration number is the key).
    const update = (await upload(await workbook([{ ...good, 'Tên chủ thể': 'HTX Mật ong Mèo Vạc' }]), province)).json();
    assert.deepEqual(update.totals, { rows: 1, create: 0, update: 1, unchanged: 0, duplicates: 0, errors: 0 });
    assert.deepEqual((await commit(update.id, province)).json(), { created: 0, updated: 1, unchanged: 0 });
    const history = await query<{ action: string; before: { name: string }; after: { name: string } }>(t.database.db, sql`
      SELECT a.action, a.before, a.after FROM audit_log a JOIN entity e ON a.record_id = e.id::text
      WHERE e.registration_number = ${good['Số ĐKKD'] as string} ORDER BY a.id`);
    assert.deepEqual(history.map((h) => h.action), ['entity.create', 'entity.update']);
    assert.equal(history[1].before.name, 'HTX Mật ong bạc hà Mèo Vạc');
    assert.equal(history[1].after.name, 'HTX Mật ong Mèo Vạc');
  });

  test('communes by name and by district-era address; an ambiguous old address is a row error', async () => {
    const byName = entityRow(null, { 'Tên xã': 'meo vac', 'Tỉnh/Thành phố': 'tinh Tuyen Quang' });
    const byNameBare = entityRow(null, { 'Tên xã': 'Xã Đồng Văn' });
    const byOld = entityRow(null, { 'Xã cũ (trước 7/2025)': 'Xã Pải Lủng', 'Huyện cũ': 'Huyện Mèo Vạc', 'Tỉnh cũ': 'Hà Giang' });
    const byOldWithDistrict = entityRow(null, { 'Xã cũ (trước 7/2025)': 'Tả Lủng', 'Huyện cũ': 'Mèo Vạc', 'Tỉnh cũ': 'Tỉnh Hà Giang' });
    const ambiguous = entityRow(null, { 'Xã cũ (trước 7/2025)': 'Xã Tả Lủng', 'Tỉnh cũ': 'Hà Giang' });
    const unknown = entityRow(null, { 'Xã cũ (trước 7/2025)': 'Xã Không Có Thật', 'Huyện cũ': 'Huyện Mèo Vạc' });
    const badCode = entityRow('99999');
    const res = await upload(await workbook([byName, byNameBare, byOld, byOldWithDistrict, ambiguous, unknown, badCode]), province);
    const rows = await rowsOf(res.json());
    const at = (row: number) => rows.find((r: { row: number }) => r.row === row);
    for (const row of [2, 3, 4, 5]) assert.equal(at(row).action, 'create', JSON.stringify(at(row).errors));
    assert.equal(at(6).errors[0].code, 'ambiguous_old_commune');
    assert.equal(at(6).errors[0].column, 'Xã cũ (trước 7/2025)');
    assert.match(at(6).errors[0].message.vi, /Mèo Vạc/);
    assert.match(at(6).errors[0].message.vi, /Đồng Văn/);
    assert.equal(at(7).errors[0].code, 'unknown_old_commune');
    assert.equal(at(8).errors[0].code, 'unknown_commune');
    assert.equal(at(8).errors[0].column, 'Mã xã');

    const ok = (await upload(await workbook([byName, byNameBare, byOld, byOldWithDistrict]), province)).json();
    assert.equal((await commit(ok.id, province)).statusCode, 200);
    assert.equal(await communeOf(byName['Số ĐKKD'] as string), MEO_VAC);
    assert.equal(await communeOf(byNameBare['Số ĐKKD'] as string), DONG_VAN);
    assert.equal(await communeOf(byOld['Số ĐKKD'] as string), DONG_VAN);
    assert.equal(await communeOf(byOldWithDistrict['Số ĐKKD'] as string), MEO_VAC);
  });

  test('rows outside the officer\'s commune or province are row errors; other roles are refused', async () => {
    const commune = await t.user('commune', { communeCode: MEO_VAC, provinceCode: '08' });
    const mine = entityRow(MEO_VAC);
    const theirs = entityRow(DONG_VAN);
    const res = { rows: await rowsOf((await upload(await workbook([mine, theirs], [productRow(theirs['Số ĐKKD'] as string)]), commune)).json(), commune) };
    assert.equal(res.rows[0].action, 'create');
    assert.equal(res.rows[1].errors[0].code, 'out_of_scope');
    assert.equal(res.rows[1].errors[0].column, 'Mã xã');
    assert.equal(res.rows[2].action, 'error');

    const elsewhere = (await upload(await workbook([entityRow(TAN_CUONG)]), province)).json();
    assert.equal(elsewhere.first.rows[0].errors[0].code, 'out_of_scope');

    // An entity of another province is not the province officer's to update, even by registration number.
    const central = await t.user('central');
    const foreign = await t.call({ method: 'POST', url: '/api/v1/entities', body: entityBody(TAN_CUONG), as: central });
    const taken = (await upload(await workbook([entityRow(MEO_VAC, { 'Số ĐKKD': foreign.json().registrationNumber })]), province)).json();
    assert.equal(taken.first.rows[0].errors[0].code, 'registration_number_taken');
    // Nor can its products be named from outside.
    const stranger = (await upload(await workbook([], [productRow(foreign.json().registrationNumber)]), province)).json();
    assert.equal(stranger.first.rows[0].errors[0].code, 'out_of_scope');

    const member = await t.user('entity', { entityId: foreign.json().id, provinceCode: '19', communeCode: TAN_CUONG });
    const denied = await upload(await workbook([entityRow(TAN_CUONG)]), member);
    assert.equal(denied.statusCode, 403);
    assert.equal((await upload(await workbook([entityRow(TAN_CUONG)]), undefined)).statusCode, 401);
  });

  test('duplicates inside the file, unknown owners, product codes and sets are row errors', async () => {
    const a = entityRow(MEO_VAC);
    const res = { rows: await rowsOf((await upload(await workbook([a, { ...a }], [
      productRow('0000000000'),
      productRow(a['Số ĐKKD'] as string, { 'Mã sản phẩm': '08-00769-999-2020' }),
      productRow(a['Số ĐKKD'] as string, { 'Bộ sản phẩm': 'Không có bộ này', 'Tên sản phẩm': '' }),
      productRow(a['Số ĐKKD'] as string, { 'Trạng thái': 'Đã chứng nhận' }),
    ]), province)).json()) };
    const codes = res.rows.map((r: { errors: { code: string }[] }) => r.errors.map((e) => e.code).join(','));
    assert.deepEqual(codes, ['', 'duplicate_in_file', 'unknown_entity', 'unknown_product_code', 'invalid_value,required', 'status_set_by_certificate']);
    assert.equal(res.rows[4].errors[1].column, 'Tên sản phẩm');
  });

  test('a record changed after the preview fails the whole commit with 409 and writes nothing', async () => {
    const created = await t.call({ method: 'POST', url: '/api/v1/entities', body: entityBody(MEO_VAC), as: province });
    const e = created.json();
    const fresh = entityRow(MEO_VAC);
    const preview = (await upload(await workbook([entityRow(MEO_VAC, { 'Số ĐKKD': e.registrationNumber, 'Tên chủ thể': 'Tên mới' }), fresh]), province)).json();
    assert.deepEqual(preview.totals, { rows: 2, create: 1, update: 1, unchanged: 0, duplicates: 0, errors: 0 });
    const edited = await t.call({ method: 'PATCH', url: `/api/v1/entities/${e.id}`, body: { name: 'Sửa trên web', version: e.version }, as: province });
    assert.equal(edited.statusCode, 200, edited.body);
    const before_ = await counts();
    const res = await commit(preview.id, province);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'stale_version');
    assert.deepEqual(await counts(), before_);
    assert.equal(await communeOf(fresh['Số ĐKKD'] as string), undefined);
    // The central office may commit an officer's preview; it is still stale.
    assert.equal((await commit(preview.id, await t.user('central'))).statusCode, 409);
  });
});

describe('bad files', () => {
  const expectProblem = (res: Awaited<ReturnType<typeof upload>>, status: number, code?: string) => {
    assert.equal(res.statusCode, status, res.body);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    if (code) assert.equal(res.json().code, code);
  };
  test('a non-xlsx file, garbage bytes, a broken zip and an over-size file are 4xx problems', async () => {
    expectProblem(await upload(Buffer.from('Số ĐKKD,Tên chủ thể\n123,HTX\n'), province, 'list.csv'), 415, 'not_xlsx');
    expectProblem(await upload(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), province, 'x.xlsx'), 415, 'not_xlsx');
    expectProblem(await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('garbage garbage garbage garbage')]), province), 415);
    const real = await workbook([entityRow(MEO_VAC)]);
    expectProblem(await upload(real.subarray(0, Math.floor(real.length * 0.8)), province), 400);
    expectProblem(await upload(Buffer.alloc(t.config.maxUploadBytes + 1, 1), province), 413, 'payload_too_large');
    const notMultipart = await t.call({ method: 'POST', url: '/api/v1/imports/preview', body: { file: 'x' }, as: province });
    assert.ok(notMultipart.statusCode >= 400 && notMultipart.statusCode < 500);
    const noSheets = new ExcelJS.Workbook();
    noSheets.addWorksheet('Trang 1').addRow(['a', 'b']);
    expectProblem(await upload(Buffer.from(await noSheets.xlsx.writeBuffer()), province), 400, 'import_no_sheets');
    const missing = new ExcelJS.Workbook();
    missing.addWorksheet('Chủ thể').addRow(['Số ĐKKD', 'Tên chủ thể']);
    expectProblem(await upload(Buffer.from(await missing.xlsx.writeBuffer()), province), 400, 'import_missing_columns');
    assert.equal((await t.call({ method: 'POST', url: `/api/v1/imports/${registration()}/commit`, as: province })).statusCode, 400);
  });
});
