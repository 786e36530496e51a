// The dossier workflow through the HTTP API: registration to certificate, returns for completion, the 5★ route to the
// central council, scope refusals and bad input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/harness.js';
import { answersAround, dossierAtAdvisory, newProduct, ok, openSessionWith, provincialCouncil, REVIEW, submitScore, today, totalOf, world, type World } from './scoring.fixtures.js';
import { addWorkingDays, communeReviewDue } from './deadlines.rules.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

test('the whole path: registration → commune Mẫu 03 → province → advisory → council → 4★ certificate', async () => {
  const productId = await newProduct(w, 'Mật ong bạc hà Sủng Trà');
  const answers = answersAround(78);
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first', answers, answerNotes: { '1.1': 'Đàn ong nuôi tại xã' } });
  assert.equal(d.status, 'draft');
  assert.match(d.number, /^\d{3}\/PĐK-08-00769-\d{4}$/);
  assert.equal(d.registration.productName, 'Mật ong bạc hà Sủng Trà');
  assert.equal(d.selfEvaluation.total, totalOf(answers));
  assert.equal(d.selfEvaluation.stars, 4);
  assert.equal(d.nextStar.targetStars, 5);
  assert.ok(d.nextStar.pointsNeeded > 0);
  assert.deepEqual(d.actions.sort(), ['edit', 'submit', 'upload'].sort());

  // Evidence per criterion, checked by content.
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const boundary = 'XyZ';
  const multipart = (name: string, bytes: Buffer, criterion: string) => Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="criterionCode"\r\n\r\n${criterion}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const upload = (bytes: Buffer, criterion = '1.1') => t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/files`, payload: multipart('hop-dong.pdf', bytes, criterion), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: w.entity.cookie, 'x-csrf-token': w.entity.csrf } });
  const up = await upload(pdf);
  assert.equal(up.statusCode, 201, up.body);
  assert.equal(up.json().criterionCode, '1.1');
  assert.equal((await upload(Buffer.from('MZ not a pdf at all'))).statusCode, 415);
  assert.equal((await upload(pdf, '99.9')).statusCode, 400);

  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  assert.equal(d.status, 'submitted');
  assert.equal(d.deadlines.communeDueOn, communeReviewDue(today()));
  assert.equal(d.submissions.length, 1);
  const snap = await ok(w, 'GET', `/dossiers/${d.id}/submissions/1`, w.entity);
  assert.deepEqual(snap.snapshot.answers, answers);
  assert.equal(snap.snapshot.files.length, 1);
  // Frozen: the entity can no longer edit.
  const edit = await t.call({ method: 'PATCH', url: `/api/v1/dossiers/${d.id}`, body: { answers: {}, version: d.version }, as: w.entity });
  assert.equal(edit.statusCode, 409);
  assert.equal(edit.json().code, 'invalid_transition');

  // The commune's queue shows it with its deadline.
  const queue = await ok(w, 'GET', '/dossiers?status=submitted', w.commune);
  const mine = queue.items.find((x: { id: string }) => x.id === d.id);
  assert.ok(mine.actions.includes('communeReview'));
  assert.equal(mine.due, d.deadlines.communeDueOn);
  assert.equal(mine.overdue, false);

  d = await ok(w, 'PUT', `/dossiers/${d.id}/commune-review`, w.commune, { items: REVIEW, conclusion: null, signer: 'Giàng A Xã', version: d.version });
  assert.equal(d.status, 'commune_reviewed');
  d = await ok(w, 'POST', `/dossiers/${d.id}/forward`, w.commune, { version: d.version });
  assert.equal(d.status, 'forwarded');
  assert.ok(d.deadlines.provinceFinishBefore);
  d = await ok(w, 'POST', `/dossiers/${d.id}/accept`, w.province, { version: d.version });
  assert.equal(d.status, 'advisory_review');

  const council = await provincialCouncil(w);
  d = await ok(w, 'PUT', `/dossiers/${d.id}/advisory-review`, council.advisory, { fieldVisit: { on: today(), findings: 'Cơ sở đúng như hồ sơ' }, extraTests: [{ requested: 'Kiểm nghiệm HMF', result: null }], answers, report: 'Đề nghị Hội đồng chấm điểm', version: d.version });
  assert.equal(d.advisoryReview.preScore.total, totalOf(answers));

  const session = await openSessionWith(w, council, [d.id]);
  const itemId = session.items[0].id;
  for (const m of council.all) await submitScore(w, session.id, itemId, m, answers);
  const closed = await ok(w, 'POST', `/sessions/${session.id}/close`, w.province, { minutesNote: 'Hội đồng thống nhất kết quả', version: session.version });
  assert.equal(closed.status, 'closed');
  assert.equal(closed.items[0].result.stars, 4);

  d = await ok(w, 'GET', `/dossiers/${d.id}`, w.province);
  assert.equal(d.status, 'scored');
  assert.equal(d.provinceResult.mean, totalOf(answers));
  assert.ok(d.actions.includes('decide'));
  d = await ok(w, 'POST', `/dossiers/${d.id}/decide`, w.province, { decisionNumber: '123/QĐ-UBND', decisionDate: today(), version: d.version });
  assert.equal(d.status, 'certified');
  assert.equal(d.stars, 4);
  assert.ok(d.certificateNumber);
  const verify = await t.call({ url: `/api/v1/certificates/${encodeURIComponent(d.certificateNumber)}/verify` });
  assert.equal(verify.statusCode, 200, verify.body);
  assert.equal(verify.json().stars, 4);
  const product = await ok(w, 'GET', `/products/${productId}`, w.entity);
  assert.equal(product.status, 'certified');

  // Every transition is in the audit trail.
  const history = await ok(w, 'GET', `/dossiers/${d.id}/history`, w.province);
  const actions = history.items.map((h: { action: string }) => h.action);
  for (const a of ['dossier.create', 'dossier.submit', 'dossier.commune_review', 'dossier.forward', 'dossier.accept', 'dossier.advisory_review', 'dossier.schedule', 'dossier.council_result', 'dossier.decide']) assert.ok(actions.includes(a), a);

  // The three forms print as PDF.
  for (const f of ['01', '02', '03']) {
    const res = await t.call({ url: `/api/v1/dossiers/${d.id}/forms/${f}.pdf`, as: w.entity });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  }
});

test('returned for completion with reasons, edited and resubmitted; the returns are kept', async () => {
  const productId = await newProduct(w, 'Mật ong hoa rừng');
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first', answers: answersAround(60) });
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  d = await ok(w, 'PUT', `/dossiers/${d.id}/commune-review`, w.commune, { items: REVIEW, version: d.version });
  d = await ok(w, 'POST', `/dossiers/${d.id}/forward`, w.commune, { version: d.version });
  const noReason = await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/return`, body: { reasons: [], version: d.version }, as: w.province });
  assert.equal(noReason.statusCode, 400);
  d = await ok(w, 'POST', `/dossiers/${d.id}/return`, w.province, { reasons: ['Thiếu báo cáo tài chính 2 năm gần nhất', 'Thiếu phiếu kiểm nghiệm'], version: d.version });
  assert.equal(d.status, 'returned');
  assert.deepEqual(d.actions, ['note']);
  assert.deepEqual((await ok(w, 'GET', `/dossiers/${d.id}`, w.entity)).actions.sort(), ['edit', 'note', 'resubmit', 'upload'].sort());
  d = await ok(w, 'PATCH', `/dossiers/${d.id}`, w.entity, { selfReport: { businessResults: 'Doanh thu 2024: 1,2 tỷ đồng; 2025: 1,5 tỷ đồng' }, version: d.version });
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  assert.equal(d.status, 'forwarded'); // back to the province's completeness check, not to the commune
  assert.equal(d.returns.length, 1);
  assert.deepEqual(d.returns[0].reasons, ['Thiếu báo cáo tài chính 2 năm gần nhất', 'Thiếu phiếu kiểm nghiệm']);
  assert.ok(d.returns[0].resubmittedAt);
  assert.equal(d.submissions.length, 2);
  const second = await ok(w, 'GET', `/dossiers/${d.id}/submissions/2`, w.province);
  assert.match(second.snapshot.selfReport.businessResults, /1,5 tỷ/);
  const first = await ok(w, 'GET', `/dossiers/${d.id}/submissions/1`, w.province);
  assert.equal(first.snapshot.selfReport.businessResults, undefined);
  // Stale version.
  const stale = await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/accept`, body: { version: d.version - 1 }, as: w.province });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, 'stale_version');
});

test('rejection only on the sheet\'s "hồ sơ bị loại khi" conditions', async () => {
  const productId = await newProduct(w, 'Mật ong giả');
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  const bad = await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/reject`, body: { condition: 'Không thích', version: d.version }, as: w.commune });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().code, 'unknown_rejection_condition');
  d = await ok(w, 'POST', `/dossiers/${d.id}/reject`, w.commune, { condition: d.rejectionConditions[0], note: 'Giấy tờ không khớp', version: d.version });
  assert.equal(d.status, 'rejected');
  assert.equal(d.rejection.stage, 'commune');
});

test('a commune officer of another commune, another entity and the public are refused', async () => {
  const productId = await newProduct(w, 'Mật ong bạc hà Pải Lủng');
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  const other = await t.call({ method: 'PUT', url: `/api/v1/dossiers/${d.id}/commune-review`, body: { items: REVIEW, version: d.version }, as: w.otherCommune });
  assert.equal(other.statusCode, 404);
  assert.equal((await t.call({ url: `/api/v1/dossiers/${d.id}`, as: w.otherCommune })).statusCode, 404);
  const list = await ok(w, 'GET', '/dossiers', w.otherCommune);
  assert.ok(!list.items.some((x: { id: string }) => x.id === d.id));
  assert.equal((await t.call({ url: `/api/v1/dossiers/${d.id}` })).statusCode, 401);
  const stranger = await t.user('entity', { entityId: (await ok(w, 'POST', '/entities', w.commune, { name: 'HTX Chè Shan tuyết', type: 'htx', registrationNumber: `REG-${Date.now()}`, address: 'Thôn 1', communeCode: '00769', representative: { fullName: 'Lò Văn A', sex: 'male', ethnicity: 'Dao', disability: false } })).id });
  assert.equal((await t.call({ url: `/api/v1/dossiers/${d.id}`, as: stranger })).statusCode, 404);
  const steal = await t.call({ method: 'POST', url: '/api/v1/dossiers', body: { productId, type: 'first' }, as: stranger });
  assert.equal(steal.statusCode, 403);
  // The entity cannot do the commune's job, nor the province's.
  const self = await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/forward`, body: { version: d.version }, as: w.entity });
  assert.equal(self.statusCode, 403);
  // Nothing was written by the refused calls.
  const after = await ok(w, 'GET', `/dossiers/${d.id}`, w.commune);
  assert.equal(after.version, d.version);
  assert.equal(after.status, 'submitted');
});

test('bad input is refused with problem+json and nothing is written', async () => {
  const productId = await newProduct(w, 'Mật ong thử');
  const cases = [
    { productId, type: 'second' },
    { productId, type: 'first', extra: 1 },
    { productId: 'not-a-uuid', type: 'first' },
    { productId, type: 'first', answers: { '1.1': 'zzz' } },
    { productId, type: 'first', answers: { '42.1': '42.1.a' } },
    { productId, type: 'first', registration: { sampleCount: 1e12 } },
    { productId, type: 'upgrade' },
  ];
  for (const body of cases) {
    const res = await t.call({ method: 'POST', url: '/api/v1/dossiers', body, as: w.entity });
    assert.equal(res.statusCode, 400, JSON.stringify(body) + res.body);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  }
  const list = await ok(w, 'GET', `/dossiers?product=${productId}`, w.entity);
  assert.equal(list.total, 0);
  const d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  const twice = await t.call({ method: 'POST', url: '/api/v1/dossiers', body: { productId, type: 'first' }, as: w.entity });
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().code, 'dossier_already_open');
  assert.equal((await t.call({ url: '/api/v1/dossiers?overdue=maybe', as: w.province })).statusCode, 400);
  assert.ok(d.id);
});

test('a 5★ product goes to the central council; below 90 there the province certifies 3★/4★ on the central result', async () => {
  const best = answersAround(100);
  const d1 = await dossierAtAdvisory(w, best, 'Mật ong bạc hà thượng hạng');
  const d2 = await dossierAtAdvisory(w, best, 'Mật ong bạc hà hảo hạng');
  const council = await provincialCouncil(w);
  const s = await openSessionWith(w, council, [d1.id, d2.id]);
  for (const it of s.items) for (const m of council.all) await submitScore(w, s.id, it.id, m, best);
  await ok(w, 'POST', `/sessions/${s.id}/close`, w.province, { version: s.version });
  const sent: Record<string, unknown>[] = [];
  for (const id of [d1.id, d2.id]) {
    let d = await ok(w, 'GET', `/dossiers/${id}`, w.province);
    d = await ok(w, 'POST', `/dossiers/${id}/decide`, w.province, { decisionNumber: '45/QĐ-UBND', decisionDate: today(), version: d.version });
    assert.equal(d.status, 'sent_to_central');
    assert.equal(d.decision.outcome, 'sent_to_central');
    assert.ok(d.deadlines.centralFinishBefore);
    d = await ok(w, 'POST', `/dossiers/${id}/accept`, w.central, { version: d.version });
    assert.equal(d.status, 'central_advisory');
    sent.push(d);
  }
  // The province can no longer act on it; the Ministry's office runs the central stage.
  assert.deepEqual((await ok(w, 'GET', `/dossiers/${d1.id}`, w.province)).actions, ['note']);

  const cc = await ok(w, 'POST', '/councils', w.central, { level: 'central', name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương' });
  const people = [];
  for (const role of ['chair', 'member', 'member']) {
    const p = await t.user('council');
    await ok(w, 'POST', `/councils/${cc.id}/members`, w.central, { userId: p.user.id, role });
    people.push(p);
  }
  let cs = await ok(w, 'POST', `/councils/${cc.id}/sessions`, w.central, { title: 'Phiên trung ương đợt 1', scheduledOn: today() });
  for (const d of sent) cs = await ok(w, 'POST', `/sessions/${cs.id}/items`, w.central, { dossierId: d.id, version: (await ok(w, 'GET', `/dossiers/${d.id}`, w.central)).version });
  cs = await ok(w, 'POST', `/sessions/${cs.id}/open`, w.central, { present: people.map((p) => p.user.id), version: cs.version });
  const lower = answersAround(80);
  for (const p of people) {
    await submitScore(w, cs.id, cs.items[0].id, p, best);
    await submitScore(w, cs.id, cs.items[1].id, p, lower);
  }
  await ok(w, 'POST', `/sessions/${cs.id}/close`, w.central, { version: cs.version });

  let five = await ok(w, 'GET', `/dossiers/${d1.id}`, w.central);
  assert.equal(five.status, 'central_scored');
  assert.deepEqual(five.actions.filter((a: string) => a === 'decide'), ['decide']);
  const provinceTry = await t.call({ method: 'POST', url: `/api/v1/dossiers/${d1.id}/decide`, body: { decisionNumber: 'x', decisionDate: today(), version: five.version }, as: w.province });
  assert.equal(provinceTry.statusCode, 409);
  five = await ok(w, 'POST', `/dossiers/${d1.id}/decide`, w.central, { decisionNumber: '999/QĐ-BNNMT', decisionDate: today(), version: five.version });
  assert.equal(five.status, 'certified');
  assert.equal(five.stars, 5);

  let four = await ok(w, 'GET', `/dossiers/${d2.id}`, w.province);
  assert.equal(four.status, 'central_scored');
  assert.equal(four.centralResult.stars, 4);
  four = await ok(w, 'POST', `/dossiers/${d2.id}/decide`, w.province, { decisionNumber: '46/QĐ-UBND', decisionDate: today(), version: four.version });
  assert.equal(four.status, 'certified');
  assert.equal(four.stars, 4);
  assert.equal(four.decision.basis, 'central_council');
});

test('a dossier below 3★ is not recognised and gets no certificate', async () => {
  const low = answersAround(40);
  const d0 = await dossierAtAdvisory(w, low, 'Mật ong thường');
  const council = await provincialCouncil(w);
  const s = await openSessionWith(w, council, [d0.id]);
  for (const m of council.all) await submitScore(w, s.id, s.items[0].id, m, low);
  await ok(w, 'POST', `/sessions/${s.id}/close`, w.province, { version: s.version });
  let d = await ok(w, 'GET', `/dossiers/${d0.id}`, w.province);
  d = await ok(w, 'POST', `/dossiers/${d.id}/decide`, w.province, { decisionNumber: '47/QĐ-UBND', decisionDate: today(), version: d.version });
  assert.equal(d.status, 'not_recognised');
  assert.equal(d.certificateNumber, null);
});

test('overdue queue: the commune deadline counts working days', async () => {
  const productId = await newProduct(w, 'Mật ong quá hạn');
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  // Move the receipt 30 days back, as if it had waited: the 15 working days are over.
  const back = new Date(Date.now() - 40 * 86400_000).toISOString().slice(0, 10);
  await t.database.db.execute((await import('drizzle-orm')).sql`UPDATE dossier SET submitted_on = ${back}, commune_due_on = ${addWorkingDays(back, 15)} WHERE id = ${d.id}`);
  const overdue = await ok(w, 'GET', '/dossiers?overdue=true&commune=00769', w.commune);
  const item = overdue.items.find((x: { id: string }) => x.id === d.id);
  assert.ok(item);
  assert.equal(item.overdue, true);
  assert.ok(item.workingDaysLeft < 0);
  const onTime = await ok(w, 'GET', '/dossiers?overdue=false', w.commune);
  assert.ok(!onTime.items.some((x: { id: string }) => x.id === d.id));
});

// ── The entity's side in the browser relies on these: Mẫu 01/02 edits, evidence files, field paths in refusals. ──

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** POST /dossiers/:id/files as the browser sends it: the text fields first, then the file. */
function uploadTo(app: TestApp, id: string, as: { cookie: string; csrf: string }, file: { name: string; bytes: Buffer; type?: string }, fields: Record<string, string> = {}) {
  const b = `----ocop${Date.now()}`;
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const payload = Buffer.concat([...parts,
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${b}--\r\n`)]);
  return app.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/files`, payload, headers: { 'content-type': `multipart/form-data; boundary=${b}`, cookie: as.cookie, 'x-csrf-token': as.csrf } });
}

test('Mẫu 01 and Mẫu 02 edits merge into the prefilled forms; refusals name the field; a stale version is refused', async () => {
  const productId = await newProduct(w, 'Phấn hoa bạc hà');
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  assert.equal(d.registration.productName, 'Phấn hoa bạc hà');
  assert.ok(d.selfReport.orgType, 'Mẫu 02 is prefilled from the registry');
  const prefilled = d.selfReport;
  const unitName = d.registration.unitName;
  assert.ok(unitName);

  d = await ok(w, 'PATCH', `/dossiers/${d.id}`, w.entity, {
    registration: { representativeTitle: 'Giám đốc', sampleCount: 5, phone: null },
    selfReport: { history: 'Thành lập năm 2019', checks: { businessRegistration: true, trademark: false }, representative: { fullName: 'Vũ Ngọc Trang', sex: 'female', ethnicity: 'Mông', permanentAddress: 'Thôn Tả Chải' } },
    version: d.version,
  });
  assert.equal(d.registration.representativeTitle, 'Giám đốc');
  assert.equal(d.registration.sampleCount, 5);
  assert.equal(d.registration.phone, null);
  assert.equal(d.registration.unitName, unitName, 'untouched fields stay');
  assert.equal(d.selfReport.orgType, prefilled.orgType);
  assert.equal(d.selfReport.registrationNumber, prefilled.registrationNumber);
  assert.equal(d.selfReport.history, 'Thành lập năm 2019');
  assert.deepEqual(d.selfReport.checks, { businessRegistration: true, trademark: false });
  assert.equal(d.selfReport.representative.permanentAddress, 'Thôn Tả Chải');

  // Each refusal names the field the form shows it on, and writes nothing.
  const refusals: [Record<string, unknown>, string][] = [
    [{ registration: { unitName: '' } }, 'registration.unitName'],
    [{ registration: { sampleCount: '5 hộp' } }, 'registration.sampleCount'],
    [{ selfReport: { foundedOn: '31/12/2019' } }, 'selfReport.foundedOn'],
    [{ selfReport: { representative: { fullName: 'Vũ Ngọc Trang', sex: '', ethnicity: 'Mông' } } }, 'selfReport.representative.sex'],
    [{ selfReport: { checks: { halal: true } } }, 'selfReport.checks.halal'],
  ];
  for (const [body, path] of refusals) {
    const res = await t.call({ method: 'PATCH', url: `/api/v1/dossiers/${d.id}`, body: { ...body, version: d.version } as never, as: w.entity });
    assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    assert.ok(res.json().errors.some((e: { path: string }) => e.path === path), `${path}: ${res.body}`);
  }
  const stale = await t.call({ method: 'PATCH', url: `/api/v1/dossiers/${d.id}`, body: { selfReport: { plan: 'Kế hoạch cũ' }, version: d.version - 1 }, as: w.entity });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, 'stale_version');
  assert.equal(stale.json().currentVersion, d.version);
  const now = await ok(w, 'GET', `/dossiers/${d.id}`, w.entity);
  assert.equal(now.version, d.version);
  assert.deepEqual(now.selfReport, d.selfReport);
  assert.deepEqual(now.registration, d.registration);
});

test('evidence: per criterion and for the whole dossier, listed with a url, read by the commune, frozen at submission', async () => {
  const productId = await newProduct(w, 'Mật ong bạc hà có minh chứng');
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  const whole = await uploadTo(t, d.id, w.entity, { name: 'bao-cao-tai-chinh-2025.pdf', bytes: PDF }, { caption: 'Báo cáo tài chính 2025' });
  assert.equal(whole.statusCode, 201, whole.body);
  assert.equal(whole.json().criterionCode, null);
  assert.equal(whole.json().caption, 'Báo cáo tài chính 2025');
  const one = await uploadTo(t, d.id, w.entity, { name: 'hop-dong.pdf', bytes: PDF }, { criterionCode: '1.1' });
  assert.equal(one.statusCode, 201, one.body);
  // A text file declared as PDF is refused by its bytes, on the file field; nothing is listed.
  const text = await uploadTo(t, d.id, w.entity, { name: 'ghi-chep.pdf', bytes: Buffer.from('Sổ theo dõi đàn ong') }, { criterionCode: '1.1' });
  assert.equal(text.statusCode, 415);
  assert.equal(text.json().code, 'file_type_not_allowed');
  assert.equal(text.json().field, 'file');
  assert.ok(text.json().message.vi && text.json().message.en);
  // Only the caption and the criterion code may come with the file.
  const extra = await uploadTo(t, d.id, w.entity, { name: 'x.pdf', bytes: PDF }, { kind: 'image' });
  assert.equal(extra.statusCode, 400);

  d = await ok(w, 'GET', `/dossiers/${d.id}`, w.entity);
  assert.deepEqual(d.files.map((f: { criterionCode: string | null; originalName: string }) => [f.criterionCode, f.originalName]), [[null, 'bao-cao-tai-chinh-2025.pdf'], ['1.1', 'hop-dong.pdf']]);
  const file = d.files[1];
  assert.equal(file.url, `/api/v1/dossiers/${d.id}/files/${file.id}`);
  assert.equal(file.mimeType, 'application/pdf');
  assert.equal(file.sizeBytes, PDF.length);

  // The commune cannot see a draft's files; once submitted it reads them, and nobody can add more.
  assert.equal((await t.call({ url: file.url, as: w.commune })).statusCode, 404);
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  const got = await t.call({ url: file.url, as: w.commune });
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'application/pdf');
  assert.deepEqual(got.rawPayload, PDF);
  assert.equal((await t.call({ url: file.url, as: w.otherCommune })).statusCode, 404);
  const late = await uploadTo(t, d.id, w.entity, { name: 'bo-sung.pdf', bytes: PDF }, { criterionCode: '1.2' });
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().code, 'invalid_transition');
  const officer = await uploadTo(t, d.id, w.commune, { name: 'bien-ban.pdf', bytes: PDF });
  assert.equal(officer.statusCode, 403);
  assert.equal((await ok(w, 'GET', `/dossiers/${d.id}`, w.commune)).files.length, 2);

  // Returned for completion, the entity may add evidence again.
  d = await ok(w, 'POST', `/dossiers/${d.id}/return`, w.commune, { reasons: ['Bổ sung hợp đồng liên kết'], version: d.version });
  assert.equal((await uploadTo(t, d.id, w.entity, { name: 'hop-dong-lien-ket.pdf', bytes: PDF }, { criterionCode: '1.2' })).statusCode, 201);
});

test('an evidence file over the upload limit is refused with 413 and nothing is stored', async () => {
  const small = await testApp({ maxUploadBytes: 1024 });
  try {
    const sw = await world(small);
    const productId = await newProduct(sw, 'Mật ong tệp lớn');
    const d = await ok(sw, 'POST', '/dossiers', sw.entity, { productId, type: 'first' });
    const big = Buffer.concat([PDF, Buffer.alloc(4096, 0x20)]);
    const res = await uploadTo(small, d.id, sw.entity, { name: 'lon.pdf', bytes: big }, { criterionCode: '1.1' });
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.json().code, 'payload_too_large');
    assert.ok(res.json().message.vi);
    assert.equal((await ok(sw, 'GET', `/dossiers/${d.id}`, sw.entity)).files.length, 0);
  } finally {
    await small.close();
  }
});

test('notes on a criterion: none on a draft; after submission the entity writes and the commune, which holds it, too', async () => {
  const productId = await newProduct(w, 'Mật ong bạc hà có trao đổi');
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  const early = await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/notes`, body: { criterionCode: '1.1', body: 'Chưa nộp' }, as: w.entity });
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().code, 'invalid_transition');
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  assert.ok(d.actions.includes('note'));
  const note = await ok(w, 'POST', `/dossiers/${d.id}/notes`, w.entity, { criterionCode: '1.1', body: 'Đàn ong nuôi tại thôn Tả Chải' });
  assert.equal(note.side, 'entity');
  const seen = await ok(w, 'GET', `/dossiers/${d.id}/notes`, w.commune);
  assert.deepEqual(seen.items.map((n: { criterionCode: string; body: string }) => [n.criterionCode, n.body]), [['1.1', 'Đàn ong nuôi tại thôn Tả Chải']]);
  // The commune pre-assesses the dossier, so while it holds it, it may ask about a criterion (notes.test.ts: not after).
  assert.ok((await ok(w, 'GET', `/dossiers/${d.id}`, w.commune)).actions.includes('note'));
  const commune = await ok(w, 'POST', `/dossiers/${d.id}/notes`, w.commune, { criterionCode: '1.1', body: 'Xã ghi chú' });
  assert.equal(commune.side, 'office');
  assert.equal((await ok(w, 'GET', `/dossiers/${d.id}/notes`, w.entity)).items.length, 2);
});
