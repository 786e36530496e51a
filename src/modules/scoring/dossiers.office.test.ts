// The officers' steps the web app relies on, through the HTTP API: the commune returns with reasons the entity then
// reads, rewrites its Mẫu 03 until it forwards, the advisory review kept across partial saves, scheduling on a
// session with the dossier's version, and the planned decision shown only to the one who decides.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/harness.js';
import { communeReviewDue } from './deadlines.rules.js';
import { answersAround, dossierAtAdvisory, newProduct, ok, openSessionWith, provincialCouncil, REVIEW, submitScore, today, world, type World } from './scoring.fixtures.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

async function submitted(name: string) {
  const productId = await newProduct(w, name);
  const d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first', answers: answersAround(66) });
  return ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
}

test('the commune returns with two reasons: the entity reads them, resubmits, and the commune clock starts again', async () => {
  let d = await submitted('Mật ong hoa cải');
  assert.deepEqual(d.deadlines.communeDueOn, communeReviewDue(today()));
  const reasons = ['Thiếu bản sao giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'Phiếu tự đánh giá chưa ký'];
  d = await ok(w, 'POST', `/dossiers/${d.id}/return`, w.commune, { reasons, version: d.version });
  assert.equal(d.status, 'returned');
  assert.deepEqual(d.actions, [], 'the commune has nothing left to do until it comes back');

  const seen = await ok(w, 'GET', `/dossiers/${d.id}`, w.entity);
  assert.deepEqual(seen.returns.map((r: { stage: string; reasons: string[] }) => [r.stage, r.reasons]), [['commune', reasons]]);
  assert.ok(seen.actions.includes('resubmit'));
  const back = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: seen.version });
  assert.equal(back.status, 'submitted', 'a commune return comes back to the commune');
  assert.equal(back.deadlines.communeDueOn, communeReviewDue(today()));
  assert.ok(back.returns[0].resubmittedAt);
  assert.deepEqual(back.actions, ['note']);
  assert.deepEqual((await ok(w, 'GET', `/dossiers/${d.id}`, w.commune)).actions.sort(), ['communeReview', 'note', 'reject', 'return'].sort());
});

test('Mẫu 03 is rewritten until forwarded; a stale version or a wrong assessment writes nothing', async () => {
  let d = await submitted('Mật ong hoa ngô');
  const bad = await t.call({ method: 'PUT', url: `/api/v1/dossiers/${d.id}/commune-review`, as: w.commune, body: { items: { ...REVIEW, a: { assessment: 'good', note: 'x' } }, version: d.version } });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.json().errors.some((e: { path: string }) => e.path === 'items.a.assessment'), bad.body);
  const noNote = await t.call({ method: 'PUT', url: `/api/v1/dossiers/${d.id}/commune-review`, as: w.commune, body: { items: { ...REVIEW, d: { assessment: 'partly', note: '  ' } }, version: d.version } });
  assert.equal(noNote.statusCode, 400);
  assert.equal(noNote.json().field, 'items.d.note');

  d = await ok(w, 'PUT', `/dossiers/${d.id}/commune-review`, w.commune, { items: REVIEW, conclusion: 'Đề nghị đánh giá', signer: 'Giàng A Xã', version: d.version });
  assert.equal(d.status, 'commune_reviewed');
  assert.ok(d.actions.includes('forward') && d.actions.includes('communeReview'));
  const stale = await t.call({ method: 'PUT', url: `/api/v1/dossiers/${d.id}/commune-review`, as: w.commune, body: { items: { ...REVIEW, a: { assessment: 'not_meets', note: 'Nguyên liệu mua ngoài tỉnh' } }, version: d.version - 1 } });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, 'stale_version');
  assert.equal((await ok(w, 'GET', `/dossiers/${d.id}`, w.commune)).communeReview.items.a.assessment, 'meets', 'nothing written by the stale save');

  d = await ok(w, 'PUT', `/dossiers/${d.id}/commune-review`, w.commune, { items: { ...REVIEW, a: { assessment: 'partly', note: 'Một phần nguyên liệu mua ngoài xã' } }, conclusion: null, signer: 'Giàng A Xã', version: d.version });
  assert.equal(d.communeReview.items.a.assessment, 'partly');
  assert.equal(d.communeReview.conclusion, null);
  const staleForward = await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/forward`, as: w.commune, body: { version: d.version - 1 } });
  assert.equal(staleForward.statusCode, 409);
  d = await ok(w, 'POST', `/dossiers/${d.id}/forward`, w.commune, { version: d.version });
  assert.equal(d.status, 'forwarded');
  assert.deepEqual(d.actions, []);
  const late = await t.call({ method: 'PUT', url: `/api/v1/dossiers/${d.id}/commune-review`, as: w.commune, body: { items: REVIEW, version: d.version } });
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().code, 'invalid_transition');
  // The entity reads the report, read-only.
  const seen = await ok(w, 'GET', `/dossiers/${d.id}`, w.entity);
  assert.equal(seen.communeReview.items.a.note, 'Một phần nguyên liệu mua ngoài xã');
});

test('the advisory review keeps what a partial save leaves out; only the province\'s team and office may write it', async () => {
  const answers = answersAround(74);
  let d = await dossierAtAdvisory(w, {}, 'Mật ong bạc hà tổ');
  const council = await provincialCouncil(w);
  d = await ok(w, 'PUT', `/dossiers/${d.id}/advisory-review`, council.advisory, { fieldVisit: { on: today(), findings: 'Cơ sở đúng như hồ sơ' }, extraTests: [{ requested: 'Hàm lượng HMF', result: null }], version: d.version });
  assert.equal(d.advisoryReview.preScore, null);
  d = await ok(w, 'PUT', `/dossiers/${d.id}/advisory-review`, w.province, { extraTests: [{ requested: 'Hàm lượng HMF', result: 'Đạt' }], answers, report: 'Đề nghị Hội đồng chấm điểm', version: d.version });
  assert.deepEqual(d.advisoryReview.fieldVisit, { on: today(), findings: 'Cơ sở đúng như hồ sơ' }, 'the visit stays when left out');
  assert.deepEqual(d.advisoryReview.extraTests, [{ requested: 'Hàm lượng HMF', result: 'Đạt' }]);
  assert.ok(d.advisoryReview.preScore.total > 0);
  d = await ok(w, 'PUT', `/dossiers/${d.id}/advisory-review`, council.advisory, { report: 'Báo cáo cuối cùng', version: d.version });
  assert.deepEqual(d.advisoryReview.answers, answers, 'the pre-score stays when the answers are left out');
  assert.equal(d.advisoryReview.report, 'Báo cáo cuối cùng');

  const otherProvince = await t.user('advisory', { provinceCode: '19' });
  assert.equal((await t.call({ method: 'PUT', url: `/api/v1/dossiers/${d.id}/advisory-review`, as: otherProvince, body: { report: 'x', version: d.version } })).statusCode, 404);
  assert.equal((await t.call({ method: 'PUT', url: `/api/v1/dossiers/${d.id}/advisory-review`, as: w.entity, body: { report: 'x', version: d.version } })).statusCode, 403);
  assert.equal((await t.call({ method: 'PUT', url: `/api/v1/dossiers/${d.id}/advisory-review`, as: w.commune, body: { report: 'x', version: d.version } })).statusCode, 403, 'the commune reads it but does not review');
  const tooMany = Array.from({ length: 31 }, (_, i) => ({ requested: `Chỉ tiêu ${i}`, result: null }));
  assert.equal((await t.call({ method: 'PUT', url: `/api/v1/dossiers/${d.id}/advisory-review`, as: w.province, body: { extraTests: tooMany, version: d.version } })).statusCode, 400);
  assert.equal((await t.call({ method: 'PUT', url: `/api/v1/dossiers/${d.id}/advisory-review`, as: w.province, body: { fieldVisit: { on: '2026-13-01', findings: null }, version: d.version } })).statusCode, 400);
  assert.equal((await ok(w, 'GET', `/dossiers/${d.id}`, w.province)).version, d.version, 'nothing written by the refusals');
});

test('scheduling: the office picks a session of its council and sends the dossier\'s version', async () => {
  let d = await dossierAtAdvisory(w, answersAround(70), 'Mật ong bạc hà dạng sáp');
  const council = await provincialCouncil(w);
  const session = await ok(w, 'POST', `/councils/${council.id}/sessions`, w.province, { title: 'Phiên họp đợt 3', scheduledOn: today() });
  const listed = await ok(w, 'GET', `/councils/${council.id}/sessions`, w.province);
  assert.ok(listed.items.find((s: { id: string }) => s.id === session.id).actions.includes('addItem'));
  assert.ok((await ok(w, 'GET', '/councils', w.province)).items.some((c: { id: string; level: string; provinceCode: string }) => c.id === council.id && c.level === 'province' && c.provinceCode === '08'));
  assert.ok(d.actions.includes('schedule'));

  const stale = await t.call({ method: 'POST', url: `/api/v1/sessions/${session.id}/items`, as: w.province, body: { dossierId: d.id, version: d.version - 1 } });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, 'stale_version');
  assert.equal((await ok(w, 'GET', `/sessions/${session.id}`, w.province)).items.length, 0, 'no item written');
  const byCommune = await t.call({ method: 'POST', url: `/api/v1/sessions/${session.id}/items`, as: w.commune, body: { dossierId: d.id, version: d.version } });
  assert.ok([403, 404].includes(byCommune.statusCode), byCommune.body);

  const s = await ok(w, 'POST', `/sessions/${session.id}/items`, w.province, { dossierId: d.id, version: d.version });
  assert.equal(s.items[0].dossierId, d.id);
  d = await ok(w, 'GET', `/dossiers/${d.id}`, w.province);
  assert.equal(d.status, 'council_scoring');
  assert.ok(!d.actions.includes('schedule'));
  const twice = await t.call({ method: 'POST', url: `/api/v1/sessions/${session.id}/items`, as: w.province, body: { dossierId: d.id, version: d.version } });
  assert.equal(twice.statusCode, 409);
});

test('the planned decision is shown to the deciding office only, and the decision carries it out', async () => {
  const answers = answersAround(78);
  const d0 = await dossierAtAdvisory(w, answers, 'Rượu mật ong');
  const council = await provincialCouncil(w);
  const s = await openSessionWith(w, council, [d0.id]);
  for (const m of council.all) await submitScore(w, s.id, s.items[0].id, m, answers);
  await ok(w, 'POST', `/sessions/${s.id}/close`, w.province, { version: s.version });

  let d = await ok(w, 'GET', `/dossiers/${d0.id}`, w.province);
  assert.equal(d.status, 'scored');
  assert.equal(d.provinceResult.stars, 4);
  assert.deepEqual(d.plannedDecision, { outcome: 'certified', stars: 4, basis: 'province_council', mean: d.provinceResult.mean });
  assert.equal((await ok(w, 'GET', `/dossiers/${d0.id}`, w.entity)).plannedDecision, null);
  assert.equal((await ok(w, 'GET', `/dossiers/${d0.id}`, council.chair)).plannedDecision, null);

  const stale = await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/decide`, as: w.province, body: { decisionNumber: '88/QĐ-UBND', decisionDate: today(), version: d.version - 1 } });
  assert.equal(stale.statusCode, 409);
  for (const bad of [{ decisionNumber: '', decisionDate: today() }, { decisionNumber: '88/QĐ-UBND', decisionDate: '31/12/2026' }]) {
    assert.equal((await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/decide`, as: w.province, body: { ...bad, version: d.version } })).statusCode, 400);
  }
  d = await ok(w, 'POST', `/dossiers/${d.id}/decide`, w.province, { decisionNumber: '88/QĐ-UBND', decisionDate: today(), version: d.version });
  assert.equal(d.status, 'certified');
  assert.equal(d.stars, 4);
  assert.equal(d.plannedDecision, null);
  const pdf = await t.call({ url: `/api/v1/certificates/${encodeURIComponent(d.certificateNumber)}/pdf` });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
});
