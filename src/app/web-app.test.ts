// Weight and caching of what the server sends: Brotli/gzip on text (the web app's files precompressed at build, API
// JSON and problem+json compressed on the fly, the micro-cache's hits too), nothing on types compressed already;
// hashed assets cached a year as immutable, HTML revalidated; a real 404 for pages the app does not have.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { webDist } from './server.js';
import { ASSET_CACHE } from './web-app.js';
import { isAppPath, matchesPath } from '../web/paths.js';
import { MEO_VAC, testApp, type TestApp } from '../../test/harness.js';
import { makeEntity, makeProduct } from '../../test/api-helpers.js';
import { multipartBody } from '../../test/multipart.js';

let t: TestApp;
before(async () => {
  assert.ok(existsSync(join(webDist, 'index.html')), `the web app is built at ${webDist} (npx vite build)`);
  t = await testApp({ publicCacheSeconds: 60 }); // the micro-cache on, as in production
});
after(() => t.close());

const br = { 'accept-encoding': 'br, gzip' };
const gz = { 'accept-encoding': 'gzip' };
const decoded = (res: { rawPayload: Buffer; headers: Record<string, unknown> }) =>
  res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload) : res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload;

test('paths: the app routes its patterns, nothing else', () => {
  assert.ok(matchesPath('/ho-so/:id', '/ho-so/abc'));
  assert.ok(!matchesPath('/ho-so/:id', '/ho-so/a/b'));
  assert.ok(matchesPath('/lam-viec/*', '/lam-viec') && matchesPath('/lam-viec/*', '/lam-viec/ho-so/1/x'));
  assert.ok(matchesPath('/', '/') && !matchesPath('/', '/x'));
  for (const p of ['/dang-nhap', '/ho-so', '/ho-so/', '/ho-so/1', '/phien-hop/a/b', '/lam-viec', '/lam-viec/khong-co']) assert.ok(isAppPath(p), p);
  for (const p of ['/khong-co', '/dang-nhap/x', '/wp-admin/setup.php', '/ho-so/1/2', '/%E0%A4%A', '/lam-vie']) assert.ok(!isAppPath(p), p);
  assert.ok(isAppPath('/lam-viec/old.js') && !isAppPath('/lam-viec/old.js', { catchAll: false }));
});

test('the route files of the app take every path from the one list the server reads (no path of their own)', () => {
  for (const file of ['src/web/App.tsx', 'src/web/pages/scoring/routes.tsx']) {
    const source = readFileSync(file, 'utf8');
    assert.deepEqual([...source.matchAll(/<Route\s+path="(\/[^"]*)"/g)].map((m) => m[1]), [], `${file}: use path={PATHS.…} from src/web/paths.ts`);
    assert.match(source, /path=\{PATHS\./, file);
  }
});

test('hashed assets: precompressed Brotli and gzip, a year immutable; the identical bytes for a client asking none', async () => {
  const name = readdirSync(join(webDist, 'assets')).find((f) => f.endsWith('.js') && existsSync(join(webDist, 'assets', `${f}.br`)))!;
  const original = readFileSync(join(webDist, 'assets', name));
  const viaBr = await t.app.inject({ url: `/assets/${name}`, headers: br });
  assert.equal(viaBr.statusCode, 200);
  assert.equal(viaBr.headers['content-encoding'], 'br');
  assert.match(String(viaBr.headers['content-type']), /javascript/);
  assert.equal(viaBr.headers['cache-control'], ASSET_CACHE);
  assert.match(String(viaBr.headers.vary), /accept-encoding/i);
  assert.ok(viaBr.rawPayload.length < original.length / 2, `${viaBr.rawPayload.length} of ${original.length} bytes`);
  assert.deepEqual(decoded(viaBr), original);
  const viaGz = await t.app.inject({ url: `/assets/${name}`, headers: gz });
  assert.equal(viaGz.headers['content-encoding'], 'gzip');
  assert.deepEqual(decoded(viaGz), original);
  const plain = await t.app.inject({ url: `/assets/${name}` });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.deepEqual(plain.rawPayload, original);
  // The compressed copies are not addressable by name.
  assert.equal((await t.app.inject({ url: `/assets/${name}.br` })).statusCode, 404);
  const css = readdirSync(join(webDist, 'assets')).find((f) => f.endsWith('.css'))!;
  assert.equal((await t.app.inject({ url: `/assets/${css}`, headers: br })).headers['content-encoding'], 'br');
});

test('index.html: revalidated (no-cache + ETag → 304), compressed; unknown pages get the app shell with a real 404', async () => {
  const page = await t.app.inject({ url: '/dang-nhap', headers: br });
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['cache-control'], 'no-cache');
  assert.equal(page.headers['content-encoding'], 'br');
  assert.match(decoded(page).toString(), /<div id="root">/);
  assert.ok(page.headers.etag, 'an ETag to revalidate with');
  const again = await t.app.inject({ url: '/dang-nhap', headers: { ...br, 'if-none-match': String(page.headers.etag) } });
  assert.equal(again.statusCode, 304);
  assert.equal((await t.app.inject({ url: '/lam-viec/ho-so' })).statusCode, 200);
  // A check-in link whose signature has no - or _ ends like a file name ("….LJwFkERh"): still the app's page.
  assert.equal((await t.app.inject({ url: '/diem-danh/0960c93f-dc9b-4506-9375-f93613e3c497.1796317751.LJwFkERhcHmbVE1QRJ0Ed8YfF8V' })).statusCode, 200);

  for (const url of ['/khong-co-trang-nay', '/dang-nhap/x', '/ho-so/1/2/3', '/wp-login']) {
    const missing: Awaited<ReturnType<TestApp["app"]["inject"]>> = await t.app.inject({ url, headers: { ...br, 'if-none-match': String(page.headers.etag) } });
    assert.equal(missing.statusCode, 404, url);
    assert.match(String(missing.headers['content-type']), /^text\/html/, url);
    assert.equal(missing.headers.etag, undefined, `${url}: no validator on a 404`);
    assert.match(decoded(missing).toString(), /<div id="root">/, `${url}: the app shows its own "not found"`);
  }
  // What looks like a file never gets the app's HTML (sitemap.xml and robots.txt are server-rendered when present).
  for (const url of ['/sitemap.xml', '/robots.txt', '/old-bundle.js', '/.env', '/wp-login.php', '/api/v1/khong-co', '/lam-viec/old.js']) {
    const res = await t.app.inject({ url });
    if (res.statusCode === 200) assert.doesNotMatch(res.body, /<div id="root">/, url);
    else {
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/, url);
    }
  }
});

test('icons and the web app manifest: real files, an hour of caching, linked from index.html', async () => {
  const ico = await t.app.inject({ url: '/favicon.ico' });
  assert.equal(ico.statusCode, 200);
  assert.match(String(ico.headers['content-type']), /image\/(x-icon|vnd\.microsoft\.icon)/);
  assert.deepEqual([...ico.rawPayload.subarray(0, 4)], [0, 0, 1, 0], 'an ICO header');
  assert.equal(ico.headers['cache-control'], 'public, max-age=3600');
  const svg = await t.app.inject({ url: '/favicon.svg' });
  assert.match(String(svg.headers['content-type']), /^image\/svg\+xml/);
  const manifest = await t.app.inject({ url: '/manifest.webmanifest', headers: br });
  assert.equal(manifest.statusCode, 200);
  assert.match(String(manifest.headers['content-type']), /^application\/manifest\+json/);
  const m = JSON.parse(decoded(manifest).toString());
  assert.equal(m.short_name, 'OCOP');
  assert.equal(m.start_url, '/');
  assert.ok(m.name && m.theme_color);
  for (const icon of m.icons) {
    const res = await t.app.inject({ url: icon.src });
    assert.equal(res.statusCode, 200, icon.src);
    if (icon.type === 'image/png') assert.equal(res.rawPayload.readUInt32BE(16), Number(icon.sizes.split('x')[0]), `${icon.src} is ${icon.sizes}`);
  }
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  for (const link of ['rel="manifest" href="/manifest.webmanifest"', 'href="/favicon.ico"', 'href="/favicon.svg"']) assert.ok(html.includes(link), link);
});

test('API JSON compressed on the fly, micro-cache hits too (and still plain for a client asking none)', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  for (let i = 0; i < 8; i++) await makeProduct(t, central, e.id, { status: 'registered', name: `Mật ong bạc hà nén thử ${i} — một tên đủ dài để danh sách vượt một kilobyte` });
  const url = `/api/v1/products?entity=${e.id}&status=registered&pageSize=50`;
  const first = await t.app.inject({ url, headers: br });
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.headers['content-encoding'], 'br');
  assert.match(String(first.headers.vary), /accept-encoding/i);
  const body = JSON.parse(decoded(first).toString());
  assert.ok(body.items.length >= 8, 'the list decodes');
  // A page is compressed in one piece and states its length: larger than 8 KB, it would otherwise go through a zlib
  // stream on the thread pool (the plugin's default on 2 cores), about 1 ms more per answer on a busy server.
  assert.ok(Buffer.byteLength(JSON.stringify(body)) > 8192, 'a page larger than the plugin\'s default');
  assert.equal(Number(first.headers['content-length']), first.rawPayload.length);
  let hit = await t.app.inject({ url, headers: gz });
  for (let i = 0; i < 3 && hit.headers['x-cache'] !== 'hit'; i++) hit = await t.app.inject({ url, headers: gz }); // see below
  assert.equal(hit.headers['x-cache'], 'hit');
  assert.equal(hit.headers['content-encoding'], 'gzip', 'a cached response is compressed for its client');
  assert.deepEqual(JSON.parse(decoded(hit).toString()), body);
  const plain = await t.app.inject({ url });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.deepEqual(plain.json(), body);
});

test('a micro-cached list keeps its Link rel="next": a hit carries the same cursor as the miss', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  for (let i = 0; i < 3; i++) await makeProduct(t, central, e.id, { status: 'registered', name: `Mật ong trang ${i}` });
  const url = `/api/v1/products?entity=${e.id}&status=registered&pageSize=2`;
  const first = await t.app.inject({ url });
  assert.match(String(first.headers.link), /^<\/api\/v1\/products\?.*cursor=[A-Za-z0-9_-]+>; rel="next"$/);
  let hit = await t.app.inject({ url });
  for (let i = 0; i < 3 && hit.headers['x-cache'] !== 'hit'; i++) hit = await t.app.inject({ url });
  assert.equal(hit.headers['x-cache'], 'hit');
  assert.equal(hit.headers.link, first.headers.link);
  const last = await t.app.inject({ url: `${url}&cursor=${first.json().nextCursor}` });
  assert.equal(last.json().items.length, 1);
  assert.equal(last.headers.link, undefined);
});

test('a micro-cached page keeps its ETag: a revisit served from the cache gets a 304, compressed hits decode', async () => {
  const central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  await makeProduct(t, central, e.id, { status: 'registered', name: 'Chè Shan tuyết nén thử' });
  // The entity's page, which lists the product (the product page itself leaves the micro-cache: page-memo.ts).
  const url = `/chu-the/${e.id}`;
  const first = await t.app.inject({ url, headers: br });
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.headers['content-encoding'], 'br');
  assert.match(brotliDecompressSync(first.rawPayload).toString(), /Chè Shan tuyết nén thử/);
  const etag = String(first.headers.etag);
  assert.match(etag, /^W\/"/);
  // On PostgreSQL the first check of the shared data version after this test's writes may clear the cache once
  // (data-version.ts): the copy is stored again by the next request.
  let hit = await t.app.inject({ url, headers: gz });
  for (let i = 0; i < 3 && hit.headers['x-cache'] !== 'hit'; i++) hit = await t.app.inject({ url, headers: gz });
  assert.equal(hit.headers['x-cache'], 'hit');
  assert.equal(hit.headers.etag, etag);
  assert.match(gunzipSync(hit.rawPayload).toString(), /Chè Shan tuyết nén thử/);
  const revisit = await t.app.inject({ url, headers: { ...br, 'if-none-match': etag } });
  assert.equal(revisit.headers['x-cache'], 'hit');
  assert.equal(revisit.statusCode, 304);
  assert.equal(revisit.rawPayload.length, 0);
});

test('problem+json errors compressed when large; types compressed already (PDF) are not', async () => {
  const body = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`truongKhongDuocPhep${i}`, i]));
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.vn', password: 'x', ...body }, headers: br });
  assert.equal(res.statusCode, 400);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  assert.equal(res.headers['content-encoding'], 'br');
  const problem = JSON.parse(decoded(res).toString());
  assert.equal(problem.code, 'validation_failed');

  // A compressed request body is not inflated: it reads as the bytes it is (malformed JSON), never as a bomb.
  const bomb = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: gzipSync(Buffer.alloc(50 * 1024 * 1024, ' ')), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
  assert.equal(bomb.statusCode, 400, bomb.body);
  assert.match(String(bomb.headers['content-type']), /^application\/problem\+json/);

  const central = await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  const p = await makeProduct(t, central, e.id, { status: 'registered' });
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4000, ' '), Buffer.from('\n%%EOF\n')]);
  const m = multipartBody([{ name: 'kind', value: 'document' }, { name: 'file', filename: 'giay-phep.pdf', type: 'application/pdf', bytes: pdf }]);
  const up = await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/files`, payload: m.payload, headers: { 'content-type': m.contentType, cookie: central.cookie, 'x-csrf-token': central.csrf } });
  assert.equal(up.statusCode, 201, up.body);
  const got = await t.app.inject({ url: up.json().url, headers: { ...br, cookie: central.cookie } });
  assert.equal(got.statusCode, 200);
  assert.match(String(got.headers['content-type']), /^application\/pdf/);
  assert.equal(got.headers['content-encoding'], undefined, 'a PDF goes as it is');
  assert.deepEqual(got.rawPayload, pdf);
});
