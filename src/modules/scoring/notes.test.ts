// Per-criterion notes over HTTP: the commune writes them while it holds the dossier (it pre-assesses it), and a new
// note comes back exactly as the list shows it, author's name included.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { newProduct, ok, REVIEW, world, type World } from './scoring.fixtures.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

const note = (id: string, as: Session, criterionCode: string, body: string) =>
  t.call({ method: 'POST', url: `/api/v1/dossiers/${id}/notes`, body: { criterionCode, body }, as });
const notes = async (id: string) => (await ok(w, 'GET', `/dossiers/${id}/notes`, w.entity)).items as { id: string; authorName: string | null; side: string; body: string }[];
const nameOf = async (s: Session) => (await ok(w, 'GET', '/auth/me', s)).user.fullName as string;

async function submitted(name: string) {
  const productId = await newProduct(w, name);
  const d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  return ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
}

test('a new note comes back with its author\'s name, the same as the list gives', async () => {
  const d = await submitted('Mật ong bạc hà có ghi chú');
  const res = await note(d.id, w.entity, '1.1', 'Đàn ong nuôi tại thôn Tả Chải');
  assert.equal(res.statusCode, 201, res.body);
  const created = res.json();
  assert.equal(created.authorName, await nameOf(w.entity));
  assert.deepEqual(created, (await ok(w, 'GET', `/dossiers/${d.id}/notes`, w.entity)).items.find((n: { id: string }) => n.id === created.id));
});

test('the commune notes while it holds the dossier (submitted, Mẫu 03 written); once forwarded it is told "not now"', async () => {
  let d = await submitted('Mật ong bạc hà xã hỏi');
  assert.ok(d.actions.includes('note'));
  assert.ok((await ok(w, 'GET', `/dossiers/${d.id}`, w.commune)).actions.includes('note'));
  const asked = await note(d.id, w.commune, '1.1', 'Đề nghị ghi rõ số đàn ong');
  assert.equal(asked.statusCode, 201, asked.body);
  assert.deepEqual([asked.json().side, asked.json().authorName], ['office', await nameOf(w.commune)]);

  d = await ok(w, 'PUT', `/dossiers/${d.id}/commune-review`, w.commune, { items: REVIEW, conclusion: 'Đề nghị đánh giá', signer: 'Giàng A Xã', version: d.version });
  assert.equal((await note(d.id, w.commune, '1.2', 'Đã kiểm tra thực tế')).statusCode, 201);
  // Another commune does not see the dossier at all.
  assert.equal((await note(d.id, w.otherCommune, '1.1', 'Ngoài phạm vi')).statusCode, 404);

  d = await ok(w, 'POST', `/dossiers/${d.id}/forward`, w.commune, { version: d.version });
  assert.ok(!(await ok(w, 'GET', `/dossiers/${d.id}`, w.commune)).actions.includes('note'));
  const late = await note(d.id, w.commune, '1.1', 'Sau khi chuyển tỉnh');
  assert.deepEqual([late.statusCode, late.json().code], [409, 'invalid_transition']);
  assert.deepEqual((await notes(d.id)).map((n) => n.body), ['Đề nghị ghi rõ số đàn ong', 'Đã kiểm tra thực tế']);
});

test('a draft takes no notes from anyone; an inspector, who never sees dossiers, gets 403', async () => {
  const productId = await newProduct(w, 'Mật ong bạc hà bản nháp');
  const d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  assert.deepEqual([(await note(d.id, w.entity, '1.1', 'Chưa nộp')).statusCode, (await note(d.id, w.commune, '1.1', 'Chưa nộp')).statusCode], [409, 404]);
  const s = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  const inspector = await t.user('inspector', { provinceCode: '08' });
  assert.equal((await note(s.id, inspector, '1.1', 'Thanh tra')).statusCode, 403); // the notes route does not declare the role
  assert.equal((await notes(s.id)).length, 0);
});
