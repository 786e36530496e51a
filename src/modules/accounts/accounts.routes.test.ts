import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { DONG_VAN, entityBody, MEO_VAC, PASSWORD, TAN_CUONG, testApp, type TestApp } from '../../../test/harness.js';
import { assertProblem, counts, unique } from '../../../test/api-helpers.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

/** Creates an officer as central through the API, returning its id and e-mail. */
async function officer(body: Record<string, unknown>) {
  const central = await t.user('central');
  const email = `${unique('o')}@test.ocop.vn`;
  const res = await t.call({ method: 'POST', url: '/api/v1/users', as: central, body: { email, fullName: 'Cán bộ thử', password: PASSWORD, ...body } });
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.json().id as string, email };
}

test('login sets an HttpOnly SameSite=Lax cookie and returns the user and a CSRF token', async () => {
  const { email } = await officer({ role: 'province', provinceCode: '08' });
  const res = await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email: email.toUpperCase(), password: PASSWORD } });
  assert.equal(res.statusCode, 200);
  const cookie = res.cookies.find((c) => c.name === 'ocop_session')!;
  assert.ok(cookie.value.length >= 32);
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(cookie.path, '/');
  const body = res.json();
  assert.equal(body.user.email, email);
  assert.equal(body.user.provinceCode, '08');
  assert.ok(body.csrfToken.length >= 20);
  assert.equal(body.user.passwordHash, undefined);
});

test('wrong password → 401 problem+json; unknown e-mail the same', async () => {
  const { email } = await officer({ role: 'central' });
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email, password: 'sai mat khau roi' } }), 401, 'invalid_credentials');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email: 'khong.co@test.ocop.vn', password: PASSWORD } }), 401, 'invalid_credentials');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email, password: PASSWORD, remember: true } }), 400, 'validation_failed', 'remember');
});

test('a write with the session cookie but without or with a wrong x-csrf-token → 403, nothing written', async () => {
  const s = await t.user('commune', { communeCode: MEO_VAC });
  const before_ = await counts(t);
  for (const token of [undefined, 'sai-ma-csrf']) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'thử' }, headers: { cookie: s.cookie, ...(token ? { 'x-csrf-token': token } : {}) } });
    assertProblem(res as never, 403, 'csrf_token_invalid');
  }
  assert.deepEqual(await counts(t), before_);
  // Reads need no token.
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().csrfToken, s.csrf);
});

test('a Bearer API token works without CSRF and acts as its user', async () => {
  const s = await t.user('commune', { communeCode: MEO_VAC });
  const created = await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: s, body: { name: 'Máy chủ tích hợp' } });
  assert.equal(created.statusCode, 201);
  const { token } = created.json();
  assert.match(token, /^ocop_/);
  const bearer = { authorization: `Bearer ${token}` };
  const me = await t.call({ url: '/api/v1/auth/me', headers: bearer });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().user.id, s.user.id);
  const res = await t.call({ method: 'POST', url: '/api/v1/entities', headers: bearer, body: entityBody(MEO_VAC) });
  assert.equal(res.statusCode, 201, res.body);
  // The token is stored only as a hash.
  const rows = await query<{ token_hash: string }>(t.database.db, sql`SELECT token_hash FROM api_token WHERE user_id = ${s.user.id}`);
  assert.equal(rows.length, 1);
  assert.notEqual(rows[0].token_hash, token);
  assertProblem(await t.call({ url: '/api/v1/auth/me', headers: { authorization: 'Bearer ocop_not-a-token' } }), 401, 'invalid_token');
  // Creating a token is in the audit trail.
  const audit = await query<{ action: string; actor_id: string }>(t.database.db, sql`SELECT action, actor_id FROM audit_log WHERE record_id = ${s.user.id} AND action = 'user.token.create'`);
  assert.equal(audit.length, 1);
  assert.equal(audit[0].actor_id, s.user.id);
});

test('5 failed logins lock the account; locked, it answers exactly like a wrong password, even to the right one', async () => {
  const { email } = await officer({ role: 'commune', communeCode: DONG_VAN });
  for (let i = 0; i < 5; i++) assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email, password: `sai mat khau ${i}` } }), 401, 'invalid_credentials');
  const locked = await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email, password: PASSWORD } });
  assertProblem(locked, 401, 'invalid_credentials');
  const unknown = await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email: 'khong.ai.ca@test.ocop.vn', password: PASSWORD } });
  assert.deepEqual(locked.json(), unknown.json(), 'a locked account and an unknown e-mail get the same body');
  // Another account from the same address is not affected.
  const other = await officer({ role: 'commune', communeCode: DONG_VAN });
  assert.equal((await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email: other.email, password: PASSWORD } })).statusCode, 200);
});

test('many people log in from one address within a minute (one office network)', async () => {
  const emails = [];
  for (let i = 0; i < 22; i++) emails.push((await officer({ role: 'inspector', provinceCode: '08' })).email);
  for (const email of emails) assert.equal((await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email, password: PASSWORD } })).statusCode, 200, email);
});

test('/auth/me is 401 when logged out; logout ends the session', async () => {
  assertProblem(await t.call({ url: '/api/v1/auth/me' }), 401, 'login_required');
  const s = await t.user('province', { provinceCode: '08' });
  assert.equal((await t.call({ url: '/api/v1/auth/me', as: s })).statusCode, 200);
  const out = await t.call({ method: 'POST', url: '/api/v1/auth/logout', as: s });
  assert.equal(out.statusCode, 204);
  assert.ok(out.cookies.some((c) => c.name === 'ocop_session' && c.value === ''));
  // The old cookie no longer opens anything.
  assertProblem(await t.call({ url: '/api/v1/auth/me', as: s }), 401, 'login_required');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/entities', as: s, body: entityBody(MEO_VAC) }), 401, 'login_required');
});

test('deactivation by central ends sessions and tokens; the user cannot log in again; audited', async () => {
  const central = await t.user('central');
  const { id, email } = await officer({ role: 'commune', communeCode: MEO_VAC });
  const s = await t.login(email);
  const { token } = (await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: s, body: { name: 'tích hợp' } })).json();
  const res = await t.call({ method: 'POST', url: `/api/v1/users/${id}/deactivate`, as: central });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().active, false);
  assertProblem(await t.call({ url: '/api/v1/auth/me', as: s }), 401);
  assertProblem(await t.call({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } }), 401, 'invalid_token');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email, password: PASSWORD } }), 401, 'invalid_credentials');
  const [row] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM app_user WHERE id = ${id}`);
  assert.equal(Number(row.n), 1, 'never deleted');
  const [audit] = await query<{ actor_id: string; before: { active: boolean }; after: { active: boolean } }>(t.database.db, sql`SELECT actor_id, before, after FROM audit_log WHERE record_id = ${id} AND action = 'user.deactivate'`);
  assert.equal(audit.actor_id, central.user.id);
  assert.equal(audit.before.active, true);
  assert.equal(audit.after.active, false);
});

test('the province office deactivates its own officers, not another province\'s nor a central officer', async () => {
  const province = await t.user('province', { provinceCode: '08' });
  const own = await officer({ role: 'commune', communeCode: MEO_VAC });
  const elsewhere = await officer({ role: 'commune', communeCode: TAN_CUONG });
  const centralOfficer = await officer({ role: 'central' });
  const before_ = await counts(t);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/users/${elsewhere.id}/deactivate`, as: province }), 403);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/users/${centralOfficer.id}/deactivate`, as: province }), 403);
  assert.deepEqual(await counts(t), before_);
  assert.equal((await t.login(elsewhere.email)).user.id, elsewhere.id, 'still active');
  const ok = await t.call({ method: 'POST', url: `/api/v1/users/${own.id}/deactivate`, as: province });
  assert.equal(ok.statusCode, 200);
  // Entity members and commune officers cannot deactivate anyone.
  const commune = await t.user('commune', { communeCode: MEO_VAC });
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/users/${elsewhere.id}/deactivate`, as: commune }), 403);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/users/${province.user.id}/deactivate`, as: province }), 409, 'cannot_deactivate_self');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users/00000000-0000-4000-8000-000000000000/deactivate', as: province }), 404, 'user_not_found');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users/123/deactivate', as: province }), 400, 'validation_failed', 'params.id');
});

test('passwords are stored as scrypt hashes, never plain', async () => {
  const { id } = await officer({ role: 'advisory', provinceCode: '19' });
  const [row] = await query<{ password_hash: string }>(t.database.db, sql`SELECT password_hash FROM app_user WHERE id = ${id}`);
  assert.match(row.password_hash, /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  assert.ok(!row.password_hash.includes(PASSWORD));
  const [dump] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM app_user WHERE password_hash LIKE ${'%' + PASSWORD + '%'}`);
  assert.equal(Number(dump.n), 0);
});

test('creating officers: scope required, out-of-scope refused, bad input 4xx, nothing written', async () => {
  const province = await t.user('province', { provinceCode: '08' });
  const before_ = await counts(t);
  const base = { fullName: 'Cán bộ', password: PASSWORD };
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users', as: province, body: { ...base, email: `${unique()}@t.vn`, role: 'commune', communeCode: TAN_CUONG } }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users', as: province, body: { ...base, email: `${unique()}@t.vn`, role: 'central' } }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users', as: province, body: { ...base, email: `${unique()}@t.vn`, role: 'commune' } }), 400, 'scope_required', 'communeCode');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users', as: province, body: { ...base, email: `${unique()}@t.vn`, role: 'commune', communeCode: '99999' } }), 400, 'unknown_commune', 'communeCode');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users', as: province, body: { ...base, email: 'khong-phai-email', role: 'inspector', provinceCode: '08' } }), 400, 'validation_failed', 'email');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users', as: province, body: { ...base, email: `${unique()}@t.vn`, role: 'entity', provinceCode: '08' } }), 400, 'validation_failed', 'role');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users', as: province, body: { ...base, password: 'ngan', email: `${unique()}@t.vn`, role: 'inspector', provinceCode: '08' } }), 400, 'validation_failed', 'password');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users', as: province, body: { ...base, email: `${unique()}@t.vn`, role: 'inspector', provinceCode: '08', isAdmin: true } }), 400, 'validation_failed', 'isAdmin');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users', body: { ...base, email: `${unique()}@t.vn`, role: 'central' } }), 401, 'login_required');
  assert.deepEqual(await counts(t), before_);
  const dup = await officer({ role: 'inspector', provinceCode: '08' });
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/users', as: province, body: { ...base, email: dup.email.toUpperCase(), role: 'inspector', provinceCode: '08' } }), 409, 'email_taken', 'email');
});

test('the user list is scoped: a province office sees only its province', async () => {
  const province = await t.user('province', { provinceCode: '19' });
  await officer({ role: 'commune', communeCode: MEO_VAC });
  const res = await t.call({ url: '/api/v1/users?pageSize=200', as: province });
  assert.equal(res.statusCode, 200);
  assert.ok(res.json().items.every((u: { provinceCode: string | null }) => u.provinceCode === '19'));
  assertProblem(await t.call({ url: '/api/v1/users', as: await t.user('commune', { communeCode: MEO_VAC }) }), 403);
  assertProblem(await t.call({ url: '/api/v1/users?role=king', as: province }), 400, 'validation_failed', 'querystring.role');
});

test('the user list goes on by cursor: every account once, by e-mail, as numbered pages; a bad cursor is a 400', async () => {
  const central = await t.user('central');
  for (let i = 0; i < 5; i++) await t.user('inspector', { provinceCode: '12' });
  const url = '/api/v1/users?province=12&pageSize=2';
  const pages: string[] = [];
  for (let page = 1; ; page++) {
    const items = (await t.call({ url: `${url}&page=${page}`, as: central })).json().items as { email: string }[];
    pages.push(...items.map((u) => u.email));
    if (items.length < 2) break;
  }
  const walked: string[] = [];
  let next: string | null = url;
  while (next) {
    const res = await t.call({ url: next, as: central });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    walked.push(...body.items.map((u: { email: string }) => u.email));
    assert.deepEqual([body.total, body.totalExact], [pages.length, true]);
    next = body.nextCursor ? /^<([^>]+)>; rel="next"$/.exec(String(res.headers.link))![1] : null;
  }
  assert.equal(pages.length, 5);
  assert.deepEqual(walked, pages);
  assertProblem(await t.call({ url: '/api/v1/users?cursor=abc', as: central }), 400, 'invalid_cursor', 'querystring.cursor');
});
