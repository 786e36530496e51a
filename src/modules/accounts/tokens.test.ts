// API tokens: named, expiring (90 days unless asked, at most 365), listed and revoked by their owner; a token cannot
// mint tokens.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { testApp, type TestApp } from '../../../test/harness.js';
import { assertProblem, counts } from '../../../test/api-helpers.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

const DAY = 86_400_000;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test('a token has a name and an expiry: 90 days by default, as asked up to 365, never more', async () => {
  const s = await t.user('province', { provinceCode: '08' });
  const plain = (await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: s, body: { name: 'Cổng dữ liệu tỉnh' } })).json();
  assert.equal(plain.name, 'Cổng dữ liệu tỉnh');
  assert.ok(Math.abs(Date.parse(plain.expiresAt) - Date.parse(plain.createdAt) - 90 * DAY) < 5000);
  const year = await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: s, body: { name: 'một năm', days: 365 } });
  assert.equal(year.statusCode, 201);
  assert.ok(Math.abs(Date.parse(year.json().expiresAt) - Date.parse(year.json().createdAt) - 365 * DAY) < 5000);
  for (const days of [366, 0, -1, 1.5, '30']) {
    assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: s, body: { name: 'quá hạn', days } as never }), 400, 'validation_failed', 'days');
  }
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: s, body: { name: '   ' } }), 400, 'validation_failed', 'name');
});

test('the owner lists tokens (never the secret) and revokes one; a revoked or expired token is refused', async () => {
  const s = await t.user('commune', { communeCode: '00769' });
  const a = (await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: s, body: { name: 'máy A' } })).json();
  const b = (await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: s, body: { name: 'máy B' } })).json();
  const c = (await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: s, body: { name: 'máy C' } })).json();
  for (const x of [a, b, c]) assert.equal((await t.call({ url: '/api/v1/auth/me', headers: bearer(x.token) })).statusCode, 200);

  const revoked = await t.call({ method: 'DELETE', url: `/api/v1/auth/tokens/${a.id}`, as: s });
  assert.equal(revoked.statusCode, 204, revoked.body);
  assertProblem(await t.call({ url: '/api/v1/auth/me', headers: bearer(a.token) }), 401, 'invalid_token');
  assert.equal((await t.call({ method: 'DELETE', url: `/api/v1/auth/tokens/${a.id}`, as: s })).statusCode, 204, 'revoking twice is harmless');

  await t.database.db.execute(sql`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ${b.id}`);
  assertProblem(await t.call({ url: '/api/v1/auth/me', headers: bearer(b.token) }), 401, 'invalid_token');

  const list = await t.call({ url: '/api/v1/auth/tokens', as: s });
  assert.equal(list.statusCode, 200);
  const byName = Object.fromEntries(list.json().items.map((x: { name: string; status: string }) => [x.name, x.status]));
  assert.deepEqual(byName, { 'máy A': 'revoked', 'máy B': 'expired', 'máy C': 'active' });
  for (const x of [a, b, c]) assert.ok(!list.body.includes(x.token), 'the list never shows a token');
  // A token may list and revoke (a machine retiring its own credential).
  assert.equal((await t.call({ url: '/api/v1/auth/tokens', headers: bearer(c.token) })).json().items.length, 3);
  const [audit] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE record_id = ${s.user.id} AND action = 'user.token.revoke'`);
  assert.equal(Number(audit.n), 1);
});

test('a token cannot mint tokens (403), nor touch another user\'s tokens (404)', async () => {
  const s = await t.user('commune', { communeCode: '00769' });
  const other = await t.user('commune', { communeCode: '00769' });
  const mine = (await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: s, body: { name: 'máy' } })).json();
  const theirs = (await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: other, body: { name: 'máy khác' } })).json();
  const before_ = await counts(t);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/tokens', headers: bearer(mine.token), body: { name: 'con' } }), 403, 'token_cannot_create_tokens');
  assertProblem(await t.call({ method: 'DELETE', url: `/api/v1/auth/tokens/${theirs.id}`, as: s }), 404, 'token_not_found');
  assertProblem(await t.call({ method: 'DELETE', url: `/api/v1/auth/tokens/${theirs.id}`, headers: bearer(mine.token) }), 404, 'token_not_found');
  assertProblem(await t.call({ method: 'DELETE', url: '/api/v1/auth/tokens/khong-phai-uuid', as: s }), 400, 'validation_failed', 'params.id');
  assert.deepEqual(await counts(t), before_);
  assert.equal((await t.call({ url: '/api/v1/auth/me', headers: bearer(theirs.token) })).statusCode, 200, 'still valid');
  assertProblem(await t.call({ url: '/api/v1/auth/tokens' }), 401);
});
