// Hostile uploads over HTTP: malformed multipart bodies on every upload route, and workbooks built to exhaust the
// server (zip bombs, honest but huge sheets, too many rows, files that are not workbooks) on both import routes.
// Each is a 4xx problem with a code, nothing is written, and the server goes on serving (its import worker too).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { bombWorkbook, entry, inlineRow, SHEET_HEAD, SHEET_TAIL, workbookZip } from '../src/app/xlsx.fixtures.js';
import { entityRow, multipart, workbook } from '../src/modules/registry/import/import.fixtures.js';
import { assertProblem, counts, makeEntity } from './api-helpers.js';
import { MEO_VAC, testApp, type Session, type TestApp } from './harness.js';

let t: TestApp;
let central: Session;
let producer: Session;
let entityId: string;
before(async () => {
  // Small caps, so honest files that break them stay small enough to build in a test.
  t = await testApp({ importLimits: { maxInflatedBytes: 2 * 1024 * 1024, maxRows: 200, maxColumns: 100 } });
  central = await t.user('central');
  entityId = (await makeEntity(t, central, MEO_VAC)).id;
  producer = await t.user('entity', { entityId });
});
after(() => t.close());

const IMPORT_ROUTES = ['/api/v1/imports/preview', '/api/v1/certificates/import/preview'];
const send = (url: string, payload: string | Buffer, contentType: string | undefined, as: Session) => t.app.inject({
  method: 'POST', url, payload, headers: { cookie: as.cookie, 'x-csrf-token': as.csrf, ...(contentType ? { 'content-type': contentType } : {}) },
});
const upload = (url: string, bytes: Buffer, fileName = 'danh-sach.xlsx') => {
  const { body, headers } = multipart(bytes, fileName);
  return send(url, body, headers['content-type'], central);
};

describe('malformed multipart', () => {
  const B = 'ocopBoundary42';
  const part = `--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 abc`;
  const cases: [string, string, string][] = [
    ['no boundary', 'multipart/form-data', `${part}\r\n--${B}--\r\n`],
    ['a body cut short in the file', `multipart/form-data; boundary=${B}`, part],
    ['a body cut short in a part header', `multipart/form-data; boundary=${B}`, `--${B}\r\nContent-Disposition: form-da`],
    ['a boundary the body never uses', `multipart/form-data; boundary=other`, `${part}\r\n--${B}--\r\n`],
    ['no multipart at all behind the header', `multipart/form-data; boundary=${B}`, 'hello world'],
  ];
  const routes = () => [
    { url: `/api/v1/entities/${entityId}/documents`, as: central },
    { url: '/api/v1/products/00000000-0000-4000-8000-000000000000/files', as: central },
    { url: '/api/v1/dossiers/00000000-0000-4000-8000-000000000000/files', as: producer },
    ...IMPORT_ROUTES.map((url) => ({ url, as: central })),
  ];

  test('no boundary, a truncated body, a stray boundary: 400 malformed_multipart on every upload route, nothing written', async () => {
    const before_ = await counts(t);
    for (const { url, as } of routes()) {
      for (const [what, contentType, body] of cases) {
        const res = await send(url, body, contentType, as);
        assert.equal(res.statusCode, 400, `${what} → ${url}: ${res.body}`);
        assertProblem(res, 400, 'malformed_multipart', 'body');
      }
    }
    assert.deepEqual(await counts(t), before_);
  });

  test('a wrong content type is a 415 problem (the body is not what the route reads), never a 500', async () => {
    for (const { url, as } of routes()) {
      for (const [contentType, body] of [['text/plain', 'abc'], ['application/json', '{"file":"x"}'], ['application/octet-stream', 'abc'], [`multipart/mixed; boundary=${B}`, `${part}\r\n--${B}--\r\n`]]) {
        const res = await send(url, body, contentType, as);
        assert.equal(res.statusCode, 415, `${contentType} → ${url}: ${res.body}`);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      }
    }
  });
});

describe('workbooks built to exhaust the server', () => {
  test('a zip bomb (declares 4 KB, inflates to 60 MB): 413 workbook_too_large on both import routes', async () => {
    const { bytes } = await bombWorkbook(60 * 1024 * 1024);
    for (const url of IMPORT_ROUTES) assertProblem(await upload(url, bytes), 413, 'workbook_too_large', 'file');
  });

  test('an honest workbook beyond the inflated budget: 413 workbook_too_large', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chủ thể');
    for (let i = 0; i < 150; i++) ws.addRow(Array.from({ length: 40 }, (_, c) => `ô ${i}:${c} ${'x'.repeat(300)}`));
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    for (const url of IMPORT_ROUTES) assertProblem(await upload(url, bytes), 413, 'workbook_too_large', 'file');
  });

  test('too many rows: 413 too_many_rows, whether the worker or the sheet reader sees it first', async () => {
    const many = Array.from({ length: 260 }, (_, i) => inlineRow(i + 1, ['x', String(i)])).join('');
    for (const url of IMPORT_ROUTES) assertProblem(await upload(url, workbookZip(entry('', SHEET_HEAD + many + SHEET_TAIL))), 413, 'too_many_rows', 'file');
    // Within the worker's allowance for title rows but over the cap below the header.
    const rows = Array.from({ length: 205 }, () => entityRow(MEO_VAC));
    assertProblem(await upload(IMPORT_ROUTES[0], await workbook(rows)), 413, 'too_many_rows', 'file');
  });

  test('not a workbook: a CSV with too many rows, a PDF renamed .xlsx: 415 not_xlsx; a truncated workbook: 400', async () => {
    const csv = Buffer.from('Số ĐKKD,Tên chủ thể\n' + '0100109106,HTX\n'.repeat(50_000));
    for (const url of IMPORT_ROUTES) {
      assertProblem(await upload(url, csv, 'danh-sach.csv'), 415, 'not_xlsx', 'file');
      assertProblem(await upload(url, Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'danh-sach.xlsx'), 415, 'not_xlsx', 'file');
      const real = await workbook([entityRow(MEO_VAC)]);
      assertProblem(await upload(url, real.subarray(0, real.length - 200)), 400, 'xlsx_unreadable', 'file');
    }
  });

  test('after all of that the server and its import worker still serve an honest file', async () => {
    const health = await t.call({ url: '/api/v1/health' });
    assert.equal(health.statusCode, 200);
    const res = await upload(IMPORT_ROUTES[0], await workbook([entityRow(MEO_VAC)]));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().totals, { rows: 1, create: 1, update: 0, unchanged: 0, duplicates: 0, errors: 0 });
  });
});
