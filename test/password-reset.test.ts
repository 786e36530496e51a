// Password reset by e-mail across accounts (the token, the routes) and notifications (the e-mail): request → an .eml
// file with a link → confirm → the old password, sessions and tokens are dead, the link works once and expires.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../src/app/db.js';
import { OutboxWorker } from '../src/app/outbox.js';
import { createMailTransport, mailHandlers } from '../src/modules/notifications/index.js';
import { PASSWORD, testApp, type TestApp } from './harness.js';
import { assertProblem } from './api-helpers.js';

let t: TestApp;
let outbox: OutboxWorker;
before(async () => {
  t = await testApp();
  const mail = mailHandlers(createMailTransport({ dataDir: t.config.dataDir, from: 'OCOP <no-reply@ocop.local>' }), 'https://ocop.example.vn');
  outbox = new OutboxWorker(t.database.db, t.app.log).on('password.reset_requested', mail.passwordReset).on('invitation.created', mail.invitation);
});
after(() => t.close());

const mailDir = () => join(t.config.dataDir, 'mail');
/** The mails written so far, decoded from quoted-printable. */
function mails(): string[] {
  let files: string[] = [];
  try { files = readdirSync(mailDir()).filter((f) => f.endsWith('.eml')).sort(); } catch { return []; }
  return files.map((f) => {
    const raw = readFileSync(join(mailDir(), f), 'utf8').replace(/=\r?\n/g, '');
    return Buffer.from(raw.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  });
}
const tokenIn = (mail: string) => /dat-lai-mat-khau#token=([A-Za-z0-9_%-]+)/.exec(mail)?.[1];

async function emailOf(id: string) {
  const [row] = await query<{ email: string }>(t.database.db, sql`SELECT email FROM app_user WHERE id = ${id}`);
  return row.email;
}
async function requestReset(email: string) {
  const res = await t.call({ method: 'POST', url: '/api/v1/auth/password-reset', body: { email } });
  assert.equal(res.statusCode, 202, res.body);
  return res;
}

test('request → .eml with a link → confirm: old password, sessions and API tokens dead, the new password works, the link works once', async () => {
  const s = await t.user('province', { provinceCode: '08' });
  const email = await emailOf(s.user.id);
  const { token: apiToken } = (await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: s, body: { name: 'tích hợp' } })).json();
  const before_ = mails().length;
  const known = await requestReset(email.toUpperCase());
  const unknown = await requestReset('khong.co.tai.khoan@test.ocop.vn');
  assert.deepEqual(known.json(), unknown.json(), 'the same answer whether or not the e-mail has an account');
  assert.equal(await outbox.drain(), 1, 'one e-mail: only the real account gets one');
  const sent = mails().slice(before_);
  assert.equal(sent.length, 1);
  assert.match(sent[0], new RegExp(`^To: ${email}`, 'mi'));
  assert.match(sent[0], /Đặt lại mật khẩu OCOP|=\?UTF-8\?/);
  assert.match(sent[0], /Xin chào Người thử province/);
  assert.match(sent[0], /Hello Người thử province/);
  const token = decodeURIComponent(tokenIn(sent[0])!);
  assert.ok(token.length >= 40);
  // Only the token's hash is stored.
  const stored = await query<{ token_hash: string }>(t.database.db, sql`SELECT token_hash FROM password_reset`);
  assert.ok(stored.every((r) => r.token_hash !== token && !r.token_hash.includes(token)));

  // A weak password is refused with the field path, and does not use up the link.
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', body: { token, password: 'Matkhau@2026' } }), 400, 'password_too_common', 'password');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', body: { token, password: 'ngan' } }), 400, 'validation_failed', 'password');
  const newPassword = 'chè Tân Cương thơm ngon';
  const done = await t.call({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', body: { token, password: newPassword } });
  assert.equal(done.statusCode, 204, done.body);

  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email, password: PASSWORD } }), 401, 'invalid_credentials');
  assert.equal((await t.login(email, newPassword)).user.id, s.user.id);
  assertProblem(await t.call({ url: '/api/v1/auth/me', as: s }), 401, 'login_required');
  assertProblem(await t.call({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${apiToken}` } }), 401, 'invalid_token');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', body: { token, password: 'một mật khẩu khác hẳn' } }), 400, 'reset_token_invalid', 'token');
  const audit = await query<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE record_id = ${s.user.id} AND action LIKE 'user.password_reset%' ORDER BY id`);
  assert.deepEqual(audit.map((a) => a.action), ['user.password_reset.request', 'user.password_reset']);
  const [row] = await query<{ before: unknown; after: unknown }>(t.database.db, sql`SELECT before, after FROM audit_log WHERE record_id = ${s.user.id} AND action = 'user.password_reset'`);
  assert.ok(!JSON.stringify(row).includes(newPassword) && !JSON.stringify(row).includes('scrypt'));
});

test('an expired link is refused; using one link kills the others; a locked account can reset', async () => {
  const s = await t.user('commune', { communeCode: '00769' });
  const email = await emailOf(s.user.id);
  for (let i = 0; i < 5; i++) await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email, password: `sai lan thu ${i}` } });
  const n = mails().length;
  await requestReset(email);
  await requestReset(email);
  await outbox.drain();
  const [first, second] = mails().slice(n).map((m) => decodeURIComponent(tokenIn(m)!));
  await t.database.db.execute(sql`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE token_hash = ${createHash('sha256').update(first).digest('hex')}`);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', body: { token: first, password: 'sông Lô chảy qua Tuyên Quang' } }), 400, 'reset_token_invalid', 'token');
  assert.equal((await t.call({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', body: { token: second, password: 'sông Lô chảy qua Tuyên Quang' } })).statusCode, 204);
  assert.equal((await t.login(email, 'sông Lô chảy qua Tuyên Quang')).user.id, s.user.id, 'the lockout is lifted by the reset');
  const [{ open }] = await query<{ open: number }>(t.database.db, sql`SELECT count(*)::int AS open FROM password_reset WHERE user_id = ${s.user.id} AND used_at IS NULL`);
  assert.equal(Number(open), 0);
});

test('reset requests are limited per e-mail (3 an hour) and refused for bad input without a trace', async () => {
  const email = `gioi.han.${Date.now()}@test.ocop.vn`;
  for (let i = 0; i < 3; i++) await requestReset(email);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/password-reset', body: { email } }), 429, 'rate_limited');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/password-reset', body: { email: 'khong-phai-email' } }), 400, 'validation_failed', 'email');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/password-reset', body: { email, extra: 1 } }), 400, 'validation_failed', 'extra');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', body: { token: 'x'.repeat(43), password: PASSWORD } }), 400, 'reset_token_invalid', 'token');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', body: { token: 'x', password: PASSWORD } }), 400, 'validation_failed', 'token');
});

test('an invitation is mailed through the same transport', async () => {
  const officer = await t.user('central');
  const entity = (await t.call({ method: 'POST', url: '/api/v1/entities', as: officer, body: (await import('./harness.js')).entityBody('00769') })).json();
  const member = await t.user('entity', { entityId: entity.id, communeCode: '00769' });
  const n = mails().length;
  const invited = `moi.${Date.now()}@test.ocop.vn`;
  const inv = await t.call({ method: 'POST', url: `/api/v1/entities/${entity.id}/invitations`, as: member, body: { email: invited } });
  assert.equal(inv.statusCode, 201, inv.body);
  await outbox.drain();
  const [mail] = mails().slice(n);
  assert.match(mail, new RegExp(`^To: ${invited}`, 'mi'));
  assert.match(mail, /nhan-loi-moi#token=/);
  assert.match(mail, /HTX Mật ong bạc hà Mèo Vạc/);
});
