// Sign-up tells nobody whether an e-mail has an account (issue 8, item 3), and is limited per client address in the
// database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { entityBody, MEO_VAC, PASSWORD, testApp, type TestApp } from '../../../test/harness.js';
import { assertProblem, counts, unique } from '../../../test/api-helpers.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

const signup = (body: Record<string, unknown>, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: body, remoteAddress });
const body = (email: string, overrides: Record<string, unknown> = {}, entity: Record<string, unknown> = {}) =>
  ({ email, password: 'mật ong bạc hà Mèo Vạc', fullName: 'Sùng Thị Mỷ', entity: entityBody(MEO_VAC, entity), ...overrides });

async function existingEmail() {
  const s = await t.user('commune', { communeCode: MEO_VAC });
  const [row] = await query<{ email: string }>(t.database.db, sql`SELECT email FROM app_user WHERE id = ${s.user.id}`);
  return { email: row.email, id: s.user.id };
}
const outboxCount = async (event: string) => Number((await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM outbox WHERE event = ${event}`))[0].n);

test('a taken e-mail gets the same 202 as a new one; nothing is written; its owner is mailed', async () => {
  const { email, id } = await existingEmail();
  const fresh = await signup(body(`${unique('moi')}@test.ocop.vn`));
  assert.equal(fresh.statusCode, 202, fresh.body);
  const before_ = await counts(t);
  const mailed = await outboxCount('signup.email_taken');
  const taken = await signup(body(email.toUpperCase()));
  assert.equal(taken.statusCode, 202, taken.body);
  assert.deepEqual(taken.json(), fresh.json());
  assert.equal(taken.headers['content-type'], fresh.headers['content-type']);
  assert.deepEqual(await counts(t), before_, 'no account, entity or audit row for the taken e-mail');
  assert.equal(await outboxCount('signup.email_taken'), mailed + 1);
  const [event] = await query<{ payload: { userId: string } }>(t.database.db, sql`SELECT payload FROM outbox WHERE event = 'signup.email_taken' ORDER BY id DESC LIMIT 1`);
  assert.equal(event.payload.userId, id);
  assert.equal((await t.login(email, PASSWORD)).user.id, id, 'the owner\'s password is untouched');
});

test('a taken e-mail meets the same checks as a new one: the errors cannot tell them apart', async () => {
  const { email } = await existingEmail();
  const officer = await t.user('central');
  const other = (await t.call({ method: 'POST', url: '/api/v1/entities', as: officer, body: entityBody(MEO_VAC) })).json();
  const cases: [Record<string, unknown>, Record<string, unknown>, number, string][] = [
    [{}, { registrationNumber: other.registrationNumber }, 409, 'duplicate_registration_number'],
    [{ password: 'Matkhau@2026' }, {}, 400, 'password_too_common'],
    [{}, { communeCode: '99999' }, 400, ''],
  ];
  for (const [overrides, entity, status, code] of cases) {
    const a = await signup(body(`${unique('moi')}@test.ocop.vn`, overrides, entity));
    const b = await signup(body(email, overrides, entity));
    assert.equal(a.statusCode, status, a.body);
    assert.deepEqual(b.json(), a.json());
    if (code) assert.equal(a.json().code, code);
  }
});

test('sign-ups are limited per client address in the database (30 an hour), refused ones counted too', async () => {
  const address = '198.51.100.77';
  for (let i = 0; i < 30; i++) assert.equal((await signup(body(`${unique()}@t.vn`, {}, { communeCode: '99999' }), address)).statusCode, 400);
  const limited = await signup(body(`${unique()}@t.vn`), address);
  assertProblem(limited as never, 429, 'rate_limited');
  assert.ok(Number(limited.headers['retry-after']) > 0);
  assert.equal((await signup(body(`${unique()}@t.vn`), '198.51.100.78')).statusCode, 202, 'another address is not affected');
});
