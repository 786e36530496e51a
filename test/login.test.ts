// Login that cannot be brute-forced (issue 8, item 3): forged client addresses, parallel bursts, lockout shared
// through the database, and a locked account that looks exactly like a wrong password.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../src/app/db.js';
import { parseTrustedProxies } from '../src/app/config.js';
import { buildApp } from '../src/modules/index.js';
import { PASSWORD, testApp, type TestApp } from './harness.js';
import { assertProblem } from './api-helpers.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

async function account() {
  const s = await t.user('commune', { communeCode: '00769' });
  const [row] = await query<{ email: string }>(t.database.db, sql`SELECT email FROM app_user WHERE id = ${s.user.id}`);
  return row.email;
}
type Attempt = { email: string; password: string; xff?: string; remoteAddress?: string };
const attempt = (a: Attempt, app = t.app) => app.inject({
  method: 'POST', url: '/api/v1/auth/login', payload: { email: a.email, password: a.password },
  headers: a.xff ? { 'x-forwarded-for': a.xff } : {}, ...(a.remoteAddress ? { remoteAddress: a.remoteAddress } : {}),
});
const statuses = (rs: { statusCode: number }[]) => rs.reduce<Record<number, number>>((m, r) => ({ ...m, [r.statusCode]: (m[r.statusCode] ?? 0) + 1 }), {});

test('40 parallel guesses with a rotating X-Forwarded-For: the header is not believed, 429 after the budget, never a login', async () => {
  const email = await account();
  const guesses = Array.from({ length: 40 }, (_, i) => attempt({ email, password: i === 39 ? PASSWORD : `doan mat khau ${i}`, xff: `203.0.113.${i + 1}` }));
  const results = await Promise.all(guesses);
  const by = statuses(results);
  assert.equal(by[200], undefined, 'the right password inside the burst does not log in');
  assert.equal(by[429], 30, `10 attempts per address and e-mail, the other 30 refused: ${JSON.stringify(by)}`);
  assert.equal(by[401], 10);
  const limited = results.find((r) => r.statusCode === 429)!;
  assertProblem(limited as never, 429, 'rate_limited');
  assert.ok(Number(limited.headers['retry-after']) > 0 && Number(limited.headers['retry-after']) <= 900);
  // Exactly LOCKOUT.maxFailures attempts reached the account: it is locked, and the right password now fails too.
  const [row] = await query<{ failed_logins: number; locked: boolean }>(t.database.db, sql`SELECT failed_logins, locked_until > now() AS locked FROM app_user WHERE email = ${email}`);
  assert.equal(row.locked, true);
  assertProblem(await attempt({ email, password: PASSWORD, remoteAddress: '198.51.100.9' }) as never, 401, 'invalid_credentials');
});

test('only configured proxies are believed: behind one, each client address has its own budget', async () => {
  assert.deepEqual(parseTrustedProxies(' 10.0.0.5, 10.1.0.0/16 ,::1,fd00::/8'), ['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8']);
  for (const bad of ['10.0.0', '10.0.0.0/33', 'proxy.local', '10.0.0.1/8/2', '::1/129']) assert.throws(() => parseTrustedProxies(bad), /OCOP_TRUSTED_PROXIES/);
  const proxied = await testApp({ trustedProxies: ['127.0.0.1'] });
  try {
    const email = 'khong.ton.tai@test.ocop.vn';
    const spend = async (app: TestApp, xff: string) => statuses(await Promise.all(Array.from({ length: 11 }, (_, i) => attempt({ email, password: `sai ${i}`, xff }, app.app))));
    assert.deepEqual(await spend(proxied, '198.51.100.1'), { 401: 10, 429: 1 });
    assert.deepEqual(await spend(proxied, '198.51.100.2'), { 401: 10, 429: 1 }, 'another client behind the proxy: its own budget');
    // The same header sent straight to a server that trusts no proxy changes nothing: one budget for the socket.
    assert.deepEqual(await spend(t, '198.51.100.1'), { 401: 10, 429: 1 });
    assert.deepEqual(await spend(t, '198.51.100.2'), { 429: 11 });
  } finally {
    await proxied.close();
  }
});

test('a locked account answers like a wrong password: same status, same body, and a password hash is computed either way', async () => {
  const email = await account();
  const wrong = await attempt({ email, password: 'khong dung dau nhe', remoteAddress: '192.0.2.1' });
  for (let i = 0; i < 4; i++) await attempt({ email, password: `sai lan ${i} roi`, remoteAddress: `192.0.2.${10 + i}` });
  const timeOf = async (a: Attempt) => { const t0 = performance.now(); const r = await attempt(a); return { r, ms: performance.now() - t0 }; };
  const locked = await timeOf({ email, password: PASSWORD, remoteAddress: '192.0.2.20' });
  const unknown = await timeOf({ email: 'ai.do.khac@test.ocop.vn', password: PASSWORD, remoteAddress: '192.0.2.21' });
  for (const r of [wrong, locked.r, unknown.r]) assertProblem(r as never, 401, 'invalid_credentials');
  assert.deepEqual(locked.r.json(), wrong.json());
  assert.deepEqual(unknown.r.json(), wrong.json());
  assert.equal(locked.r.headers['retry-after'], undefined);
  // Both paths run scrypt (tens of milliseconds); a lookup alone would answer in a few.
  assert.ok(locked.ms > 15 && unknown.ms > 15, `locked ${locked.ms.toFixed(1)} ms, unknown ${unknown.ms.toFixed(1)} ms`);
  // When the lock runs out, the right password works and the count starts again.
  await t.database.db.execute(sql`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE email = ${email}`);
  assert.equal((await attempt({ email, password: PASSWORD, remoteAddress: '192.0.2.22' })).statusCode, 200);
  const [row] = await query<{ failed_logins: number; locked_until: string | null }>(t.database.db, sql`SELECT failed_logins, locked_until FROM app_user WHERE email = ${email}`);
  assert.equal(Number(row.failed_logins), 0);
  assert.equal(row.locked_until, null);
});

test('a burst of wrong passwords from many addresses counts exactly: the fifth locks, the right one inside the burst after it fails', async () => {
  const email = await account();
  const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt({ email, password: `sai ${i} nhe ban`, remoteAddress: `10.9.${i}.1` })));
  assert.deepEqual(statuses(burst), { 401: 30 });
  const [row] = await query<{ failed_logins: number; locked: boolean }>(t.database.db, sql`SELECT failed_logins, locked_until > now() AS locked FROM app_user WHERE email = ${email}`);
  assert.equal(row.locked, true);
  assert.equal(Number(row.failed_logins), 5, 'each attempt got its own number; none was lost to a read-then-write race');
  const again = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt({ email, password: i === 5 ? PASSWORD : `lai sai ${i} nua`, remoteAddress: `10.8.${i}.1` })));
  assert.deepEqual(statuses(again), { 401: 10 });
});

test('two servers on one database share the lockout and the address budget', async () => {
  const second = await buildApp(t.config, t.database, { logger: false });
  await second.ready();
  try {
    const email = await account();
    for (let i = 0; i < 3; i++) await attempt({ email, password: `sai o may mot ${i}`, remoteAddress: '172.16.0.1' });
    for (let i = 0; i < 2; i++) await attempt({ email, password: `sai o may hai ${i}`, remoteAddress: '172.16.0.1' }, second);
    assertProblem(await attempt({ email, password: PASSWORD, remoteAddress: '172.16.0.2' }, second) as never, 401, 'invalid_credentials');
    assertProblem(await attempt({ email, password: PASSWORD, remoteAddress: '172.16.0.3' }) as never, 401, 'invalid_credentials');
    // Ten attempts per address and e-mail, wherever they land.
    const unknown = 'khong.co.ai@test.ocop.vn';
    for (let i = 0; i < 10; i++) await attempt({ email: unknown, password: `x ${i}`, remoteAddress: '172.16.0.9' }, i % 2 ? second : t.app);
    assertProblem(await attempt({ email: unknown, password: 'y', remoteAddress: '172.16.0.9' }, second) as never, 429, 'rate_limited');
    assertProblem(await attempt({ email: unknown, password: 'y', remoteAddress: '172.16.0.9' }) as never, 429, 'rate_limited');
  } finally {
    await second.close();
  }
});

test('successful logins give their attempt back: an office of 120 people logs in from one address', async () => {
  const emails = await Promise.all(Array.from({ length: 12 }, () => account()));
  for (let round = 0; round < 10; round++) {
    for (const email of emails) assert.equal((await attempt({ email, password: PASSWORD, remoteAddress: '100.64.0.1' })).statusCode, 200);
  }
});
