// The second CSRF defence: a write carrying the session cookie must come from a page of ours (Origin, or Referer
// when there is no Origin): the public URL's origin, OCOP_ALLOWED_ORIGINS, or the host the request was sent to.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../app/config.js';
import { writeOriginTrusted } from '../../app/origin.js';
import { MEO_VAC, entityBody, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, counts } from '../../../test/api-helpers.js';

let t: TestApp;
let s: Session;
before(async () => {
  t = await testApp({ publicUrl: 'https://ocop.gov.vn', allowedOrigins: ['https://cong.ocop.vn'] });
  s = await t.user('province', { provinceCode: '08' });
});
after(() => t.close());

// The host the server is reached at in these requests (as a browser would set Host), not the public URL's.
const HOST = '127.0.0.1:4321';
const write = (headers: Record<string, string>, as: Session = s) =>
  t.call({ method: 'POST', url: '/api/v1/entities', body: entityBody(MEO_VAC), as, headers: { host: HOST, ...headers } });

test('a cookie write from another site is refused 403 csrf_origin_mismatch, nothing written', async () => {
  const before_ = await counts(t);
  for (const headers of <Record<string, string>[]>[
    { origin: 'https://evil.example' },
    { origin: 'https://ocop.gov.vn.evil.example' },
    { origin: 'http://ocop.gov.vn' }, // the public site is https: an http page is not it
    { origin: 'null' }, // a sandboxed frame or a privacy redirect
    { origin: 'javascript:alert(1)' },
    { referer: 'https://evil.example/trang/bat-ky' }, // no Origin: the Referer decides
    { referer: 'not a url' },
    { origin: 'https://evil.example', referer: 'https://ocop.gov.vn/' }, // the Origin wins over a Referer
  ]) assertProblem(await write(headers), 403, 'csrf_origin_mismatch');
  for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
    assertProblem(await t.call({ method, url: '/api/v1/entities/00000000-0000-0000-0000-000000000000', body: {}, as: s, headers: { host: HOST, origin: 'https://evil.example' } }), 403, 'csrf_origin_mismatch');
  }
  assert.deepEqual(await counts(t), before_);
});

test('writes from the public URL, a listed origin, the same host, or with neither header go through', async () => {
  for (const headers of <Record<string, string>[]>[
    { origin: 'https://ocop.gov.vn' },
    { origin: 'https://cong.ocop.vn' },
    { origin: `http://${HOST}` }, // a browser test reaching the server at its own address
    { referer: 'https://ocop.gov.vn/chu-the/moi' },
    {}, // curl or a script: the CSRF token still has to match
  ]) {
    const res = await write(headers);
    assert.equal(res.statusCode, 201, `${JSON.stringify(headers)}: ${res.body}`);
  }
  // The CSRF token stays required on its own.
  assertProblem(await t.app.inject({ method: 'POST', url: '/api/v1/entities', payload: entityBody(MEO_VAC), headers: { cookie: s.cookie, origin: 'https://ocop.gov.vn' } }) as never, 403, 'csrf_token_invalid');
});

test('reads, logins without a session and Bearer-token machines are not checked', async () => {
  const read = await t.call({ url: '/api/v1/auth/me', as: s, headers: { origin: 'https://evil.example' } });
  assert.equal(read.statusCode, 200);
  const token = (await t.call({ method: 'POST', url: '/api/v1/auth/tokens', as: s, body: { name: 'Máy chủ tích hợp' }, headers: { origin: 'https://ocop.gov.vn' } })).json().token;
  const machine = await t.call({ method: 'POST', url: '/api/v1/entities', body: entityBody(MEO_VAC), headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' } });
  assert.equal(machine.statusCode, 201, machine.body);
  const login = await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email: 'khong.co@test.ocop.vn', password: 'sai mật khẩu rồi' }, headers: { origin: 'https://evil.example' } });
  assert.equal(login.statusCode, 401, 'no session cookie: the login answers as usual');
});

test('the origin rule and its configuration', () => {
  const trusted = new Set(['https://ocop.gov.vn']);
  assert.equal(writeOriginTrusted({ origin: 'https://ocop.gov.vn' }, trusted), true);
  assert.equal(writeOriginTrusted({ origin: 'https://OCOP.gov.vn:443' }, trusted), true, 'URLs are compared normalised');
  assert.equal(writeOriginTrusted({ origin: 'https://ocop.gov.vn:8443' }, trusted), false);
  assert.equal(writeOriginTrusted({ origin: 'http://127.0.0.1:5173', host: '127.0.0.1:5173' }, trusted), true);
  assert.equal(writeOriginTrusted({ origin: 'http://127.0.0.1:5173', host: '127.0.0.1:3000' }, trusted), false);
  assert.equal(writeOriginTrusted({ host: 'x' }, trusted), true);
  assert.deepEqual(loadConfig({ OCOP_ALLOWED_ORIGINS: ' https://a.ocop.vn/ , http://localhost:5173' }).allowedOrigins, ['https://a.ocop.vn', 'http://localhost:5173']);
  assert.deepEqual(loadConfig({}).allowedOrigins, []);
  assert.throws(() => loadConfig({ OCOP_ALLOWED_ORIGINS: 'ocop.gov.vn' }), /not an http\(s\) origin/);
});
