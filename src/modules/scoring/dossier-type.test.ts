// The kind of a dossier (first rating, upgrade, re-rating) follows the product's standing, whether the dossier is being
// opened (POST) or a draft's type is changed (PATCH): both go through the same check; a filed dossier keeps its type.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { UserActor } from '../../app/actor.js';
import { entityBody, MEO_VAC, testApp, type TestApp } from '../../../test/harness.js';
import { issueCertificate } from './commands/issue-certificate.js';
import { addDays, addMonths } from './certificates.rules.js';
import { answersAround, newProduct, ok, today, world, type World } from './scoring.fixtures.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

const patch = (id: string, body: Record<string, unknown>) => t.call({ method: 'PATCH', url: `/api/v1/dossiers/${id}`, body, as: w.entity });

/** A product of the world's entity with a 4★ certificate in force (it expires in about two years). */
async function certifiedProduct(name: string) {
  const productId = await newProduct(w, name);
  const province: UserActor = { kind: 'user', id: w.province.user.id, role: 'province', provinceCode: '08', communeCode: null, entityId: null, via: 'session' };
  const issuedOn = addMonths(addDays(today(), 700), -36);
  await t.database.db.transaction((tx) => issueCertificate({ actor: province, tx, log: console as never, now: new Date() },
    { productId, stars: 4, kind: 'first', decisionNumber: `${Math.floor(Math.random() * 9000) + 1000}/QĐ-UBND`, decidedOn: issuedOn, issuedOn }));
  return productId;
}

test('a draft of an uncertified product cannot be switched to an upgrade or a re-rating, and nothing is written', async () => {
  const productId = await newProduct(w, 'Mật ong bạc hà chưa công nhận');
  const d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  for (const type of ['upgrade', 'rerating']) {
    const res = await patch(d.id, { type, selfReport: { history: 'Không được lưu' }, version: d.version });
    assert.equal(res.statusCode, 400, `${type}: ${res.body}`);
    assert.equal(res.json().code, 'not_certified');
    assert.equal(res.json().field, 'type');
    assert.ok(res.json().message.vi && res.json().message.en);
  }
  const now = await ok(w, 'GET', `/dossiers/${d.id}`, w.entity);
  assert.deepEqual([now.type, now.version, now.selfReport.history ?? null], ['first', d.version, null]);
  // Edits that leave the type alone (or restate it) still go through.
  const same = await ok(w, 'PATCH', `/dossiers/${d.id}`, w.entity, { type: 'first', selfReport: { history: 'Thành lập năm 2019' }, version: d.version });
  assert.deepEqual([same.type, same.selfReport.history], ['first', 'Thành lập năm 2019']);
});

test('a draft of a certified product cannot become a first rating while the certificate is in force; upgrade ↔ re-rating is fine', async () => {
  const productId = await certifiedProduct('Mật ong bạc hà đã công nhận');
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'upgrade' });
  const first = await patch(d.id, { type: 'first', version: d.version });
  assert.equal(first.statusCode, 400, first.body);
  assert.deepEqual([first.json().code, first.json().field], ['already_certified', 'type']);
  assert.equal((await ok(w, 'GET', `/dossiers/${d.id}`, w.entity)).type, 'upgrade');
  d = await ok(w, 'PATCH', `/dossiers/${d.id}`, w.entity, { type: 'rerating', version: d.version });
  assert.equal(d.type, 'rerating');
  d = await ok(w, 'PATCH', `/dossiers/${d.id}`, w.entity, { type: 'upgrade', version: d.version });
  assert.equal(d.type, 'upgrade');
});

test('the type check comes after the scope and version checks: an outsider gets 404, a stale version 409', async () => {
  const productId = await newProduct(w, 'Mật ong bạc hà kiểm tra thứ tự');
  const d0 = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  const d = await ok(w, 'PATCH', `/dossiers/${d0.id}`, w.entity, { selfReport: { plan: 'Mở rộng đàn ong' }, version: d0.version });
  // Another producer (the one role that edits dossiers) is outside the scope: 404; a commune never edits one: 403.
  const other = await ok(w, 'POST', '/entities', w.commune, entityBody(MEO_VAC, { name: 'HTX Chè Shan tuyết ngoài phạm vi' }));
  const stranger = await t.user('entity', { entityId: other.id });
  assert.equal((await t.call({ method: 'PATCH', url: `/api/v1/dossiers/${d.id}`, body: { type: 'upgrade', version: d.version }, as: stranger })).statusCode, 404);
  assert.equal((await t.call({ method: 'PATCH', url: `/api/v1/dossiers/${d.id}`, body: { type: 'upgrade', version: d.version }, as: w.otherCommune })).statusCode, 403);
  const stale = await patch(d.id, { type: 'upgrade', version: d0.version });
  assert.deepEqual([stale.statusCode, stale.json().code], [409, 'stale_version']);
});

test('once filed, the type is fixed: a returned upgrade cannot become a re-rating (window skipped), nor the reverse', async () => {
  const productId = await certifiedProduct('Mật ong bạc hà trả lại rồi đổi loại');
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'upgrade', answers: answersAround(75) });
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  d = await ok(w, 'POST', `/dossiers/${d.id}/return`, w.commune, { reasons: ['Thiếu phiếu kiểm nghiệm'], version: d.version });
  assert.equal(d.status, 'returned');
  const res = await patch(d.id, { type: 'rerating', selfReport: { history: 'Không được lưu' }, version: d.version });
  assert.deepEqual([res.statusCode, res.json().code, res.json().field], [400, 'type_fixed_after_filing', 'type'], res.body);
  const now = await ok(w, 'GET', `/dossiers/${d.id}`, w.entity);
  assert.deepEqual([now.type, now.version, now.selfReport.history ?? null], ['upgrade', d.version, null]);
  // Restating the filed type is not a change: the completion goes through.
  const same = await ok(w, 'PATCH', `/dossiers/${d.id}`, w.entity, { type: 'upgrade', selfReport: { history: 'Bổ sung phiếu kiểm nghiệm' }, version: d.version });
  assert.deepEqual([same.type, same.selfReport.history], ['upgrade', 'Bổ sung phiếu kiểm nghiệm']);
});
