import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, counts, makeEntity, makeProduct } from '../../../test/api-helpers.js';
import { multipartBody, type Part } from '../../../test/multipart.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

const png = () => QRCode.toBuffer('https://ocop.vn/p/08-00769-1-2026', { type: 'png' });
// A 1×1 baseline JPEG.
const jpeg = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=', 'base64');
function pdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.text('Giấy chứng nhận đăng ký kinh doanh');
    doc.end();
  });
}

/** A multipart body with text fields first, then the file, as a browser form sends it. */
function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = '----ocop' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(app: TestApp, url: string, as: Session | undefined, fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const m = multipart(fields, file);
  return app.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, ...(as ? { cookie: as.cookie, 'x-csrf-token': as.csrf } : {}) } });
}

test('a PNG photo of a published product is stored with its sha256 and downloadable by the public', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  const p = await makeProduct(t, central, e.id, { status: 'registered' });
  const bytes = await png();
  const res = await upload(t, `/api/v1/products/${p.id}/files`, central, { kind: 'image', caption: 'Hũ mật ong 500 ml' }, { name: 'mat-ong.png', type: 'image/png', bytes });
  assert.equal(res.statusCode, 201, res.body);
  const file = res.json();
  assert.equal(file.mimeType, 'image/png');
  assert.equal(file.sizeBytes, bytes.length);
  assert.equal(file.caption, 'Hũ mật ong 500 ml');
  const [row] = await query<{ sha256: string }>(t.database.db, sql`SELECT sha256 FROM stored_file WHERE id = ${file.id}`);
  assert.equal(row.sha256, createHash('sha256').update(bytes).digest('hex'));
  const got = await t.call({ url: file.url });
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'image/png');
  assert.deepEqual(got.rawPayload, bytes);
  assert.equal((await t.call({ url: `/api/v1/products/${p.id}` })).json().imageUrl, file.url);
  const [audit] = await query<{ actor_id: string; after: { sha256: string } }>(t.database.db, sql`SELECT actor_id, after FROM audit_log WHERE record_id = ${p.id} AND action = 'product.attach'`);
  assert.equal(audit.actor_id, central.user.id);
  assert.equal(audit.after.sha256, row.sha256);
});

test('a JPEG photo and a PDF document are accepted; a draft product\'s photo is not public', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  const p = await makeProduct(t, central, e.id);
  const photo = await upload(t, `/api/v1/products/${p.id}/files`, central, { kind: 'image' }, { name: 'anh.jpg', type: 'image/jpeg', bytes: jpeg });
  assert.equal(photo.statusCode, 201, photo.body);
  assert.equal(photo.json().mimeType, 'image/jpeg');
  const doc = await upload(t, `/api/v1/products/${p.id}/files`, central, { kind: 'document' }, { name: 'kiem-nghiem.pdf', type: 'application/pdf', bytes: await pdf() });
  assert.equal(doc.statusCode, 201, doc.body);
  assert.equal(doc.json().mimeType, 'application/pdf');
  assertProblem(await t.call({ url: photo.json().url }), 404, 'file_not_found');
  assert.equal((await t.call({ url: photo.json().url, as: central })).statusCode, 200);
  // A PDF is not a photo.
  assertProblem(await upload(t, `/api/v1/products/${p.id}/files`, central, { kind: 'image' }, { name: 'x.pdf', type: 'application/pdf', bytes: await pdf() }), 415, 'file_type_not_allowed');
});

test('an entity document is recorded with its metadata and not downloadable by the public', async () => {
  const commune = await t.user('commune', { communeCode: MEO_VAC });
  const e = await makeEntity(t, commune, MEO_VAC);
  const bytes = await pdf();
  const res = await upload(t, `/api/v1/entities/${e.id}/documents`, commune, { docType: 'food_safety', number: '123/2025/ATTP', issuer: 'Sở Y tế Tuyên Quang', expiresOn: '2028-12-31' }, { name: 'attp.pdf', type: 'application/pdf', bytes });
  assert.equal(res.statusCode, 201, res.body);
  const doc = res.json();
  assert.equal(doc.docType, 'food_safety');
  assert.equal(doc.expiresOn, '2028-12-31');
  assertProblem(await t.call({ url: doc.file.url }), 404);
  assertProblem(await t.call({ url: doc.file.url, as: await t.user('province', { provinceCode: '19' }) }), 404);
  assert.equal((await t.call({ url: doc.file.url, as: commune })).statusCode, 200);
  const list = await t.call({ url: `/api/v1/entities/${e.id}/documents`, as: commune });
  assert.equal(list.json().items.length, 1);
  assertProblem(await t.call({ url: `/api/v1/entities/${e.id}/documents` }), 401, 'login_required');
  assertProblem(await t.call({ url: `/api/v1/entities/${e.id}/documents`, as: await t.user('province', { provinceCode: '19' }) }), 404);
  const [audit] = await query<{ actor_id: string }>(t.database.db, sql`SELECT actor_id FROM audit_log WHERE record_id = ${e.id} AND action = 'entity.document'`);
  assert.equal(audit.actor_id, commune.user.id);
});

test('a text file renamed .png → 415 file_type_not_allowed; bad metadata → 400; nothing stored', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  const p = await makeProduct(t, central, e.id);
  const before_ = await counts(t);
  assertProblem(await upload(t, `/api/v1/products/${p.id}/files`, central, { kind: 'image' }, { name: 'anh.png', type: 'image/png', bytes: Buffer.from('đây không phải ảnh\n'.repeat(20)) }), 415, 'file_type_not_allowed', 'file');
  assertProblem(await upload(t, `/api/v1/products/${p.id}/files`, central, { kind: 'video' }, { name: 'anh.png', type: 'image/png', bytes: await png() }), 400, 'validation_failed', 'kind');
  assertProblem(await upload(t, `/api/v1/entities/${e.id}/documents`, central, { docType: 'passport' }, { name: 'a.pdf', type: 'application/pdf', bytes: await pdf() }), 400, 'validation_failed', 'docType');
  assertProblem(await upload(t, `/api/v1/products/${p.id}/files`, central, { kind: 'image' }, { name: 'rong.png', type: 'image/png', bytes: Buffer.alloc(0) }), 400, 'file_required');
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/products/${p.id}/files`, as: central, body: { kind: 'image' } }), 415);
  assert.deepEqual(await counts(t), before_);
});

test('uploads outside one\'s scope are refused and the public cannot upload', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, TAN_CUONG);
  const p = await makeProduct(t, central, e.id, { status: 'registered' });
  const tq = await t.user('province', { provinceCode: '08' });
  const before_ = await counts(t);
  const file = { name: 'a.png', type: 'image/png', bytes: await png() };
  const out = await upload(t, `/api/v1/products/${p.id}/files`, tq, { kind: 'image' }, file);
  assert.ok([403, 404].includes(out.statusCode), out.body);
  assert.ok([403, 404].includes((await upload(t, `/api/v1/entities/${e.id}/documents`, tq, { docType: 'other' }, file)).statusCode));
  assertProblem(await upload(t, `/api/v1/products/${p.id}/files`, undefined, { kind: 'image' }, file), 401);
  assertProblem(await upload(t, '/api/v1/products/00000000-0000-4000-8000-000000000000/files', central, { kind: 'image' }, file), 404, 'product_not_found');
  assert.deepEqual(await counts(t), before_);
});

test('a file over the size limit → 413; a 2 MB photo under the default limit is accepted', async () => {
  const small = await testApp({ maxUploadBytes: 64 * 1024 });
  try {
    const central = await small.user('central');
    const e = await makeEntity(small, central, MEO_VAC);
    const p = await makeProduct(small, central, e.id);
    const before_ = await counts(small);
    const big = Buffer.concat([await png(), Buffer.alloc(100 * 1024)]);
    assertProblem(await upload(small, `/api/v1/products/${p.id}/files`, central, { kind: 'image' }, { name: 'to.png', type: 'image/png', bytes: big }), 413, 'payload_too_large');
    assert.deepEqual(await counts(small), before_);
  } finally {
    await small.close();
  }
  const central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  const p = await makeProduct(t, central, e.id);
  const twoMb = Buffer.concat([await png(), Buffer.alloc(2 * 1024 * 1024)]);
  const res = await upload(t, `/api/v1/products/${p.id}/files`, central, { kind: 'image' }, { name: 'lon.png', type: 'image/png', bytes: twoMb });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().sizeBytes, twoMb.length);
});

test('fields after the file count (kind, document metadata); two files or a field twice → 400; nothing stored', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  const p = await makeProduct(t, central, e.id);
  const send = (url: string, parts: Part[]) => {
    const { payload, contentType } = multipartBody(parts);
    return t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType, cookie: central.cookie, 'x-csrf-token': central.csrf } });
  };
  const aPdf: Part = { name: 'file', filename: 'kiem-nghiem.pdf', type: 'application/pdf', bytes: await pdf() };
  // Read before the fields after it, the PDF would have been taken for a photo (kind's default) and refused.
  const doc = await send(`/api/v1/products/${p.id}/files`, [aPdf, { name: 'kind', value: 'document' }, { name: 'caption', value: 'Phiếu kiểm nghiệm' }]);
  assert.equal(doc.statusCode, 201, doc.body);
  assert.deepEqual([doc.json().mimeType, doc.json().caption], ['application/pdf', 'Phiếu kiểm nghiệm']);
  const entityDoc = await send(`/api/v1/entities/${e.id}/documents`, [aPdf, { name: 'docType', value: 'food_safety' }, { name: 'number', value: '45/2026/ATTP' }]);
  assert.equal(entityDoc.statusCode, 201, entityDoc.body);
  assert.deepEqual([entityDoc.json().docType, entityDoc.json().number], ['food_safety', '45/2026/ATTP']);

  const before_ = await counts(t);
  assertProblem(await send(`/api/v1/products/${p.id}/files`, [{ name: 'kind', value: 'image' }, { name: 'file', filename: 'a.png', type: 'image/png', bytes: await png() }, { name: 'file', filename: 'b.png', type: 'image/png', bytes: await png() }]), 400, 'too_many_files', 'file');
  assertProblem(await send(`/api/v1/entities/${e.id}/documents`, [aPdf, { name: 'docType', value: 'other' }, { name: 'docType', value: 'food_safety' }]), 400, 'duplicate_field', 'docType');
  assertProblem(await send(`/api/v1/products/${p.id}/files`, [aPdf, { name: 'kind', value: 'video' }]), 400, 'validation_failed', 'kind');
  assert.deepEqual(await counts(t), before_);
});

test('downloading an unknown or malformed file id → 404 / 400', async () => {
  assertProblem(await t.call({ url: '/api/v1/files/00000000-0000-4000-8000-000000000000' }), 404, 'file_not_found');
  assertProblem(await t.call({ url: '/api/v1/files/abc' }), 400, 'validation_failed', 'params.id');
});
