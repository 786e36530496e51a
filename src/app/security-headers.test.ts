// Every response carries the security headers: API JSON, problem+json errors (from a route, from the authentication
// hook, from the router), the web app's HTML and its static assets, and stored files.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import QRCode from 'qrcode';
import { contentDisposition } from './security-headers.js';
import { webDist } from './server.js';
import { MEO_VAC, testApp, type TestApp } from '../../test/harness.js';
import { makeEntity, makeProduct } from '../../test/api-helpers.js';
import { multipartBody } from '../../test/multipart.js';

let t: TestApp;
before(async () => { t = await testApp(); });
after(() => t.close());

type Res = Awaited<ReturnType<TestApp['call']>>;
function assertCommon(res: Res, what: string) {
  assert.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.equal(res.headers['x-frame-options'], 'DENY', `${what}: not framable`);
  assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', `${what}: referrer policy`);
  assert.equal(res.headers['strict-transport-security'], undefined, `${what}: no HSTS on an http public URL`);
}
const directives = (csp: unknown) => new Map(String(csp).split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

test('API answers and every kind of error carry nosniff, DENY, the referrer policy and a load-nothing CSP', async () => {
  const cases: [string, Res][] = [
    ['health', await t.call({ url: '/api/v1/health' })],
    ['validation error', await t.call({ method: 'POST', url: '/api/v1/auth/login', body: { email: 1 } })],
    ['malformed JSON', await t.call({ method: 'POST', url: '/api/v1/auth/login', body: '{' as never, headers: { 'content-type': 'application/json' } })],
    ['invalid token (onRequest hook)', await t.call({ url: '/api/v1/auth/me', headers: { authorization: 'Bearer ocop_nope' } })],
    ['unknown API route', await t.call({ url: '/api/v1/khong-co' })],
    ['OpenAPI document', await t.call({ url: '/api/openapi.json' })],
  ];
  for (const [what, res] of cases) {
    assertCommon(res, what);
    const csp = directives(res.headers['content-security-policy']);
    assert.deepEqual(csp.get('default-src'), ["'none'"], `${what}: ${res.headers['content-security-policy']}`);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], what);
  }
  assert.equal(cases[1][1].statusCode, 400);
  assert.equal(cases[3][1].statusCode, 401);
});

test('the web app: a CSP without inline script on the HTML, headers on the assets, and the built page needs no more', async () => {
  assert.ok(existsSync(join(webDist, 'index.html')), `the web app is built at ${webDist} (npx vite build)`);
  for (const url of ['/', '/lam-viec/ho-so', '/dang-nhap']) {
    const page = await t.call({ url });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assertCommon(page, url);
    const csp = directives(page.headers['content-security-policy']);
    assert.deepEqual(csp.get('script-src'), ["'self'"], 'scripts from our origin only, nothing inline, no eval');
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(csp.get('connect-src'), ["'self'"]);
    assert.deepEqual(csp.get('img-src'), ["'self'", 'data:']);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.equal(page.headers['cross-origin-opener-policy'], 'same-origin');
  }
  // What the policy allows is what the built page uses: no inline script (JSON-LD, a data block, would be allowed),
  // no inline event handler, nothing loaded from elsewhere.
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.ok(/\bsrc="\/assets\//.test(attrs) || /type="application\/ld\+json"/.test(attrs), `script is a file of ours or data: <script${attrs}>`);
    if (!/ld\+json/.test(attrs)) assert.equal(body.trim(), '');
  }
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler');
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'nothing from another origin');

  const asset = readdirSync(join(webDist, 'assets')).find((f) => f.endsWith('.js'))!;
  const js = await t.call({ url: `/assets/${asset}` });
  assert.equal(js.statusCode, 200);
  assertCommon(js, 'static asset');

  // A 304 refreshes the browser's cached page: it must not carry a policy that would replace the page's own.
  const page = await t.call({ url: '/' });
  const revalidated = await t.call({ url: '/', headers: { 'if-none-match': String(page.headers.etag) } });
  if (page.headers.etag) {
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.headers['content-security-policy'], undefined);
    assert.equal(revalidated.headers['x-content-type-options'], 'nosniff');
  }
});

test('HSTS only when the public URL is https', async () => {
  const https = await testApp({ publicUrl: 'https://ocop.gov.vn' });
  try {
    assert.equal((await https.call({ url: '/api/v1/health' })).headers['strict-transport-security'], 'max-age=31536000');
    assert.equal((await https.call({ url: '/api/v1/khong-co' })).headers['strict-transport-security'], 'max-age=31536000');
  } finally {
    await https.close();
  }
});

test('a stored file is served sandboxed, with a Content-Disposition no file name can break', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  const p = await makeProduct(t, central, e.id, { status: 'registered' });
  const name = 'Ảnh mật ong; x=\'1\' (2).png';
  // A document keeps its uploader's file name (a public photo is served under its id).
  const m = multipartBody([{ name: 'kind', value: 'document' }, { name: 'file', filename: name, type: 'image/png', bytes: await QRCode.toBuffer('x', { type: 'png' }) }]);
  const up = await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/files`, payload: m.payload, headers: { 'content-type': m.contentType, cookie: central.cookie, 'x-csrf-token': central.csrf } });
  assert.equal(up.statusCode, 201, up.body);
  const got = await t.call({ url: up.json().url, as: central });
  assert.equal(got.statusCode, 200);
  assertCommon(got, 'stored file');
  const csp = directives(got.headers['content-security-policy']);
  assert.ok(csp.has('sandbox'), 'opened on its own, the file runs in a sandbox');
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  const disposition = String(got.headers['content-disposition']);
  assert.equal(disposition, contentDisposition('inline', name));
  assert.match(disposition, /^inline; filename="[\w.\- ]+"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/, disposition);
  assert.equal(decodeURIComponent(disposition.split("UTF-8''")[1]), name, 'the UTF-8 name decodes back exactly');
});

test('contentDisposition: Vietnamese, quotes, line breaks and separators', () => {
  assert.equal(contentDisposition('attachment', 'Giấy đăng ký.pdf'), "attachment; filename=\"Giay dang ky.pdf\"; filename*=UTF-8''Gi%E1%BA%A5y%20%C4%91%C4%83ng%20k%C3%BD.pdf");
  assert.equal(contentDisposition('inline', 'a"\r\nSet-Cookie: x=1;.png'), "inline; filename=\"a___Set-Cookie_ x_1_.png\"; filename*=UTF-8''a%22%0D%0ASet-Cookie%3A%20x%3D1%3B.png");
  assert.equal(contentDisposition('inline', ''), "inline; filename=\"file\"; filename*=UTF-8''");
});
