// The password policy: 12+ characters, no composition rules, not common; applied wherever a password is chosen.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { commonPasswords } from './accounts.passwords.js';
import { passwordProblem } from './accounts.rules.js';
import { entityBody, MEO_VAC, PASSWORD, testApp, type TestApp } from '../../../test/harness.js';
import { assertProblem, counts, unique } from '../../../test/api-helpers.js';
import { DEMO_PASSWORD } from '../../cli/seed/seed.js';

test('the rule: length, repetition and the common lists, compared without case or spaces', () => {
  const common = commonPasswords();
  assert.ok(common.size > 10_000, `${common.size} common passwords`);
  const cases: [string, string | null][] = [
    [PASSWORD, null], ['mùa xuân trên cao nguyên', null], ['chè Tân Cương thơm ngon', null], ['Xk7#pQ9!wL2m', null],
    ['Ocop@2026', 'password_too_short'], ['ngắn quá', 'password_too_short'], ['', 'password_too_short'], ['mật khẩu', 'password_too_short'],
    ['a'.repeat(201), 'password_too_long'], ['aaaaaaaaaaaaaaaa', 'password_too_common'], ['abababababab', 'password_too_common'],
    [DEMO_PASSWORD, 'password_too_common'], ['Matkhau@2026', 'password_too_common'], ['Mat Khau 123456', 'password_too_common'],
    ['123456789012', 'password_too_common'], ['qwertyuiop123', 'password_too_common'], ['ANHYEUEM123 ', 'password_too_common'],
    ['Ocop@123456', 'password_too_short'], ['ocop@1234567', null],
  ];
  for (const [pw, expected] of cases) assert.equal(passwordProblem(pw, common), expected, JSON.stringify(pw));
  // Length counts characters, not UTF-16 units or bytes: twelve Vietnamese letters pass.
  assert.equal(passwordProblem('đườngđườngđư', common), null);
});

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

test('creating an officer, signing up and accepting an invitation refuse a common password with field path password, nothing written', async () => {
  const central = await t.user('central');
  const before_ = await counts(t);
  const officer = (password: string) => t.call({ method: 'POST', url: '/api/v1/users', as: central, body: { email: `${unique()}@t.vn`, fullName: 'Cán bộ', password, role: 'central' } });
  assertProblem(await officer(DEMO_PASSWORD), 400, 'password_too_common', 'password');
  assertProblem(await officer('Vietnam@2026'), 400, 'password_too_common', 'password');
  assertProblem(await officer('ngắn'), 400, 'validation_failed', 'password');
  const signup = await t.call({ method: 'POST', url: '/api/v1/auth/signup', body: { email: `${unique()}@t.vn`, password: 'Matkhau@2025', fullName: 'Sùng Thị Mỷ', entity: entityBody(MEO_VAC) } });
  const body = assertProblem(signup, 400, 'password_too_common', 'password');
  assert.match(body.message.vi, /phổ biến/);
  assert.deepEqual(await counts(t), before_);
  assert.equal((await officer('một cụm từ của riêng tôi')).statusCode, 201);

  const entity = (await t.call({ method: 'POST', url: '/api/v1/entities', as: central, body: entityBody(MEO_VAC) })).json();
  const member = await t.user('entity', { entityId: entity.id, communeCode: MEO_VAC });
  const { token } = (await t.call({ method: 'POST', url: `/api/v1/entities/${entity.id}/invitations`, as: member, body: { email: `${unique()}@t.vn` } })).json();
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/auth/accept-invitation', body: { token, fullName: 'Giàng A Páo', password: 'Quantri@2026' } }), 400, 'password_too_common', 'password');
  assert.equal((await t.call({ method: 'POST', url: '/api/v1/auth/accept-invitation', body: { token, fullName: 'Giàng A Páo', password: 'ong bạc hà Mèo Vạc' } })).statusCode, 201, 'the invitation is still open after a refused password');
});
