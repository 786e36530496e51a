import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { query } from '../../../app/db.js';
import { checkDigit } from '../../../app/gs1.js';
import { MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../../test/harness.js';
import { assertProblem, makeEntity, makeProduct } from '../../../../test/api-helpers.js';
import { multipartBody } from '../../../../test/multipart.js';
import { EVENT_COLUMNS, type EventKey } from './columns.js';

let t: TestApp;
let producerA: Session, producerB: Session, commune: Session;
let entityA: string;
let gtinA = '', gtinB = '', codeA = '', lotId = '';
const place: Record<string, { id: string; gln: string }> = {};

type Row = Partial<Record<EventKey, string | number | Date>>;
/** A steps sheet with the template's Vietnamese headers (or English ones) and the given rows. */
async function stepsFile(rows: Row[], lang: 'vi' | 'en' = 'vi'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'vi' ? 'Các bước' : 'Steps');
  ws.addRow(EVENT_COLUMNS.map((c) => (lang === 'vi' ? c.header : c.en)));
  for (const r of rows) ws.addRow(EVENT_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const preview = (bytes: Buffer, as: Session = producerA, name = 'cac-buoc.xlsx') => {
  const { payload, contentType } = multipartBody([{ name: 'file', filename: name, type: 'application/octet-stream', bytes }]);
  return t.call({ method: 'POST', url: '/api/v1/trace/imports/preview', body: payload as never, headers: { 'content-type': contentType }, as });
};
const commit = (id: string, as: Session = producerA) => t.call({ method: 'POST', url: `/api/v1/trace/imports/${id}/commit`, as });
const counts = async () => (await query<{ lots: number; events: number; captures: number }>(t.database.db, sql`
  SELECT (SELECT count(*)::int FROM trace_lot) AS lots, (SELECT count(*)::int FROM epcis_event) AS events, (SELECT count(*)::int FROM epcis_capture) AS captures`))[0];

before(async () => {
  t = await testApp({ gs1Prefix: '8930997', maxUploadBytes: 512 * 1024 });
  const central = await t.user('central');
  const [a, b] = [await makeEntity(t, central, MEO_VAC), await makeEntity(t, central, TAN_CUONG, { name: 'HTX Chè Tân Cương' })];
  entityA = a.id;
  const pA = await makeProduct(t, central, a.id, { status: 'registered' });
  const pB = await makeProduct(t, central, b.id, { name: 'Chè búp Tân Cương', productSet: 11, status: 'registered' });
  [gtinA, codeA, gtinB] = [pA.gtin, pA.code, pB.gtin];
  [producerA, producerB, commune] = await Promise.all([t.user('entity', { entityId: a.id }), t.user('entity', { entityId: b.id }), t.user('commune', { communeCode: MEO_VAC })]);
  const own = '893456711111';
  for (const [key, kind, name, gln] of [['area', 'raw_material_area', 'Vùng bạc hà Pải Lủng'], ['workshop', 'workshop', 'Xưởng chiết mật'], ['shop', 'shop', 'Cửa hàng Mèo Vạc', own + checkDigit(own)]] as const) {
    const res = await t.call({ method: 'POST', url: '/api/v1/trace/locations', as: producerA, body: { entityId: a.id, kind, name, ...(gln ? { gln } : {}) } });
    assert.equal(res.statusCode, 201, res.body);
    place[key] = res.json();
  }
  const other = await t.call({ method: 'POST', url: '/api/v1/trace/locations', as: producerB, body: { entityId: b.id, kind: 'farm', name: 'Đồi chè' } });
  place.others = other.json();
  // A batch opened and harvested with the few-tap screen's routes.
  const lot = await t.call({ method: 'POST', url: '/api/v1/trace/lots', as: producerA, body: { productId: pA.id, lot: 'MO-1', producedOn: '2026-03-02', expiresOn: '2028-03-02' } });
  lotId = lot.json().id;
  const tap = await t.call({ method: 'POST', url: `/api/v1/trace/lots/${lotId}/steps`, as: producerA, body: { step: 'harvest', locationId: place.area.id, at: '2026-03-01T06:00:00+07:00' } });
  assert.equal(tap.statusCode, 201, tap.body);
});
after(() => t.close());

test('template: the entity\'s own products and places listed, Vietnamese or English headers; the untouched template is an empty import', async () => {
  const res = await t.call({ url: '/api/v1/trace/imports/template', as: producerA });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /^attachment;/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Các bước', 'Danh mục']);
  assert.deepEqual((wb.worksheets[0].getRow(1).values as string[]).slice(1, 3), ['Mã lô', 'Mã sản phẩm hoặc GTIN']);
  const lists = JSON.stringify(wb.worksheets[1].getSheetValues());
  assert.ok(lists.includes(gtinA) && lists.includes('Xưởng chiết mật') && !lists.includes('Đồi chè'), 'its own products and places, not another\'s');
  const en = await t.call({ url: '/api/v1/trace/imports/template?lang=en', as: producerA });
  const wbEn = new ExcelJS.Workbook();
  await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual((wbEn.worksheets[0].getRow(1).values as string[]).slice(1, 3), ['Lot', 'Product code or GTIN']);
  const empty = await preview(en.rawPayload);
  assert.equal(empty.statusCode, 200, empty.body);
  assert.deepEqual(empty.json().totals, { rows: 0, create: 0, unchanged: 0, errors: 0, newLots: 0 });
  assertProblem(await t.call({ url: '/api/v1/trace/imports/template', as: commune }), 403);
});

const goodRows = (): Row[] => [
  { lot: 'MO-1', step: 'Thu hoạch', at: '01/03/2026 06:00', place: 'Vùng bạc hà Pải Lủng' }, // already tapped: unchanged
  { lot: 'MO-1', step: 'Chế biến', at: '01/03/2026 14:00', place: 'xuong chiet mat', quantity: 120, uom: 'kg' },
  { lot: 'MO-1', step: 'Đóng gói', at: new Date(Date.UTC(2026, 2, 2, 9, 0)), place: place.workshop.gln },
  { lot: 'MO-1', step: 'Xuất hàng', at: '03/03/2026 07:00', place: 'Xưởng chiết mật', destination: place.shop.gln },
  { lot: 'MO-1', step: 'Receiving', at: '2026-03-03 16:00', place: 'Cửa hàng Mèo Vạc' },
  { lot: 'MO-2', product: gtinA, producedOn: '10/03/2026', expiresOn: '10/03/2028', step: 'harvest', at: '09/03/2026 06:30', place: 'Vùng bạc hà Pải Lủng', quantity: '1.250,5', uom: 'kg' },
  { lot: 'MO-2', product: codeA, step: 'Chế biến', at: '10/03/2026 08:00', place: 'Xưởng chiết mật' },
];

test('a good file: previewed without writing, committed through the step command (hash IDs, the entity\'s chain), then imported again unchanged', async () => {
  const before_ = await counts();
  const res = await preview(await stepsFile(goodRows()));
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  assert.deepEqual(p.totals, { rows: 7, create: 6, unchanged: 1, errors: 0, newLots: 1 }, JSON.stringify(p.rows));
  assert.deepEqual(p.rows.map((r: { action: string }) => r.action), ['unchanged', 'create', 'create', 'create', 'create', 'create', 'create']);
  assert.equal(p.rows[5].newLot, true);
  assert.equal(p.rows[3].destinationName, 'Cửa hàng Mèo Vạc');
  assert.equal(p.rows[1].at, '2026-03-01T07:00:00.000Z');
  assert.deepEqual(await counts(), before_, 'a preview records nothing');

  assertProblem(await commit(p.id, producerB), 404);
  const done = await commit(p.id);
  assert.equal(done.statusCode, 200, done.body);
  assert.deepEqual([done.json().recorded, done.json().unchanged, done.json().lots], [6, 1, 1]);
  assert.ok(done.json().eventIds.every((id: string) => /^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/.test(id)), 'CBV 2.0 hash IDs');
  const after_ = await counts();
  assert.deepEqual([after_.lots - before_.lots, after_.events - before_.events, after_.captures - before_.captures], [1, 6, 6]);
  const lot = (await t.call({ url: `/api/v1/trace/lots/${lotId}`, as: producerA })).json();
  assert.deepEqual(lot.steps.map((s: { step: string }) => s.step), ['harvest', 'processing', 'packing', 'shipping', 'receiving']);
  assert.equal(lot.nextStep, null);
  const [receipt] = await query<{ body: { sourceList: { source: string }[] } }>(t.database.db, sql`SELECT body FROM epcis_event WHERE entity_id = ${entityA} AND biz_step LIKE '%receiving'`);
  assert.equal(receipt.body.sourceList[0].source, `https://id.gs1.org/414/${place.workshop.gln}`, 'the receipt names the shipping place, as a tap does');
  const chain = await t.call({ url: `/epcis/verify?entity=${entityA}`, as: producerA });
  assert.equal(chain.json().intact, true, chain.body);
  assertProblem(await commit(p.id), 409, 'import_already_committed');

  const again = (await preview(await stepsFile(goodRows()))).json();
  assert.deepEqual(again.totals, { rows: 7, create: 0, unchanged: 7, errors: 0, newLots: 0 });
  const twice = await commit(again.id);
  assert.equal(twice.json().recorded, 0);
  assert.deepEqual(await counts(), after_, 'the second import records nothing');
});

test('a file with errors: each row says which column and why, nothing is stored, and the commit is refused', async () => {
  const own = place.others.gln;
  const rows: Row[] = [
    { lot: 'KHONG-CO', step: 'Đóng gói', at: '05/03/2026 08:00', place: 'Xưởng chiết mật' }, // unknown lot, no product
    { lot: 'MO-3', product: 'OCOP-KHONG-CO', producedOn: '01/03/2026', step: 'Thu hoạch', at: '01/03/2026 06:00', place: 'Vùng bạc hà Pải Lủng' },
    { lot: 'CHE-1', product: gtinB, producedOn: '01/03/2026', step: 'Thu hoạch', at: '01/03/2026 06:00', place: 'Vùng bạc hà Pải Lủng' },
    { lot: 'MO-4', product: gtinA, producedOn: '01/04/2026', step: 'Chế biến', at: '01/04/2026 10:00', place: 'Xưởng chiết mật' },
    { lot: 'MO-4', step: 'Đóng gói', at: '01/04/2026 08:00', place: 'Xưởng chiết mật' }, // packed before it was processed
    { lot: 'MO-5', product: gtinA, producedOn: '31/02/2026', step: 'Thu hoạch', at: '31/02/2026 06:00', place: 'Vùng bạc hà Pải Lủng' },
    { lot: 'MO-6', product: gtinA, producedOn: '01/04/2026', step: 'Thu hoạch', at: '01/04/2026 06:00', place: 'Kho không có' },
    { lot: 'MO-6', step: 'Xuất hàng', at: '02/04/2026 06:00', place: own, destination: 'Cửa hàng Mèo Vạc' }, // another entity's GLN
    { lot: 'MO-7', product: gtinA, producedOn: '01/04/2026', step: 'Nấu', at: '01/04/2026 06:00', place: 'Xưởng chiết mật' },
    { lot: 'MO-8', product: gtinA, producedOn: '01/04/2026', step: 'Thu hoạch', at: '01/04/2026 06:00', place: 'Vùng bạc hà Pải Lủng' }, // fine
  ];
  const before_ = await counts();
  const res = await preview(await stepsFile(rows, 'en'));
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  assert.deepEqual([p.totals.rows, p.totals.errors, p.totals.create], [10, 8, 2]);
  const byRow = new Map(p.rows.map((r: { row: number; errors: { field: string; code: string; message: { vi: string; en: string } }[] }) => [r.row, r.errors.map((e) => `${e.field}:${e.code}`)]));
  assert.deepEqual(Object.fromEntries(byRow), {
    2: ['lot:unknown_lot'], 3: ['product:unknown_product'], 4: ['product:not_your_product'], 6: ['step:step_out_of_order'],
    7: ['producedOn:invalid_value', 'at:invalid_value'], 8: ['place:unknown_place'], 9: ['place:unknown_place'], 10: ['step:invalid_value'], 5: [], 11: [],
  });
  assert.ok(p.rows.every((r: { errors: { message: { vi: string; en: string } }[] }) => r.errors.every((e) => e.message.vi && e.message.en)));
  assert.equal(p.rows[0].action, 'error', 'the errors come first');
  assertProblem(await commit(p.id), 409, 'import_has_errors');
  assert.deepEqual(await counts(), before_, 'nothing stored');
});

test('bad files and bad callers: 4xx problems, nothing read or stored', async () => {
  assertProblem(await preview(Buffer.from('Mã lô,Bước\nMO-1,Thu hoạch\n'), producerA, 'cac-buoc.csv'), 415, 'not_xlsx');
  const real = await stepsFile(goodRows());
  assertProblem(await preview(real.subarray(0, Math.floor(real.length * 0.7))), 400);
  assertProblem(await preview(Buffer.alloc(t.config.maxUploadBytes + 1, 1)), 413, 'payload_too_large');
  const noSheet = new ExcelJS.Workbook();
  noSheet.addWorksheet('Trang 1').addRow(['a', 'b']);
  assertProblem(await preview(Buffer.from(await noSheet.xlsx.writeBuffer())), 400, 'import_no_sheets', 'file');
  const missing = new ExcelJS.Workbook();
  missing.addWorksheet('Các bước').addRow(['Mã lô', 'Bước']);
  assertProblem(await preview(Buffer.from(await missing.xlsx.writeBuffer())), 400, 'import_missing_columns', 'file');
  const notMultipart = await t.call({ method: 'POST', url: '/api/v1/trace/imports/preview', body: { file: 'x' }, as: producerA });
  assert.equal(notMultipart.statusCode, 415);
  assertProblem(await preview(real, commune), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/trace/imports/preview' }), 401);
});
