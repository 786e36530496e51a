import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { testApp, type TestApp } from '../../../test/harness.js';
import { assertProblem } from '../../../test/api-helpers.js';
import { qrBox } from './labels.pdf.js';
import { qrMatrix, QR_QUIET_ZONE } from './qr.js';
import { tracedProduct, type Traced } from './trace.fixtures.js';

let t: TestApp;
let w: Traced;
let page: string;
before(async () => {
  t = await testApp();
  w = await tracedProduct(t);
  page = `/truy-xuat/01/${w.gtin}/10/${w.lot}`;
});
after(() => t.close());

const scans = async (province = '') => Number((await query<{ n: number }>(t.database.db, sql`
  SELECT coalesce(sum(scans), 0)::int AS n FROM trace_scan WHERE product_id = ${w.productId} AND lot = ${w.lot} AND province_code = ${province}`))[0].n);

test('the product\'s own code (no lot) shows its latest batch\'s journey, named as the latest batch and linked to it', async () => {
  const html = (await t.call({ url: `/truy-xuat/01/${w.gtin}` })).body;
  assert.deepEqual([...html.matchAll(/data-step="(\w+)"/g)].map((m) => m[1]), ['harvest', 'processing', 'packing', 'shipping', 'retail']);
  assert.match(html, new RegExp(`Lô gần nhất.*href="/truy-xuat/01/${w.gtin}/10/${w.lot}"`, 's'));
  const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);
  assert.equal(ld.productionDate, undefined, 'the product is not dated by one of its batches');
});

test('the trace page with JavaScript off: product, live certificate, story, area, the journey in order with a map, forms; under 50 KB', async () => {
  const before = await scans();
  const res = await t.call({ url: page, headers: { 'accept-encoding': 'gzip' } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-encoding'], 'gzip');
  const html = (await t.call({ url: page })).body;
  assert.ok(!/<script(?![^>]*application\/ld\+json)/.test(html), 'no script but structured data');
  for (const s of [w.productName, 'HTX Mật ong bạc hà Mèo Vạc', w.certificate, 'Còn hiệu lực', 'Ong ăn hoa bạc hà', 'Vùng bạc hà Pải Lủng', '01/03/2028', 'Kho Long Biên', 'Mật ong thô']) assert.ok(html.includes(s), s);
  const steps = [...html.matchAll(/data-step="(\w+)"/g)].map((m) => m[1]);
  assert.deepEqual(steps, ['harvest', 'processing', 'packing', 'shipping', 'retail']);
  assert.match(html, /<svg[^>]*class="map"/);
  assert.match(html, /<form class="report" action="\/truy-xuat\/01\/\d{14}\/10\/\w+\/bao-cao" method="post"/);
  const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);
  assert.equal(ld['@type'], 'Product');
  assert.equal(ld.gtin14, w.gtin);
  assert.equal(ld.hasCertification.certificationIdentification, w.certificate);
  // First load: the compressed HTML and the stylesheet (no image above the fold but the inline map).
  const css = await t.call({ url: /href="(\/site\.css\?v=[^"]+)"/.exec(html)![1], headers: { 'accept-encoding': 'gzip' } });
  const bytes = res.rawPayload.length + css.rawPayload.length;
  assert.ok(bytes < 50 * 1024, `${bytes} bytes on first load`);
  assert.ok(html.length > bytes / 2, 'the page is compressed');
  // English at a click; the live status follows the certificate (revoked today → revoked on the page).
  const en = (await t.call({ url: `${page}?lang=en` })).body;
  assert.match(en, /Journey/);
  assert.match(en, /Harvest/);
  await t.database.db.execute(sql`UPDATE certificate SET status = 'revoked', revoked_on = '2026-04-01', revocation_ground = 'a' WHERE number = ${w.certificate}`);
  try {
    const revoked = (await t.call({ url: page })).body;
    assert.match(revoked, /data-status="revoked"/);
    assert.ok(!JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(revoked)![1]).hasCertification);
  } finally {
    await t.database.db.execute(sql`UPDATE certificate SET status = 'valid', revoked_on = NULL, revocation_ground = NULL WHERE number = ${w.certificate}`);
  }
  assert.equal(await scans(), before + 4, 'each view is a scan');
  // Unknown lot, malformed path, unpublished product: 404 pages.
  assert.equal((await t.call({ url: `/truy-xuat/01/${w.gtin}/10/NOPE` })).statusCode, 404);
  assert.equal((await t.call({ url: '/truy-xuat/01/123' })).statusCode, 404);
  // The product page shows the product's QR code (its Digital Link on this server).
  const product = (await t.call({ url: `/san-pham/${w.productId}` })).body;
  assert.ok(product.includes(`${t.config.publicUrl.replace(/\/$/, '')}/01/${w.gtin}`));
  assert.match(product, /<a class="qr"[^>]*><svg role="img"/);
});

test('the reader\'s province is counted, nothing else; the report form takes a message and an optional contact, refuses others\' pages and floods', async () => {
  const form = (body: Record<string, string>, headers: Record<string, string> = {}, suffix = 'bao-cao') => t.app.inject({
    method: 'POST', url: `${page}/${suffix}`, payload: new URLSearchParams(body).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(t.config.publicUrl).origin, ...headers },
  });
  const where = await form({ province: '01' }, {}, 'noi-quet');
  assert.equal(where.statusCode, 303);
  assert.match(String(where.headers.location), /noi-quet=da-gui#noi-quet$/);
  assert.equal(await scans('01'), 1);
  assert.equal((await form({ province: '99' }, {}, 'noi-quet')).statusCode, 400);
  const thanks = await t.call({ url: String(where.headers.location).split('#')[0] });
  assert.match(thanks.body, /class="notice ok"/);

  const reports = async () => (await query<{ message: string; contact: string | null; lot: string | null }>(t.database.db, sql`SELECT message, contact, lot FROM report WHERE product_id = ${w.productId} AND source = 'trace' ORDER BY created_at`));
  assert.equal((await form({ message: 'Hũ bị vỡ nắp', contact: '' }, { origin: 'https://evil.example' })).statusCode, 403);
  const short = await form({ message: 'xx' });
  assert.equal(short.statusCode, 400);
  assert.match(short.body, /class="notice bad"/);
  assert.equal((await form({ message: 'Mật ong có mùi lạ', contact: 'x'.repeat(201) })).statusCode, 400);
  assert.equal((await reports()).length, 0, 'nothing kept from refused posts');
  const ok = await form({ message: 'Mật ong có mùi lạ, nghi hàng giả', contact: '0912 345 678', category: 'food_safety' });
  assert.equal(ok.statusCode, 303);
  // Filed as a consumer report of the supervision module: the reporter lands on the page showing its reference.
  assert.match(String(ok.headers.location), /^\/phan-anh\/PA-\d{4}-[0-9A-Z]{8}\?moi=1$/);
  assert.equal((await form({ message: 'spam spam spam', website: 'http://spam' })).statusCode, 303);
  assert.deepEqual(await reports(), [{ message: 'Mật ong có mùi lạ, nghi hàng giả', contact: '0912 345 678', lot: w.lot }]);
  assert.deepEqual((await query<{ category: string }>(t.database.db, sql`SELECT category FROM report WHERE product_id = ${w.productId}`)).map((r) => r.category), ['food_safety']);
  // The lot's budget (10 an hour) runs out; the page says so and keeps what was typed.
  for (let i = 0; i < 9; i++) assert.equal((await form({ message: `Báo cáo số ${i}` })).statusCode, 303);
  const limited = await form({ message: 'Báo cáo thứ mười một' });
  assert.equal(limited.statusCode, 429);
  assert.ok(limited.headers['retry-after']);
  assert.match(limited.body, /Báo cáo thứ mười một/);
  assert.equal((await reports()).length, 10);
});

test('QR codes: SVG and PNG of a product, a lot, a serial and any Digital Link; bad URIs 400', async () => {
  const base = t.config.publicUrl.replace(/\/$/, '');
  const svg = await t.call({ url: `/api/v1/products/${w.productId}/qr.svg` });
  assert.equal(svg.statusCode, 200);
  assert.match(String(svg.headers['content-type']), /^image\/svg\+xml/);
  assert.equal(svg.headers['x-digital-link'], `${base}/01/${w.gtin}`);
  const png = await t.call({ url: `/api/v1/trace/lots/${w.lotId}/qr.png?serial=A17` });
  assert.equal(png.statusCode, 200);
  assert.deepEqual([...png.rawPayload.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.equal(png.headers['x-digital-link'], `${base}/01/${w.gtin}/10/${w.lot}/21/A17`);
  const any = await t.call({ url: `/api/v1/trace/qr.svg?uri=${encodeURIComponent(`https://id.example.vn/gs1/01/${w.gtin.slice(1)}/10/${w.lot}`)}` });
  assert.equal(any.statusCode, 200);
  assert.equal(any.headers['x-digital-link'], `https://id.example.vn/gs1/01/${w.gtin}/10/${w.lot}`);
  assertProblem(await t.call({ url: `/api/v1/trace/qr.png?uri=${encodeURIComponent(`https://id.example.vn/01/${w.gtin}/21/S/10/L`)}` }), 400, 'gs1_qualifier_order');
  assertProblem(await t.call({ url: `/api/v1/trace/qr.png?uri=${encodeURIComponent('https://example.vn/about')}` }), 400, 'not_a_digital_link');
  assertProblem(await t.call({ url: `/api/v1/trace/lots/${w.lotId}/qr.svg?serial=${encodeURIComponent('bad serial!')}` }), 400);
});

/** A PGM (P5, 8-bit) as width, height and pixels. */
function readPgm(file: string) {
  const buf = readFileSync(file);
  const header = buf.toString('latin1', 0, 64).split(/\s+/);
  const [magic, width, height, max] = header;
  assert.equal(magic, 'P5');
  const start = buf.length - Number(width) * Number(height);
  assert.equal(Number(max), 255);
  return { width: Number(width), height: Number(height), at: (x: number, y: number) => buf[start + y * Number(width) + x] };
}

test('the label sheet: a PDF of stamps whose printed QR code reads back as the lot\'s Digital Link; refused outside the entity\'s scope', async () => {
  assertProblem(await t.call({ url: `/api/v1/trace/lots/${w.lotId}/labels.pdf` }), 401);
  const other = await t.user('entity', { entityId: (await tracedProduct(t, { central: w.central })).entityId });
  assertProblem(await t.call({ url: `/api/v1/trace/lots/${w.lotId}/labels.pdf`, as: other }), 403);
  assertProblem(await t.call({ url: `/api/v1/trace/lots/${w.lotId}/labels.pdf?size=huge`, as: w.entity }), 400);
  const res = await t.call({ url: `/api/v1/trace/lots/${w.lotId}/labels.pdf?size=small&count=30`, as: w.entity });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const pdf = res.rawPayload;
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.match(pdf.toString('latin1'), /FontFile2/, 'the font is embedded');
  assert.equal((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length, 2, '30 small stamps: two A4 pages');
  assert.equal((await t.call({ url: `/api/v1/trace/lots/${w.lotId}/labels.pdf?size=large`, as: await t.user('commune', { communeCode: '00769' }) })).statusCode, 200);

  // Print it (rasterise at 300 dpi) and read the first stamp's code back module by module.
  const dir = mkdtempSync(join(tmpdir(), 'ocop-labels-'));
  try {
    writeFileSync(join(dir, 'l.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '300', '-gray', '-f', '1', '-l', '1', join(dir, 'l.pdf'), join(dir, 'p')]);
    const img = readPgm(join(dir, 'p-1.pgm'));
    const uri = `${t.config.publicUrl.replace(/\/$/, '')}/01/${w.gtin}/10/${w.lot}`;
    const expected = await qrMatrix(uri);
    const box = qrBox('small', 4);
    const m = box.side / (expected.size + 2 * QR_QUIET_ZONE);
    const px = (pt: number) => Math.round((pt * 300) / 72);
    let wrong = 0;
    for (let y = -1; y <= expected.size; y++) {
      for (let x = -1; x <= expected.size; x++) {
        const dark = img.at(px(box.x + (QR_QUIET_ZONE + x + 0.5) * m), px(box.y + (QR_QUIET_ZONE + y + 0.5) * m)) < 128;
        const want = x >= 0 && y >= 0 && x < expected.size && y < expected.size && expected.dark(x, y);
        if (dark !== want) wrong++;
      }
    }
    assert.equal(wrong, 0, 'every module of the printed code (and its quiet zone) as encoded');
    // With a QR decoder installed (jsqr), the printed code is also decoded as a phone would.
    const jsqr = await import('jsqr' as string).then((m: { default: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }) => m.default).catch(() => undefined);
    if (jsqr) {
      const rgba = new Uint8ClampedArray(img.width * img.height * 4);
      for (let i = 0; i < img.width * img.height; i++) { const v = img.at(i % img.width, Math.floor(i / img.width)); rgba.set([v, v, v, 255], i * 4); }
      assert.equal(jsqr(rgba, img.width, img.height)?.data, uri);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
