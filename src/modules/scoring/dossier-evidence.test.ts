// Evidence uploads read the whole multipart body: the text fields count wherever they sit around the one file, a
// second file or a repeated field is refused, and nothing is stored on a refusal.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { multipartBody, type Part } from '../../../test/multipart.js';
import { newProduct, ok, world, type World } from './scoring.fixtures.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const file = (filename = 'hop-dong.pdf', bytes = PDF): Part => ({ name: 'file', filename, type: 'application/pdf', bytes });

function send(id: string, parts: Part[], as: Session = w.entity) {
  const { payload, contentType } = multipartBody(parts);
  return t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/files`, payload, headers: { 'content-type': contentType, cookie: as.cookie, 'x-csrf-token': as.csrf } });
}
async function draft(name: string) {
  return ok(w, 'POST', '/dossiers', w.entity, { productId: await newProduct(w, name), type: 'first' });
}
const filesOf = async (id: string) => (await ok(w, 'GET', `/dossiers/${id}`, w.entity)).files as { criterionCode: string | null; caption: string | null; originalName: string }[];

test('a criterion code and a caption sent after the file still apply to it', async () => {
  const d = await draft('Mật ong bạc hà trường sau tệp');
  const after_ = await send(d.id, [file(), { name: 'criterionCode', value: '1.1' }, { name: 'caption', value: 'Hợp đồng liên kết' }]);
  assert.equal(after_.statusCode, 201, after_.body);
  assert.deepEqual([after_.json().criterionCode, after_.json().caption], ['1.1', 'Hợp đồng liên kết']);
  const around = await send(d.id, [{ name: 'criterionCode', value: '1.2' }, file('bien-ban.pdf'), { name: 'caption', value: 'Biên bản' }]);
  assert.equal(around.statusCode, 201, around.body);
  assert.deepEqual((await filesOf(d.id)).map((f) => [f.criterionCode, f.caption, f.originalName]), [['1.1', 'Hợp đồng liên kết', 'hop-dong.pdf'], ['1.2', 'Biên bản', 'bien-ban.pdf']]);
});

test('a bad or unknown field after the file is refused like one before it; nothing is stored', async () => {
  const d = await draft('Mật ong bạc hà trường sai sau tệp');
  const unknown = await send(d.id, [file(), { name: 'kind', value: 'image' }]);
  assert.equal(unknown.statusCode, 400, unknown.body);
  const badCode = await send(d.id, [file(), { name: 'criterionCode', value: '99.9' }]);
  assert.equal(badCode.statusCode, 400, badCode.body);
  assert.equal(badCode.json().field, 'criterionCode');
  const notPdf = await send(d.id, [file('ghi-chep.pdf', Buffer.from('Sổ theo dõi đàn ong')), { name: 'criterionCode', value: '1.1' }]);
  assert.deepEqual([notPdf.statusCode, notPdf.json().code], [415, 'file_type_not_allowed']);
  assert.equal((await filesOf(d.id)).length, 0);
});

test('two files, or one field twice, are refused with 400 and a code saying which; nothing is stored', async () => {
  const d = await draft('Mật ong bạc hà hai tệp');
  for (const parts of [[file('a.pdf'), file('b.pdf')], [{ name: 'criterionCode', value: '1.1' }, file('a.pdf'), file('b.pdf'), { name: 'caption', value: 'x' }]]) {
    const two = await send(d.id, parts);
    assert.equal(two.statusCode, 400, two.body);
    assert.match(String(two.headers['content-type']), /^application\/problem\+json/);
    assert.equal(two.json().code, 'too_many_files');
    assert.equal(two.json().field, 'file');
    assert.ok(two.json().message.vi && two.json().message.en);
  }
  const twice = await send(d.id, [{ name: 'criterionCode', value: '1.1' }, file(), { name: 'criterionCode', value: '1.2' }]);
  assert.deepEqual([twice.statusCode, twice.json().code, twice.json().field], [400, 'duplicate_field', 'criterionCode']);
  const none = await send(d.id, [{ name: 'criterionCode', value: '1.1' }]);
  assert.deepEqual([none.statusCode, none.json().code], [400, 'file_required']);
  assert.equal((await filesOf(d.id)).length, 0);
});

test('the size limit holds wherever the fields are', async () => {
  const small = await testApp({ maxUploadBytes: 1024 });
  try {
    const sw = await world(small);
    const d = await ok(sw, 'POST', '/dossiers', sw.entity, { productId: await newProduct(sw, 'Mật ong tệp lớn'), type: 'first' });
    const { payload, contentType } = multipartBody([file('lon.pdf', Buffer.concat([PDF, Buffer.alloc(4096, 0x20)])), { name: 'criterionCode', value: '1.1' }]);
    const res = await small.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/files`, payload, headers: { 'content-type': contentType, cookie: sw.entity.cookie, 'x-csrf-token': sw.entity.csrf } });
    assert.deepEqual([res.statusCode, res.json().code], [413, 'payload_too_large']);
    assert.equal((await ok(sw, 'GET', `/dossiers/${d.id}`, sw.entity)).files.length, 0);
  } finally {
    await small.close();
  }
});
