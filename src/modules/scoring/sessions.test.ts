// Council sessions by written opinion (QĐ 26/2026/QĐ-TTg Điều 7 khoản 6 điểm d, e) through the HTTP API: re-rating
// dossiers only, no attendance, closing on the quorum share of opinions, diverging opinions sent to a meeting (scores
// kept, then re-scored), the minutes saying which mode was used, and who may do what.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { UserActor } from '../../app/actor.js';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { pdfText } from '../../../test/pdf-text.js';
import { addDays, addMonths } from './certificates.rules.js';
import { issueCertificate } from './commands/issue-certificate.js';
import { answersAround, dossierAtAdvisory, newProduct, ok, provincialCouncil, REVIEW, submitScore, today, totalOf, world, type Council, type World } from './scoring.fixtures.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

type Res = Awaited<ReturnType<TestApp['call']>>;
function refused(res: Res, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.json().code, code, res.body);
}

/** A certified product (its certificate issued by the real command, 150 days before expiry: inside the re-rating
 * filing window) and its re-rating dossier taken to the advisory review. */
async function reratingAtAdvisory(name: string) {
  const productId = await newProduct(w, name);
  const issuedOn = addDays(addMonths(today(), -36), 150);
  const office: UserActor = { kind: 'user', id: w.province.user.id, role: 'province', provinceCode: '08', communeCode: null, entityId: null, via: 'session' };
  await t.database.db.transaction((tx) => issueCertificate({ actor: office, tx, log: console as never, now: new Date() }, { productId, stars: 4, kind: 'first', decisionNumber: '77/QĐ-UBND', decidedOn: issuedOn, issuedOn }));
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'rerating', answers: answersAround(75) });
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  d = await ok(w, 'PUT', `/dossiers/${d.id}/commune-review`, w.commune, { items: REVIEW, conclusion: 'Đề nghị đánh giá lại', signer: 'Giàng A Xã', version: d.version });
  d = await ok(w, 'POST', `/dossiers/${d.id}/forward`, w.commune, { version: d.version });
  d = await ok(w, 'POST', `/dossiers/${d.id}/accept`, w.province, { version: d.version });
  assert.deepEqual([d.type, d.status], ['rerating', 'advisory_review']);
  return d;
}

async function writtenSession(council: Council, runner: Session = w.province) {
  const res = await t.call({ method: 'POST', url: `/api/v1/councils/${council.id}/sessions`, body: { title: 'Lấy ý kiến đánh giá lại đợt 1', scheduledOn: today(), mode: 'written' }, as: runner });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** The minutes' text in reading order, white space made single. */
async function minutesText(url: string, as: Session): Promise<string> {
  const res = await t.call({ url, as });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  return pdfText(res.rawPayload, { layout: false }).replace(/\s+/g, ' ');
}

test('a written session takes re-rating dossiers only, asks every scoring member and closes on the quorum share of opinions', async () => {
  const council = await provincialCouncil(w, 3); // chair + 3 members score; 75 % of 4 → 3 opinions needed
  const rerating = await reratingAtAdvisory('Mật ong đánh giá lại văn bản');
  const firstTime = await dossierAtAdvisory(w, answersAround(70), 'Mật ong lần đầu');
  let s = await writtenSession(council);
  assert.equal(s.mode, 'written');
  assert.equal(s.convertedAt, null);

  // A first-rating dossier needs a meeting: refused, and nothing moved.
  const wrongType = await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/items`, body: { dossierId: firstTime.id, version: firstTime.version }, as: w.province });
  refused(wrongType, 422, 'written_session_rerating_only');
  assert.equal(wrongType.json().field, 'dossierId');
  assert.equal((await ok(w, 'GET', `/dossiers/${firstTime.id}`, w.province)).status, 'advisory_review');
  assert.equal((await ok(w, 'GET', `/sessions/${s.id}`, w.province)).items.length, 0);
  // The chair runs sessions but scheduling a dossier is the office's step: not offered, and refused.
  assert.ok(!(await ok(w, 'GET', `/sessions/${s.id}`, council.chair)).actions.includes('addItem'));
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/items`, body: { dossierId: rerating.id, version: rerating.version }, as: council.chair })).statusCode, 403);
  // A stale dossier version is refused too.
  refused(await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/items`, body: { dossierId: rerating.id, version: rerating.version - 1 }, as: w.province }), 409, 'stale_version');
  s = await ok(w, 'POST', `/sessions/${s.id}/items`, w.province, { dossierId: rerating.id, version: rerating.version });
  assert.equal(s.items[0].expectedCount, 4); // before opening: every active scoring member
  assert.equal(s.items[0].requiredCount, 3);

  // No attendance is taken in writing.
  refused(await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/open`, body: { present: [council.chair.user.id], version: s.version }, as: w.province }), 400, 'no_attendance_in_writing');
  s = await ok(w, 'POST', `/sessions/${s.id}/open`, w.province, { version: s.version });
  assert.equal(s.status, 'open');
  assert.deepEqual([...s.present].sort(), council.all.map((m) => m.user.id).sort()); // the secretary does not score
  assert.equal(s.quorum, null);
  assert.deepEqual([s.items[0].expectedCount, s.items[0].requiredCount], [4, 3]);
  const chairView = await ok(w, 'GET', `/sessions/${s.id}`, council.chair);
  assert.ok(chairView.actions.includes('convertToMeeting'));
  assert.ok(!chairView.actions.includes('requestRescore'));
  assert.ok((await ok(w, 'GET', `/sessions/${s.id}`, council.members[2])).actions.includes('score'));

  const itemId = s.items[0].id;
  const [m0, m1] = council.members;
  await submitScore(w, s.id, itemId, council.chair, answersAround(80));
  await submitScore(w, s.id, itemId, m0, answersAround(78));
  // Two opinions of the three needed: not yet.
  const early = await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/close`, body: { version: s.version }, as: w.province });
  refused(early, 409, 'session_not_ready');
  assert.deepEqual([early.json().problems[0].code, early.json().problems[0].submitted, early.json().problems[0].required], ['scores_missing', 2, 3]);
  // Re-scoring needs a discussion, hence a meeting.
  refused(await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/items/${itemId}/rescore`, body: { reason: 'Xem lại' }, as: council.chair }), 409, 'convert_to_meeting_first');

  await submitScore(w, s.id, itemId, m1, answersAround(76));
  refused(await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/close`, body: { version: s.version - 1 }, as: w.province }), 409, 'stale_version');
  const closed = await ok(w, 'POST', `/sessions/${s.id}/close`, w.province, { minutesNote: 'Tổng hợp ý kiến bằng văn bản', version: s.version });
  assert.equal(closed.status, 'closed');
  assert.equal(closed.items[0].result.members, 3); // the fourth member sent no opinion
  assert.equal(closed.items[0].result.mean, Math.round(((totalOf(answersAround(80)) + totalOf(answersAround(78)) + totalOf(answersAround(76))) / 3) * 100) / 100);
  assert.equal((await ok(w, 'GET', `/dossiers/${rerating.id}`, w.province)).status, 'scored');

  const text = await minutesText(`/api/v1/sessions/${s.id}/minutes.pdf`, council.secretary);
  assert.ok(text.includes('BIÊN BẢN TỔNG HỢP Ý KIẾN ĐÁNH GIÁ BẰNG VĂN BẢN'), text);
  assert.ok(text.includes('Lấy ý kiến bằng văn bản (Điều 7 khoản 6 điểm d, e)'), text);
  assert.ok(text.includes('Chưa gửi ý kiến'), text);
  assert.ok(!text.includes('Họp trực tiếp'), text);

  // Closed: frozen, the member who did not answer included.
  const m2 = council.members[2];
  refused(await t.call({ method: 'PUT', url: `/api/v1/sessions/${s.id}/items/${itemId}/score`, body: { answers: answersAround(70), submit: true }, as: m2 }), 409, 'session_closed');
  refused(await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/convert-to-meeting`, body: { present: council.all.map((m) => m.user.id), version: closed.version }, as: w.province }), 409, 'session_closed');
});

test('diverging written opinions: closing is refused until the session becomes a meeting, which keeps the scores; then re-score and close', async () => {
  const council = await provincialCouncil(w, 2); // chair + 2 members: 3 opinions needed
  const rerating = await reratingAtAdvisory('Mật ong ý kiến khác nhau');
  let s = await writtenSession(council);
  s = await ok(w, 'POST', `/sessions/${s.id}/items`, w.province, { dossierId: rerating.id, version: rerating.version });
  s = await ok(w, 'POST', `/sessions/${s.id}/open`, w.province, { version: s.version });
  const itemId = s.items[0].id;
  const [a, b] = council.members;
  await submitScore(w, s.id, itemId, council.chair, answersAround(80));
  await submitScore(w, s.id, itemId, a, answersAround(60));
  await submitScore(w, s.id, itemId, b, answersAround(78));

  const diverge = await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/close`, body: { version: s.version }, as: council.chair });
  refused(diverge, 409, 'opinions_diverge');
  assert.equal(diverge.json().problems[0].code, 'spread_exceeded');
  assert.equal(diverge.json().problems[0].spread, totalOf(answersAround(80)) - totalOf(answersAround(60)));
  assert.equal((await ok(w, 'GET', `/dossiers/${rerating.id}`, w.province)).status, 'council_scoring');

  const everyone = [...council.all, council.secretary].map((m) => m.user.id);
  const convert = (body: Record<string, unknown>, as: Session) => t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/convert-to-meeting`, body, as });
  // Who may convert: those who run the session, in their province; with the current version and a quorum.
  refused(await convert({ present: everyone, version: s.version }, a), 403, 'forbidden');
  refused(await convert({ present: everyone, version: s.version }, council.advisory), 403, 'forbidden');
  const otherProvince = await t.user('province', { provinceCode: '19' });
  refused(await convert({ present: everyone, version: s.version }, otherProvince), 404, 'session_not_found');
  refused(await convert({ present: everyone, version: s.version + 5 }, council.chair), 409, 'stale_version');
  refused(await convert({ present: [a, b, council.secretary].map((m) => m.user.id), version: s.version }, council.chair), 409, 'quorum_not_met'); // no chair
  refused(await convert({ present: [...everyone, council.advisory.user.id], version: s.version }, council.chair), 400, 'not_a_member');
  refused(await convert({ version: s.version }, council.chair), 400, 'validation_failed');
  const still = await ok(w, 'GET', `/sessions/${s.id}`, w.province);
  assert.deepEqual([still.mode, still.version], ['written', s.version]); // nothing half-written

  // b cannot come to the meeting (3 of 4 with the chair: quorum met); b's written opinion stays on record but the
  // meeting's result is made by those present, like any meeting.
  const met = await ok(w, 'POST', `/sessions/${s.id}/convert-to-meeting`, council.chair, { present: [council.chair, a, council.secretary].map((m) => m.user.id), version: s.version });
  assert.equal(met.mode, 'meeting');
  assert.ok(met.convertedAt);
  assert.deepEqual([met.quorum.met, met.quorum.present, met.quorum.required], [true, 3, 3]);
  assert.deepEqual([met.items[0].submittedCount, met.items[0].expectedCount], [2, 2]); // the present members' opinions are kept
  refused(await convert({ present: everyone, version: met.version }, council.chair), 409, 'not_a_written_session');
  const overview = await ok(w, 'GET', `/sessions/${s.id}/items/${itemId}/overview`, council.chair);
  assert.deepEqual([overview.members.map((m: { userId: string }) => m.userId).sort(), overview.withinLimit], [[council.chair.user.id, a.user.id].sort(), false]);
  assert.equal((await ok(w, 'GET', `/sessions/${s.id}/items/${itemId}/scores`, b)).items.length, 3); // kept, and b still sees them all
  assert.ok(!(await ok(w, 'GET', `/sessions/${s.id}`, b)).actions.includes('score'));
  refused(await t.call({ method: 'PUT', url: `/api/v1/sessions/${s.id}/items/${itemId}/score`, body: { answers: answersAround(79) }, as: b }), 403, 'not_present');
  assert.ok((await ok(w, 'GET', `/sessions/${s.id}`, council.chair)).actions.includes('requestRescore'));

  // The chair asks the outlier to re-score: they see they must, the others do not. Naming b, absent from the meeting,
  // reopens nothing of b's: b could not score again, and the written opinion stays submitted.
  const asked = await ok(w, 'POST', `/sessions/${s.id}/items/${itemId}/rescore`, council.chair, { members: [a.user.id, b.user.id], reason: 'Thảo luận lại tiêu chí 4.1 tại cuộc họp' });
  assert.deepEqual(asked.members, [a.user.id]);
  assert.equal((await ok(w, 'GET', `/sessions/${s.id}`, b)).items[0].myScore.status, 'submitted');
  const aView = (await ok(w, 'GET', `/sessions/${s.id}`, a)).items[0];
  assert.equal(aView.mustRescore, true);
  assert.deepEqual([aView.rescoreRequest.round, aView.rescoreRequest.reason, aView.myScore.status], [2, 'Thảo luận lại tiêu chí 4.1 tại cuộc họp', 'draft']);
  assert.equal((await ok(w, 'GET', `/sessions/${s.id}`, council.chair)).items[0].mustRescore, false);
  await submitScore(w, s.id, itemId, a, answersAround(77));
  assert.equal((await ok(w, 'GET', `/sessions/${s.id}`, a)).items[0].mustRescore, false);

  const closed = await ok(w, 'POST', `/sessions/${s.id}/close`, council.chair, { version: met.version });
  assert.equal(closed.status, 'closed');
  assert.equal(closed.mode, 'meeting');
  assert.equal(closed.items[0].result.members, 2);
  assert.equal(closed.items[0].result.mean, Math.round(((totalOf(answersAround(80)) + totalOf(answersAround(77))) / 2) * 100) / 100);
  assert.deepEqual(closed.actions, ['minutes']);
  const text = await minutesText(`/api/v1/sessions/${s.id}/minutes.pdf`, council.chair);
  assert.ok(text.includes('BIÊN BẢN HỌP HỘI ĐỒNG'), text);
  assert.ok(text.includes('Lấy ý kiến bằng văn bản, chuyển sang họp trực tiếp'), text);
});

test('sessions: the mode is checked, defaults to a meeting, and only the council\'s runners schedule in their scope', async () => {
  const council = await provincialCouncil(w, 1);
  const url = `/api/v1/councils/${council.id}/sessions`;
  refused(await t.call({ method: 'POST', url, body: { title: 'X', scheduledOn: today(), mode: 'online' }, as: w.province }), 400, 'validation_failed');
  refused(await t.call({ method: 'POST', url, body: { title: 'X', scheduledOn: today() }, as: council.members[0] }), 403, 'forbidden');
  refused(await t.call({ method: 'POST', url, body: { title: 'X', scheduledOn: today() }, as: await t.user('province', { provinceCode: '19' }) }), 404, 'council_not_found');
  refused(await t.call({ method: 'POST', url, body: { title: 'X', scheduledOn: today() }, as: w.commune }), 403, 'forbidden'); // communes never run a session
  const meeting = await ok(w, 'POST', `/councils/${council.id}/sessions`, w.province, { title: 'Phiên họp thường', scheduledOn: today() });
  assert.equal(meeting.mode, 'meeting');
  assert.deepEqual(meeting.actions, ['addItem', 'open']);
  // A meeting still needs its attendance, and cannot be "converted".
  refused(await t.call({ method: 'POST', url: `/api/v1/sessions/${meeting.id}/open`, body: { version: meeting.version }, as: w.province }), 400, 'required');
  refused(await t.call({ method: 'POST', url: `/api/v1/sessions/${meeting.id}/convert-to-meeting`, body: { present: council.all.map((m) => m.user.id), version: meeting.version }, as: w.province }), 409, 'not_a_written_session');
  // A meeting may take a re-rating dossier too; a planned written session cannot be converted before it opens.
  const written = await writtenSession(council, council.chair);
  refused(await t.call({ method: 'POST', url: `/api/v1/sessions/${written.id}/convert-to-meeting`, body: { present: council.all.map((m) => m.user.id), version: written.version }, as: council.chair }), 409, 'session_not_open');
  const list = await ok(w, 'GET', `/councils/${council.id}/sessions`, council.members[0]);
  assert.deepEqual(list.items.map((x: { mode: string }) => x.mode).sort(), ['meeting', 'written']);
});
