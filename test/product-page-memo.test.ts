// The product page remembered by what it is made of (src/app/html/page-memo.ts) is never older than the request:
// writes made outside this server's HTTP requests (a command run directly, as the CLI or another server process
// would; plain SQL, as psql would) show at the next load, with the public micro-cache on; a write that leaves the
// page's data alone keeps the same bytes and ETag; Brotli, gzip and plain answers carry the same page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { UserActor } from '../src/app/actor.js';
import { issueCertificate, revokeCertificate, vnDate } from '../src/modules/scoring/index.js';
import { entityBody, MEO_VAC, testApp, type TestApp } from './harness.js';

let t: TestApp;
let actor: UserActor;
let productId: string;
let certNumber: string;
const url = () => `/san-pham/${productId}`;

before(async () => {
  t = await testApp({ publicUrl: 'https://ocop.example.vn', publicCacheSeconds: 10 });
  const officer = await t.user('province', { provinceCode: '08' });
  actor = { kind: 'user', id: officer.user.id, role: 'province', provinceCode: '08', communeCode: null, entityId: null, via: 'session' };
  const e = await t.call({ method: 'POST', url: '/api/v1/entities', as: officer, body: entityBody(MEO_VAC, { registrationNumber: 'REG-MEMO-0001' }) });
  assert.equal(e.statusCode, 201, e.body);
  const p = await t.call({ method: 'POST', url: '/api/v1/products', as: officer, body: { entityId: e.json().id, name: 'Mật ong hoa bạc hà', productSet: 4, status: 'registered' } });
  assert.equal(p.statusCode, 201, p.body);
  productId = p.json().id;
  const cert = await t.database.db.transaction((tx) => issueCertificate({ actor, tx, log: console as never, now: new Date() }, {
    productId, stars: 4, kind: 'first', decisionNumber: '77/QĐ-UBND', decidedOn: vnDate(new Date()),
  }));
  certNumber = cert.number;
});
after(() => t?.close());

const get = (headers: Record<string, string> = {}) => t.call({ url: url(), headers });
const status = (html: string) => /<div class="cert [a-z]+" data-status="([a-z]+)"/.exec(html)?.[1];

test('Brotli, gzip and plain answers carry the same page and ETag; a revisit holding it gets a 304', async () => {
  const plain = await get();
  assert.equal(plain.statusCode, 200);
  assert.equal(plain.headers['content-encoding'], undefined);
  const br = await get({ 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
  const gz = await get({ 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
  assert.equal((await get({ 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding'], undefined);
  assert.ok(plain.headers.etag && plain.headers.etag === br.headers.etag && br.headers.etag === gz.headers.etag);
  assert.match(String(br.headers.vary), /accept-encoding/i);
  assert.equal(br.headers['x-cache'], undefined, 'the product page is not served from the micro-cache');
  const again = await get({ 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
  assert.equal(again.statusCode, 304);
});

test('a certificate revoked outside the HTTP server (a command run directly) shows at the next load', async () => {
  const first = await get({ 'accept-encoding': 'br' });
  assert.equal(status(brotliDecompressSync(first.rawPayload).toString()), 'valid');
  assert.equal((await get({ 'accept-encoding': 'br' })).headers.etag, first.headers.etag, 'unchanged data, same page');
  const today = vnDate(new Date());
  await t.database.db.transaction((tx) => revokeCertificate({ actor, tx, log: console as never, now: new Date() }, certNumber, {
    ground: 'c', decisionNumber: '78/QĐ-UBND', decidedOn: today, groundFoundOn: today,
  }));
  const next = await get({ 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
  assert.equal(next.statusCode, 200, 'the old copy no longer validates');
  const html = brotliDecompressSync(next.rawPayload).toString();
  assert.equal(status(html), 'revoked');
  assert.ok(!html.includes('"hasCertification"'), 'no Certification in the JSON-LD once revoked');
  assert.notEqual(next.headers.etag, first.headers.etag);
});

test('a change by SQL, as another process would make it, shows at the next load; a write elsewhere keeps the bytes', async () => {
  await t.database.db.execute(sql`UPDATE product SET name = 'Mật ong bạc hà Đồng Văn' WHERE id = ${productId}`);
  const renamed = await get();
  assert.match(renamed.body, /<h1>Mật ong bạc hà Đồng Văn<\/h1>/);
  // A write that the page does not show: the database moved, the page's data did not, the same bytes are sent.
  await t.database.db.execute(sql`UPDATE app_user SET full_name = full_name WHERE id = ${actor.id}`);
  assert.equal((await get()).headers.etag, renamed.headers.etag);
  // Taken off the public register: a 404 at the next load.
  await t.database.db.execute(sql`UPDATE product SET status = 'draft' WHERE id = ${productId}`);
  assert.equal((await get()).statusCode, 404);
  await t.database.db.execute(sql`UPDATE product SET status = 'registered' WHERE id = ${productId}`);
  assert.equal((await get()).statusCode, 200);
});
