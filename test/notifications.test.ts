// Notifications across the modules: commands enqueue in their transaction, the outbox worker (with the handlers
// the server registers) delivers e-mail (.eml files, read back through the development mailbox) and in-app
// notices; each (event, person, channel) at most once, even when the outbox retries; preferences switch channels.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Ctx, UserActor } from '../src/app/actor.js';
import { query } from '../src/app/db.js';
import { enqueue, OutboxWorker } from '../src/app/outbox.js';
import { createMailTransport, devMailboxEnabled, registerNotificationHandlers, type MailTransport } from '../src/modules/notifications/index.js';
import { addDays, addMonths, CLOSING_NOTICE_DAYS, issueCertificate, remindReRating } from '../src/modules/scoring/index.js';
import { answersAround, dossierAtAdvisory, newProduct, ok, openSessionWith, provincialCouncil, REVIEW, submitScore, today, world, type World } from '../src/modules/scoring/scoring.fixtures.js';
import { answersNear } from '../src/modules/scoring/sample-answers.js';
import { getSheet } from '../src/modules/scoring/sheets.data.js';
import { assertProblem, signUp } from './api-helpers.js';
import { MEO_VAC, testApp, type Session, type TestApp } from './harness.js';

let t: TestApp;
let w: World;
let colleague: Session; // a second member of the world's entity
let worker: OutboxWorker;
/** Addresses whose next send fails (a transport outage for them), each once. */
const failOnce = new Set<string>();

before(async () => {
  t = await testApp();
  w = await world(t);
  colleague = await t.user('entity', { entityId: w.entityId });
  const files = createMailTransport({ dataDir: t.config.dataDir, from: 'OCOP <no-reply@ocop.local>' });
  const flaky: MailTransport = {
    kind: 'files',
    async send(m) {
      if (failOnce.delete(m.to)) throw new Error(`SMTP 451: try again later (${m.to})`);
      return files.send(m);
    },
  };
  worker = registerNotificationHandlers(new OutboxWorker(t.database.db, t.app.log), flaky, 'https://ocop.example.vn');
  await drain();
});
after(() => t.close());

async function drain() {
  let n = 0;
  for (let claimed = await worker.drain(); claimed > 0; claimed = await worker.drain()) n += claimed;
  return n;
}
const emailOf = async (s: Session) => (await query<{ email: string }>(t.database.db, sql`SELECT email FROM app_user WHERE id = ${s.user.id}`))[0].email;
type MailItem = { id: string; to: string; subject: string; date: string };
const mailbox = async (): Promise<MailItem[]> => {
  const res = await t.call({ url: '/api/v1/dev/mailbox' });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items;
};
const mailsTo = async (address: string) => (await mailbox()).filter((m) => m.to.toLowerCase() === address.toLowerCase());
type Item = { id: string; kind: string; title: { vi: string; en: string }; body: { vi: string; en: string }; link: string | null; readAt: string | null };
const inbox = async (s: Session, query_ = ''): Promise<{ items: Item[]; unread: number; nextCursor: string | null }> => {
  const res = await t.call({ url: `/api/v1/notifications${query_}`, as: s });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};
const ofKind = async (s: Session, kind: string) => (await inbox(s, '?limit=100')).items.filter((n) => n.kind === kind);

/** A dossier of the world's entity submitted to its commune. */
async function submitted(name: string) {
  const productId = await newProduct(w, name);
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first', answers: answersNear(getSheet(4)!, 75) });
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  return d;
}

test('an invitation: one e-mail to the invitee, one in-app notice to the other member; a replayed event delivers nothing again', async () => {
  const invitee = `moi.${Date.now()}@test.ocop.vn`;
  await ok(w, 'POST', `/entities/${w.entityId}/invitations`, w.entity, { email: invitee });
  assert.equal(await drain(), 1);
  const mails = await mailsTo(invitee);
  assert.equal(mails.length, 1);
  assert.match(mails[0].subject, /Lời mời tham gia/);
  const message = (await t.call({ url: `/api/v1/dev/mailbox/${mails[0].id}` })).json();
  assert.match(message.text, /nhan-loi-moi#token=/);
  assert.match(message.text, /HTX Mật ong bạc hà Mèo Vạc/, 'the decoded text keeps its Vietnamese');
  const seen = await ofKind(colleague, 'invitation');
  assert.equal(seen.length, 1);
  assert.match(seen[0].body.vi, new RegExp(invitee.replace(/\./g, '\\.')));
  assert.equal(seen[0].link, `/lam-viec/chu-the/${w.entityId}`);
  assert.equal((await ofKind(w.entity, 'invitation')).length, 0, 'the inviter is not told what they just did');

  // The process died after the handlers ran and before the event was marked: the outbox runs it again.
  await t.database.db.execute(sql`UPDATE outbox SET processed_at = NULL WHERE event = 'invitation.created'`);
  assert.equal(await drain(), 1);
  assert.equal((await mailsTo(invitee)).length, 1, 'still one e-mail');
  assert.equal((await ofKind(colleague, 'invitation')).length, 1, 'still one notice');
});

test('a returned dossier: each member of the entity gets one e-mail (in their language) and one notice; the commune none', async () => {
  const put = await t.call({ method: 'PUT', url: '/api/v1/notifications/language', as: colleague, body: { language: 'en' } });
  assert.equal(put.statusCode, 200, put.body);
  const d = await submitted('Mật ong trả lại');
  await ok(w, 'POST', `/dossiers/${d.id}/return`, w.commune, { reasons: ['Thiếu giấy chứng nhận an toàn thực phẩm'], version: d.version });
  await drain();
  const [mine, theirs] = [await mailsTo(await emailOf(w.entity)), await mailsTo(await emailOf(colleague))];
  assert.equal(mine.filter((m) => m.subject.includes(d.number)).length, 1);
  assert.equal(theirs.filter((m) => m.subject.includes(d.number)).length, 1);
  assert.match(mine.find((m) => m.subject.includes(d.number))!.subject, /được trả lại/);
  const english = theirs.find((m) => m.subject.includes(d.number))!;
  assert.match(english.subject, /returned for completion/);
  const text = (await t.call({ url: `/api/v1/dev/mailbox/${english.id}` })).json().text as string;
  assert.match(text, new RegExp(`https://ocop\\.example\\.vn/ho-so/${d.id}`));
  assert.match(text, /Thiếu giấy chứng nhận an toàn thực phẩm/);
  for (const s of [w.entity, colleague]) {
    const notes = (await ofKind(s, 'dossier_returned')).filter((n) => n.link === `/ho-so/${d.id}`);
    assert.equal(notes.length, 1);
    assert.match(notes[0].body.vi, /Thiếu giấy chứng nhận/);
  }
  assert.equal((await inbox(w.commune)).items.length, 0);
});

test('a transport failure: the event is retried after its backoff and the failed recipient alone gets the mail, once', async () => {
  const d = await submitted('Mật ong chuyển tỉnh');
  let v = (await ok(w, 'PUT', `/dossiers/${d.id}/commune-review`, w.commune, { items: REVIEW, conclusion: 'Đề nghị đánh giá', signer: 'Giàng A Xã', version: d.version })).version;
  v = (await ok(w, 'POST', `/dossiers/${d.id}/forward`, w.commune, { version: v })).version;
  const [officer, producer, other] = [await emailOf(w.province), await emailOf(w.entity), await emailOf(colleague)];
  failOnce.add(other);
  assert.equal(await worker.drain(), 1);
  const [event] = await query<{ id: string; processed_at: string | null; last_error: string; wait: number }>(t.database.db, sql`
    SELECT id, processed_at, last_error, extract(epoch FROM next_attempt_at - now())::float AS wait FROM outbox WHERE event = 'dossier.forwarded' ORDER BY id DESC LIMIT 1`);
  assert.equal(event.processed_at, null);
  assert.match(event.last_error, /SMTP 451/);
  assert.ok(event.wait > 5, `retried after a backoff (${event.wait} s)`);
  assert.equal(await worker.drain(), 0, 'not due before its backoff');
  const count = async (a: string) => (await mailsTo(a)).filter((m) => m.subject.includes(d.number)).length;
  assert.deepEqual([await count(officer), await count(producer), await count(other)], [1, 1, 0]);

  await t.database.db.execute(sql`UPDATE outbox SET next_attempt_at = now() WHERE id = ${event.id}`); // the backoff has passed
  assert.equal(await worker.drain(), 1);
  assert.deepEqual([await count(officer), await count(producer), await count(other)], [1, 1, 1], 'each person exactly once');
  const [officerNotes, producerNotes] = [await ofKind(w.province, 'dossier_forwarded'), await ofKind(w.entity, 'dossier_forwarded')];
  assert.equal(officerNotes.filter((n) => n.link === `/ho-so/${d.id}`).length, 1);
  assert.match(officerNotes[0].title.vi, /chờ tiếp nhận/, 'the office is told what to do');
  assert.equal(producerNotes.filter((n) => n.link === `/ho-so/${d.id}`).length, 1);

  // Accepted next: the producer switched e-mail off for this kind, the colleague switched the app off.
  const prefs = await t.call({ method: 'PUT', url: '/api/v1/notifications/preferences', as: w.entity, body: { items: [{ kind: 'dossier_accepted', email: false, app: true }] } });
  assert.equal(prefs.statusCode, 200, prefs.body);
  assert.deepEqual(prefs.json().items.find((p: { kind: string }) => p.kind === 'dossier_accepted'), { kind: 'dossier_accepted', email: false, app: true });
  await ok(w, 'PUT', '/notifications/preferences', colleague, { items: [{ kind: 'dossier_accepted', email: true, app: false }] });
  await ok(w, 'POST', `/dossiers/${d.id}/accept`, w.province, { version: v });
  await drain();
  const accepted = async (a: string) => (await mailsTo(a)).filter((m) => m.subject.includes(d.number)).length;
  assert.equal(await accepted(producer), 1, 'no new e-mail to the producer (only the forwarding one)');
  assert.equal(await accepted(other), 2, 'the colleague gets the e-mail');
  assert.equal((await ofKind(w.entity, 'dossier_accepted')).length, 1);
  assert.equal((await ofKind(colleague, 'dossier_accepted')).length, 0);
});

test('preferences: every kind listed, on by default; an unknown kind or field is a 400 problem and changes nothing', async () => {
  const s = await t.user('province', { provinceCode: '08' });
  const got = (await t.call({ url: '/api/v1/notifications/preferences', as: s })).json();
  assert.equal(got.items.length, 13);
  assert.ok(got.items.every((p: { email: boolean; app: boolean }) => p.email && p.app));
  const bad = await t.call({ method: 'PUT', url: '/api/v1/notifications/preferences', as: s, body: { items: [{ kind: 'dossier_accepted', email: false, app: false }, { kind: 'weather', email: false, app: false }] } });
  assertProblem(bad, 400, undefined, 'items.1.kind');
  assertProblem(await t.call({ method: 'PUT', url: '/api/v1/notifications/preferences', as: s, body: { items: [{ kind: 'dossier_accepted', email: false, app: false, sms: true }] } }), 400);
  assertProblem(await t.call({ method: 'PUT', url: '/api/v1/notifications/preferences', as: s, body: { items: 'all' } }), 400);
  const after_ = (await t.call({ url: '/api/v1/notifications/preferences', as: s })).json();
  assert.deepEqual(after_, got, 'nothing half-written');
  assertProblem(await t.call({ url: '/api/v1/notifications/preferences' }), 401);
});

test('another person can neither read nor mark someone\'s notification; read, read-all, unread count and pages', async () => {
  const mine = await inbox(w.entity, '?limit=100');
  assert.ok(mine.items.length >= 3);
  const target = mine.items[0];
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/notifications/${target.id}/read`, as: colleague }), 404, 'notification_not_found');
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/notifications/${target.id}/read`, as: w.commune }), 404);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/notifications/${target.id}/read` }), 401);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/notifications/not-a-uuid/read', as: w.entity }), 400);
  assert.ok(!(await inbox(colleague, '?limit=100')).items.some((n) => n.id === target.id));
  assert.equal((await inbox(w.entity)).items.find((n) => n.id === target.id)?.readAt, null, 'still unread');

  const unread = async (s: Session) => (await t.call({ url: '/api/v1/notifications/unread-count', as: s })).json().unread as number;
  const before_ = await unread(w.entity);
  assert.equal(before_, mine.unread);
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/notifications/${target.id}/read`, as: w.entity })).statusCode, 204);
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/notifications/${target.id}/read`, as: w.entity })).statusCode, 204, 'twice is fine');
  assert.equal(await unread(w.entity), before_ - 1);
  const colleagueUnread = await unread(colleague);
  assert.equal((await t.call({ method: 'POST', url: '/api/v1/notifications/read-all', as: w.entity })).statusCode, 204);
  assert.equal(await unread(w.entity), 0);
  assert.equal(await unread(colleague), colleagueUnread, 'read-all marks only the caller\'s');

  // Pages of one walk the whole list, newest first, without a repeat.
  const walked: string[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const page = await inbox(w.entity, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
    assert.ok(page.items.length <= 1);
    walked.push(...page.items.map((n) => n.id));
    cursor = page.nextCursor;
  }
  assert.deepEqual(walked, mine.items.map((n) => n.id));
  assertProblem(await t.call({ url: '/api/v1/notifications?cursor=bm90LWEtY3Vyc29y', as: w.entity }), 400, 'invalid_cursor', 'cursor');
  assertProblem(await t.call({ url: '/api/v1/notifications?limit=1000', as: w.entity }), 400);
});

test('the re-rating job enqueues each reminder once per certificate and window; the members are told', async () => {
  const provinceActor: UserActor = { kind: 'user', id: w.province.user.id, role: 'province', provinceCode: '08', communeCode: null, entityId: null, via: 'session' };
  const on = <T>(day: string, fn: (ctx: Ctx) => Promise<T>) =>
    t.database.db.transaction((tx) => fn({ actor: provinceActor, tx, log: console as never, now: new Date(`${day}T05:00:00Z`) }));
  // Expires in 170 days: inside the window (opens 180 days before, closes 120 days before).
  const productId = await newProduct(w, 'Mật ong đánh giá lại');
  const issuedOn = addMonths(addDays(today(), 170), -36);
  const cert = await on(today(), (ctx) => issueCertificate(ctx, { productId, stars: 4, kind: 'first', decisionNumber: '1234/QĐ-UBND', decidedOn: issuedOn, issuedOn }));
  await drain(); // the certificate.issued notice
  assert.equal((await ofKind(w.entity, 'certificate_issued')).filter((n) => n.body.vi.includes(cert.number)).length, 1);

  const events = async (stage: string) => (await query<{ n: number }>(t.database.db, sql`
    SELECT count(*)::int AS n FROM outbox WHERE event = 'certificate.rerating_window' AND payload->>'certificateId' = ${cert.id} AND payload->>'stage' = ${stage}`))[0].n;
  const before_ = addDays(cert.expiresOn, -181);
  assert.equal((await on(before_, remindReRating)).opening >= 0, true);
  assert.equal(await events('opening'), 0, 'nothing before the window opens');
  await on(today(), remindReRating);
  await on(today(), remindReRating);
  await on(addDays(today(), 1), remindReRating);
  assert.equal(await events('opening'), 1, 'opening: once, however often the job runs');
  assert.equal(await events('closing'), 0);
  const closingDay = addDays(cert.expiresOn, -(120 + CLOSING_NOTICE_DAYS));
  await on(addDays(closingDay, -1), remindReRating);
  assert.equal(await events('closing'), 0, 'not before the closing notice is due');
  await on(closingDay, remindReRating);
  await on(addDays(closingDay, 3), remindReRating);
  assert.equal(await events('closing'), 1, 'closing: once');
  assert.equal(await events('opening'), 1);

  await drain();
  for (const kind of ['rerating_window_opening', 'rerating_window_closing']) {
    for (const s of [w.entity, colleague]) {
      const notes = (await ofKind(s, kind)).filter((n) => n.body.vi.includes(cert.number));
      assert.equal(notes.length, 1, `${kind}: one notice`);
      assert.equal(notes[0].link, `/lam-viec/san-pham/${productId}`);
    }
  }
});

test('an entity approved or refused, a certificate revoked: the entity\'s members are told, with the reason', async () => {
  const yes = await signUp(t, MEO_VAC);
  const no = await signUp(t, MEO_VAC);
  for (const [s, action, body] of [[yes, 'approve', {}], [no, 'refuse', { reason: 'Giấy đăng ký kinh doanh không khớp' }]] as const) {
    const e = await ok(w, 'GET', `/entities/${s.entityId}`, w.commune);
    await ok(w, 'POST', `/entities/${s.entityId}/${action}`, w.commune, { ...body, version: e.version });
  }
  await drain();
  assert.equal((await ofKind(yes.session, 'entity_approved')).length, 1);
  const refused = await ofKind(no.session, 'entity_refused');
  assert.equal(refused.length, 1);
  assert.match(refused[0].body.vi, /Giấy đăng ký kinh doanh không khớp/);
  assert.equal((await mailsTo(no.email)).filter((m) => /không được duyệt/.test(m.subject)).length, 1);

  const provinceActor: UserActor = { kind: 'user', id: w.province.user.id, role: 'province', provinceCode: '08', communeCode: null, entityId: null, via: 'session' };
  const productId = await newProduct(w, 'Mật ong thu hồi');
  const cert = await t.database.db.transaction((tx) => issueCertificate({ actor: provinceActor, tx, log: console as never, now: new Date() },
    { productId, stars: 3, kind: 'first', decisionNumber: '55/QĐ-UBND', decidedOn: today() }));
  const revoked = await t.call({ method: 'POST', url: `/api/v1/certificates/${cert.number}/revoke`, as: w.province, body: { ground: 'c', decisionNumber: '56/QĐ-UBND', decidedOn: today(), groundFoundOn: today() } });
  assert.equal(revoked.statusCode, 200, revoked.body);
  await drain();
  for (const s of [w.entity, colleague]) {
    const notes = (await ofKind(s, 'certificate_revoked')).filter((n) => n.title.vi.includes(cert.number));
    assert.equal(notes.length, 1);
    assert.equal(notes[0].link, `/xac-minh/${encodeURIComponent(cert.number)}`);
  }
});

test('a session scheduled: every member of the council is told; a re-score request reaches the member asked, alone', async () => {
  const council = await provincialCouncil(w, 2);
  const d = await dossierAtAdvisory(w, answersAround(75), 'Mật ong phiên họp');
  const s = await openSessionWith(w, council, [d.id]);
  await drain();
  for (const m of [...council.all, council.secretary, council.advisory]) {
    const notes = (await ofKind(m, 'session_scheduled')).filter((n) => n.link === `/phien-hop/${s.id}`);
    assert.equal(notes.length, 1);
    assert.match(notes[0].body.vi, /Phiên họp đợt 1.*Sở Nông nghiệp và Môi trường/);
  }
  const [asked, other] = council.members;
  const itemId = s.items[0].id as string;
  for (const m of council.members) await submitScore(w, s.id, itemId, m, answersAround(75));
  await ok(w, 'POST', `/sessions/${s.id}/items/${itemId}/rescore`, council.chair, { members: [asked.user.id], reason: 'Thảo luận lại tiêu chí 4.1' });
  await drain();
  const notes = await ofKind(asked, 'rescore_requested');
  assert.equal(notes.length, 1);
  assert.equal(notes[0].link, `/phien-hop/${s.id}/${itemId}`);
  assert.match(notes[0].body.vi, /vòng 2.*Thảo luận lại tiêu chí 4\.1/);
  assert.equal((await ofKind(other, 'rescore_requested')).length, 0);
  assert.equal((await ofKind(council.chair, 'rescore_requested')).length, 0);
});

test('a dossier sent to the central council: the entity hears the decision, the Ministry\'s office that it awaits its council', async () => {
  const d = await submitted('Mật ong năm sao');
  // The decision itself needs a council's result (dossiers.test.ts walks that path); its event is what matters here.
  await t.database.db.transaction((tx) => enqueue(tx, 'dossier.decided', { dossierId: d.id, outcome: 'sent_to_central', stars: 5 }));
  await drain();
  const [mine] = (await ofKind(w.entity, 'dossier_decided')).filter((n) => n.link === `/ho-so/${d.id}`);
  assert.match(mine.body.vi, /Hội đồng Trung ương/);
  const [central] = (await ofKind(w.central, 'dossier_decided')).filter((n) => n.link === `/ho-so/${d.id}`);
  assert.match(central.title.vi, /đề nghị đánh giá 5 sao/);
  assert.equal((await ofKind(w.province, 'dossier_decided')).length, 0);
});

test('the development mailbox: only without SMTP, outside production, from the machine itself', async () => {
  assert.equal((await t.call({ url: '/api/v1/dev/mailbox' })).statusCode, 200);
  const remote = await t.app.inject({ url: '/api/v1/dev/mailbox', remoteAddress: '10.1.2.3' });
  assert.equal(remote.statusCode, 404);
  assertProblem(await t.call({ url: '/api/v1/dev/mailbox/khong-co-thu' }), 404);
  assertProblem(await t.call({ url: '/api/v1/dev/mailbox/..%2F..%2Fetc%2Fpasswd' }), 400);
  // Decided when the routes are registered (a second server here would cost seconds).
  assert.equal(devMailboxEnabled({ smtpUrl: 'smtp://mail.example.vn:587' }, {}), false);
  assert.equal(devMailboxEnabled({}, { NODE_ENV: 'production' }), false);
  assert.equal(devMailboxEnabled({}, { NODE_ENV: 'development' }), true);
});
