// Re-rating at 36 months through the real API and commands: the filing window (Điều 7.6.a), the late filing that keeps
// the certificate in force past expiry (Điều 12.3) on the public verification and register, and the 45-day limit
// (Điều 7.6.g) in the deadlines and the overdue queue. Where a step must happen on another day, the command runs with
// that day as its clock (ctx.now), exactly as the route would have run it then.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Ctx, UserActor } from '../../app/actor.js';
import { MEO_VAC, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { acceptDossier } from './commands/accept-dossier.js';
import { runCertificateExpiry } from './commands/expire-certificates.js';
import { forwardDossier } from './commands/forward-dossier.js';
import { issueCertificate } from './commands/issue-certificate.js';
import { reviewDossierAtCommune } from './commands/review-dossier-commune.js';
import { submitDossier } from './commands/submit-dossier.js';
import { addDays, addMonths } from './certificates.rules.js';
import { answersAround, newProduct, ok, openSessionWith, provincialCouncil, REVIEW, submitScore, today, world, type World } from './scoring.fixtures.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

const actor = (s: Session, role: UserActor['role'], scope: Partial<UserActor> = {}): UserActor =>
  ({ kind: 'user', id: s.user.id, role, provinceCode: null, communeCode: null, entityId: null, via: 'session', ...scope });
const entity = () => actor(w.entity, 'entity', { entityId: w.entityId });
const commune = () => actor(w.commune, 'commune', { communeCode: MEO_VAC });
const province = () => actor(w.province, 'province', { provinceCode: '08' });
/** Runs a command in its own transaction as `who`, on the calendar day `on` (noon in Việt Nam). */
function on<T>(on: string, who: UserActor, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return t.database.db.transaction((tx) => fn({ actor: who, tx, log: console as never, now: new Date(`${on}T05:00:00Z`) }));
}
const version = async (id: string) => (await ok(w, 'GET', `/dossiers/${id}`, w.entity)).version as number;
/** `on` for a step of dossier `id`, given its current version (read first: PGlite has one connection, so not inside). */
const step = async <T>(day: string, who: UserActor, id: string, fn: (ctx: Ctx, version: number) => Promise<T>) => {
  const v = await version(id);
  return on(day, who, (ctx) => fn(ctx, v));
};
const viDate = (iso: string) => iso.split('-').reverse().join('/');
const earlier = (a: string, b: string) => (a < b ? a : b);

/** A product of the world's entity holding a 4★ certificate that expires about `days` days from today (negative: ago). */
async function certified(name: string, days: number) {
  const productId = await newProduct(w, name);
  const issuedOn = addMonths(addDays(today(), days), -36);
  const c = await on(today(), province(), (ctx) => issueCertificate(ctx, { productId, stars: 4, kind: 'first', decisionNumber: `${Math.floor(Math.random() * 9000) + 1000}/QĐ-UBND`, decidedOn: issuedOn, issuedOn }));
  return { productId, number: c.number, expiresOn: c.expiresOn };
}
const reRatingDraft = async (productId: string) => ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'rerating', answers: answersAround(80) });
const verify = async (number: string) => (await t.call({ url: `/api/v1/certificates/${encodeURIComponent(number)}/verify` })).json();
const register = async (q: string, status: string) => (await t.call({ url: `/api/v1/certificates?status=${status}&q=${encodeURIComponent(q)}` })).json();

test('before the window opens the filing is refused with the day it opens, and nothing is written', async () => {
  const c = await certified('Mật ong bạc hà đánh giá lại sớm', 200);
  let d = await reRatingDraft(c.productId);
  const opensOn = addDays(c.expiresOn, -180);
  assert.deepEqual(d.reRating, { certificateNumber: c.number, expiresOn: c.expiresOn, opensOn, closesOn: addDays(c.expiresOn, -120), stage: 'not_yet', late: false, graceEndsOn: null });

  const early = await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/submit`, body: { version: d.version }, as: w.entity });
  assert.equal(early.statusCode, 422, early.body);
  assert.equal(early.headers['content-type'], 'application/problem+json; charset=utf-8');
  const p = early.json();
  assert.equal(p.code, 'rerating_window_not_open');
  assert.ok(p.message.vi.includes(viDate(opensOn)), p.message.vi);
  assert.ok(p.message.en.includes(opensOn), p.message.en);
  assert.deepEqual([p.opensOn, p.certificateNumber, p.expiresOn], [opensOn, c.number, c.expiresOn]);
  const after = await ok(w, 'GET', `/dossiers/${d.id}`, w.entity);
  assert.deepEqual([after.status, after.version, after.submissions.length, after.submittedOn], ['draft', d.version, 0, null], 'nothing half-written');

  // The day before it opens is still early; on the day it opens the filing is on time.
  await assert.rejects(on(addDays(opensOn, -1), entity(), (ctx) => submitDossier(ctx, d.id, d.version)), { code: 'rerating_window_not_open' });
  await on(opensOn, entity(), (ctx) => submitDossier(ctx, d.id, d.version));
  d = await ok(w, 'GET', `/dossiers/${d.id}`, w.entity);
  assert.equal(d.status, 'submitted');
  assert.equal(d.submittedOn, opensOn);
  assert.equal(d.reRating.late, false, 'filed inside the window');
  assert.equal(d.reRating.stage, 'not_yet', 'today\'s stage of the window, shown for the UI');
});

test('after the window closed the filing is accepted and flagged late, up to the expiry day itself', async () => {
  const c = await certified('Mật ong bạc hà đánh giá lại muộn', 100);
  let d = await reRatingDraft(c.productId);
  assert.deepEqual([d.reRating.stage, d.reRating.late, d.reRating.graceEndsOn], ['closed', true, addDays(c.expiresOn, 180)], 'a draft says it would be late');
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  assert.equal(d.status, 'submitted');
  assert.deepEqual([d.reRating.late, d.reRating.certificateNumber], [true, c.number]);
  const history = await ok(w, 'GET', `/dossiers/${d.id}/history`, w.entity);
  const submit = history.items.find((h: { action: string }) => h.action === 'dossier.submit');
  assert.deepEqual(submit.after.detail.reRating, { certificateNumber: c.number, expiresOn: c.expiresOn, opensOn: addDays(c.expiresOn, -180), closesOn: addDays(c.expiresOn, -120), late: true });

  // On the expiry day itself a filing is still accepted (late); the day after, it is not.
  const c2 = await certified('Mật ong bạc hà nộp ngày hết hạn', 150);
  const d2 = await reRatingDraft(c2.productId);
  await assert.rejects(on(addDays(c2.expiresOn, 1), entity(), (ctx) => submitDossier(ctx, d2.id, d2.version)), { code: 'certificate_expired' });
  await on(c2.expiresOn, entity(), (ctx) => submitDossier(ctx, d2.id, d2.version));
  assert.equal((await ok(w, 'GET', `/dossiers/${d2.id}`, w.entity)).reRating.late, true);
  // The last day of the window is on time.
  const c3 = await certified('Mật ong bạc hà nộp ngày cuối', 150);
  const d3 = await reRatingDraft(c3.productId);
  await on(addDays(c3.expiresOn, -120), entity(), (ctx) => submitDossier(ctx, d3.id, d3.version));
  assert.equal((await ok(w, 'GET', `/dossiers/${d3.id}`, w.entity)).reRating.late, false);
});

test('after expiry a re-rating is refused: the product registers a first rating instead', async () => {
  const c = await certified('Mật ong bạc hà hết hạn', -5);
  const d = await reRatingDraft(c.productId);
  assert.equal(d.reRating.stage, 'expired');
  const res = await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/submit`, body: { version: d.version }, as: w.entity });
  assert.equal(res.statusCode, 422, res.body);
  assert.equal(res.json().code, 'certificate_expired');
  assert.match(res.json().message.en, /first rating/);
  assert.match(res.json().message.vi, /lần đầu/);
  assert.equal((await ok(w, 'GET', `/dossiers/${d.id}`, w.entity)).status, 'draft');
  // The entity turns the draft into a first rating, which is accepted now that the certificate has lapsed.
  let first = await ok(w, 'PATCH', `/dossiers/${d.id}`, w.entity, { type: 'first', version: d.version });
  first = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: first.version });
  assert.deepEqual([first.status, first.type, first.reRating], ['submitted', 'first', null]);

  // A new first-rating dossier: refused while the certificate is in force, accepted once it lapsed (registry
  // 'certified' before the daily job, 'expired' after it).
  const valid = await certified('Mật ong bạc hà còn hạn', 300);
  const refused = await t.call({ method: 'POST', url: '/api/v1/dossiers', body: { productId: valid.productId, type: 'first' }, as: w.entity });
  assert.deepEqual([refused.statusCode, refused.json().code], [400, 'already_certified']);
  const lapsed = await certified('Mật ong bạc hà hết hạn lâu', -40);
  await ok(w, 'POST', '/dossiers', w.entity, { productId: lapsed.productId, type: 'first' });
  const lapsed2 = await certified('Mật ong bạc hà hết hạn, đã chạy job', -40);
  await runCertificateExpiry(t.database.db, console as never);
  assert.equal((await ok(w, 'GET', `/products/${lapsed2.productId}`, w.entity)).status, 'expired');
  await ok(w, 'POST', '/dossiers', w.entity, { productId: lapsed2.productId, type: 'first' });
});

test('a resubmission after a return is the same filing: the window is not checked again', async () => {
  const c = await certified('Mật ong bạc hà nộp lại', 150);
  const d = await reRatingDraft(c.productId);
  const filed = addDays(c.expiresOn, -130); // on time
  await on(filed, entity(), (ctx) => submitDossier(ctx, d.id, d.version));
  const returned = await ok(w, 'POST', `/dossiers/${d.id}/return`, w.commune, { reasons: ['Thiếu phiếu kiểm nghiệm'], version: await version(d.id) });
  assert.equal(returned.status, 'returned');
  // Resubmitted after the certificate's expiry: accepted, and the filing keeps its on-time flag.
  await on(addDays(c.expiresOn, 3), entity(), (ctx) => submitDossier(ctx, d.id, returned.version));
  const again = await ok(w, 'GET', `/dossiers/${d.id}`, w.entity);
  assert.deepEqual([again.status, again.reRating.late, again.submissions.length], ['submitted', false, 2]);
});

test('Điều 12.3: a late filing keeps the certificate valid past expiry until the dossier ends', async () => {
  const name = 'Mật ong bạc hà gia hạn hiệu lực';
  const c = await certified(name, -10);
  const d = await reRatingDraft(c.productId);
  await on(addDays(c.expiresOn, -30), entity(), (ctx) => submitDossier(ctx, d.id, d.version));
  const until = addDays(c.expiresOn, 180);

  let v = await verify(c.number);
  assert.deepEqual([v.valid, v.status, v.expiresOn, v.extendedUntil, v.extensionReason], [true, 'valid', c.expiresOn, until, 'late_rerating_pending']);
  for (const k of ['number', 'stars', 'product', 'entity', 'province', 'issuedOn', 'authority', 'decisionNumber', 'decidedOn', 'instrument', 'kind', 'replacedBy', 'replaces']) assert.ok(k in v, k);
  let valid = await register(name, 'valid');
  assert.deepEqual(valid.items.map((i: { number: string; extendedUntil: string }) => [i.number, i.extendedUntil]), [[c.number, until]]);
  assert.equal((await register(name, 'expired')).total, 0);
  const reminder = (await ok(w, 'GET', '/certificates/reminders', w.province)).items.find((i: { number: string }) => i.number === c.number);
  assert.deepEqual([reminder.status, reminder.stage, reminder.extendedUntil], ['valid', 'expired', until]);
  assert.match(reminder.message.en, /stays in force until the late re-rating is decided/);
  // The daily job leaves the product certified while the extension holds.
  const run = await runCertificateExpiry(t.database.db, console as never);
  assert.ok(!run.expired.some((e) => e.certificateNumber === c.number));
  assert.equal((await ok(w, 'GET', `/products/${c.productId}`, w.entity)).status, 'certified');

  // The commune rejects the dossier: the extension ends with it.
  const condition = (await ok(w, 'GET', `/dossiers/${d.id}`, w.commune)).rejectionConditions[0];
  await ok(w, 'POST', `/dossiers/${d.id}/reject`, w.commune, { condition, version: await version(d.id) });
  v = await verify(c.number);
  assert.deepEqual([v.valid, v.status, v.extendedUntil, v.extensionReason], [false, 'expired', null, null]);
  valid = await register(name, 'valid');
  assert.equal(valid.total, 0);
  assert.equal((await register(name, 'expired')).items[0].number, c.number);
  const run2 = await runCertificateExpiry(t.database.db, console as never);
  assert.ok(run2.expired.some((e) => e.certificateNumber === c.number));
  assert.equal((await ok(w, 'GET', `/products/${c.productId}`, w.entity)).status, 'expired');
});

test('no extension beyond 180 days past expiry, nor for a filing made on time', async () => {
  const old = await certified('Mật ong bạc hà quá hạn gia hạn', -200);
  const d = await reRatingDraft(old.productId);
  await on(addDays(old.expiresOn, -10), entity(), (ctx) => submitDossier(ctx, d.id, d.version));
  assert.equal((await ok(w, 'GET', `/dossiers/${d.id}`, w.entity)).status, 'submitted', 'still pending');
  const v = await verify(old.number);
  assert.deepEqual([v.valid, v.status, v.extendedUntil], [false, 'expired', null]);

  const timely = await certified('Mật ong bạc hà nộp đúng hạn, chưa xong', -10);
  const d2 = await reRatingDraft(timely.productId);
  await on(addDays(timely.expiresOn, -150), entity(), (ctx) => submitDossier(ctx, d2.id, d2.version));
  const v2 = await verify(timely.number);
  assert.deepEqual([v2.valid, v2.status, v2.extendedUntil], [false, 'expired', null], 'Điều 12.3 covers late filings only');
});

/** A re-rating dossier taken to the province's advisory review on past days: filed late, accepted on `acceptedOn`. */
async function lateReRatingAccepted(name: string, expiresInDays: number, acceptedOn: string) {
  const c = await certified(name, expiresInDays);
  const d = await reRatingDraft(c.productId);
  const filed = addDays(acceptedOn, -10);
  await on(filed, entity(), (ctx) => submitDossier(ctx, d.id, d.version));
  await step(filed, commune(), d.id, (ctx, v) => reviewDossierAtCommune(ctx, d.id, { items: REVIEW as never, conclusion: null, signer: 'Giàng A Xã', version: v }));
  await step(addDays(filed, 1), commune(), d.id, (ctx, v) => forwardDossier(ctx, d.id, v));
  await step(acceptedOn, province(), d.id, (ctx, v) => acceptDossier(ctx, d.id, v));
  return { c, d: await ok(w, 'GET', `/dossiers/${d.id}`, w.province) };
}

test('the 45 days run from the province\'s receipt: shown in the deadlines and counted as overdue in the queue', async () => {
  const acceptedOn = addDays(today(), -60);
  const { d } = await lateReRatingAccepted('Mật ong bạc hà quá 45 ngày', -10, acceptedOn);
  assert.equal(d.status, 'advisory_review');
  assert.deepEqual([d.deadlines.provinceReceivedOn, d.deadlines.reRatingDueOn], [acceptedOn, addDays(acceptedOn, 45)]);
  assert.ok(d.deadlines.provinceFinishBefore > d.deadlines.reRatingDueOn, 'the round alone would not be overdue');
  assert.deepEqual([d.due, d.overdue], [addDays(acceptedOn, 45), true]);
  const queue = await ok(w, 'GET', '/dossiers?overdue=true&type=rerating&pageSize=200', w.province);
  assert.ok(queue.items.some((x: { id: string }) => x.id === d.id));
  assert.ok(!(await ok(w, 'GET', '/dossiers?overdue=false&pageSize=200', w.province)).items.some((x: { id: string }) => x.id === d.id));

  // A first rating accepted the same day has no such limit.
  const productId = await newProduct(w, 'Mật ong bạc hà lần đầu cùng ngày');
  const f = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first' });
  await on(addDays(acceptedOn, -10), entity(), (ctx) => submitDossier(ctx, f.id, f.version));
  await step(addDays(acceptedOn, -10), commune(), f.id, (ctx, v) => reviewDossierAtCommune(ctx, f.id, { items: REVIEW as never, conclusion: null, signer: null, version: v }));
  await step(addDays(acceptedOn, -9), commune(), f.id, (ctx, v) => forwardDossier(ctx, f.id, v));
  await step(acceptedOn, province(), f.id, (ctx, v) => acceptDossier(ctx, f.id, v));
  const first = await ok(w, 'GET', `/dossiers/${f.id}`, w.province);
  assert.deepEqual([first.deadlines.provinceReceivedOn, first.deadlines.reRatingDueOn, first.reRating], [acceptedOn, null, null]);
  assert.equal(first.overdue, first.deadlines.provinceFinishBefore < today());

  // Within the limit: not overdue.
  const recent = await lateReRatingAccepted('Mật ong bạc hà trong 45 ngày', 60, addDays(today(), -5));
  assert.deepEqual([recent.d.deadlines.reRatingDueOn, recent.d.due, recent.d.overdue], [addDays(today(), 40), earlier(recent.d.deadlines.provinceFinishBefore, addDays(today(), 40)), false]);
});

test('a 5★ re-rating: the province\'s 45 days stop counting when it sends the dossier on; the Ministry\'s start on receipt', async () => {
  const acceptedOn = addDays(today(), -60);
  const { d } = await lateReRatingAccepted('Mật ong bạc hà lên 5 sao', -10, acceptedOn);
  assert.equal(d.overdue, true, 'the province\'s 45 days are over');
  const best = answersAround(100);
  const council = await provincialCouncil(w);
  const s = await openSessionWith(w, council, [d.id]);
  for (const m of council.all) await submitScore(w, s.id, s.items[0].id, m, best);
  await ok(w, 'POST', `/sessions/${s.id}/close`, w.province, { version: s.version });
  let x = await ok(w, 'POST', `/dossiers/${d.id}/decide`, w.province, { decisionNumber: '302/QĐ-UBND', decisionDate: today(), version: await version(d.id) });
  assert.equal(x.status, 'sent_to_central');
  assert.deepEqual([x.deadlines.centralReceivedOn, x.due, x.overdue], [null, x.deadlines.centralFinishBefore, false]);
  x = await ok(w, 'POST', `/dossiers/${d.id}/accept`, w.central, { version: x.version });
  assert.equal(x.status, 'central_advisory');
  assert.deepEqual([x.deadlines.provinceReceivedOn, x.deadlines.centralReceivedOn, x.deadlines.reRatingDueOn], [acceptedOn, today(), addDays(today(), 45)]);
  assert.deepEqual([x.due, x.overdue], [earlier(x.deadlines.centralFinishBefore, addDays(today(), 45)), false]);
  const history = await ok(w, 'GET', `/dossiers/${d.id}/history`, w.central);
  const accepts = history.items.filter((h: { action: string }) => h.action === 'dossier.accept');
  assert.equal(accepts.length, 2, 'both receipts are in the audit trail');
  // The certificate stays extended while the Ministry works on it.
  const c = (await ok(w, 'GET', `/dossiers/${d.id}`, w.central)).reRating;
  assert.equal((await verify(c.certificateNumber)).extendedUntil, c.graceEndsOn);
});

test('a late re-rating certified: the certificate is replaced and the product keeps a valid one; the job leaves it alone', async () => {
  const { c, d } = await lateReRatingAccepted('Mật ong bạc hà đánh giá lại xong', -10, addDays(today(), -3));
  assert.equal((await verify(c.number)).extendedUntil, addDays(c.expiresOn, 180));
  const answers = answersAround(80);
  const council = await provincialCouncil(w);
  await ok(w, 'PUT', `/dossiers/${d.id}/advisory-review`, council.advisory, { answers, report: 'Đề nghị Hội đồng lấy ý kiến bằng văn bản', version: d.version });
  const s = await openSessionWith(w, council, [d.id]);
  for (const m of council.all) await submitScore(w, s.id, s.items[0].id, m, answers);
  await ok(w, 'POST', `/sessions/${s.id}/close`, w.province, { version: s.version });
  const decided = await ok(w, 'POST', `/dossiers/${d.id}/decide`, w.province, { decisionNumber: '301/QĐ-UBND', decisionDate: today(), version: await version(d.id) });
  assert.equal(decided.status, 'certified');

  const old = await verify(c.number);
  assert.deepEqual([old.valid, old.status, old.replacedBy, old.extendedUntil], [false, 'replaced', decided.certificateNumber, null]);
  const fresh = await verify(decided.certificateNumber);
  assert.deepEqual([fresh.valid, fresh.kind, fresh.replaces, fresh.issuedOn, fresh.extendedUntil], [true, 're_rating', c.number, today(), null]);
  await runCertificateExpiry(t.database.db, console as never);
  const product = await ok(w, 'GET', `/products/${c.productId}`, w.entity);
  assert.deepEqual([product.status, product.stars], ['certified', 4]);
});

test('bad and out-of-scope requests change nothing', async () => {
  const c = await certified('Mật ong bạc hà thử phạm vi', 100);
  const d = await reRatingDraft(c.productId);
  // Another entity, the commune before submission, the public: no access; a stale version: 409.
  const stranger = await t.user('entity');
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/submit`, body: { version: d.version }, as: stranger })).statusCode, 404);
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/submit`, body: { version: d.version } })).statusCode, 401);
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/submit`, body: { version: d.version + 1 }, as: w.entity })).statusCode, 409);
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/submit`, body: { version: String(d.version) }, as: w.entity })).statusCode, 400);
  assert.equal((await ok(w, 'GET', `/dossiers/${d.id}`, w.entity)).status, 'draft');
  // The other party's view carries the same window; a first-rating dossier carries none.
  assert.equal((await t.call({ url: `/api/v1/certificates/${encodeURIComponent(c.number)}/verify` })).json().extendedUntil, null);
});
