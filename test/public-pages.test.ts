// The server-rendered public pages on the real database and HTTP server: status, <title>, description, canonical,
// Open Graph, JSON-LD (parsed and checked), the content itself, 404 pages, English, and no personal data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { UserActor } from '../src/app/actor.js';
import { issueCertificate } from '../src/modules/scoring/index.js';
import { vnDate } from '../src/modules/scoring/index.js';
import { entityBody, MEO_VAC, testApp, type Session, type TestApp } from './harness.js';

let t: TestApp;
let officer: Session;
let product: { id: string; code: string };
let unrated: { id: string };
let entityId: string;
let certNumber: string;
const NASTY = 'Mật ong </script><script>alert(1)</script> "ngon" & <b>đậm</b>';
const REPRESENTATIVE = 'Sùng Thị Mỷ';
const REGISTRATION = 'REG-PAGES-0001';

before(async () => {
  t = await testApp({ publicUrl: 'https://ocop.example.vn' });
  officer = await t.user('province', { provinceCode: '08' });
  const e = await t.call({ method: 'POST', url: '/api/v1/entities', as: officer, body: entityBody(MEO_VAC, { registrationNumber: REGISTRATION, phone: '0912345678', email: 'htx@example.vn' }) });
  assert.equal(e.statusCode, 201, e.body);
  entityId = e.json().id;
  const p = await t.call({ method: 'POST', url: '/api/v1/products', as: officer, body: { entityId, name: 'Mật ong bạc hà Mèo Vạc', productSet: 4, status: 'registered', description: NASTY } });
  assert.equal(p.statusCode, 201, p.body);
  product = p.json();
  const u = await t.call({ method: 'POST', url: '/api/v1/products', as: officer, body: { entityId, name: 'Chè shan tuyết cổ thụ', productSet: 11, status: 'registered' } });
  assert.equal(u.statusCode, 201, u.body);
  unrated = u.json();
  const actor: UserActor = { kind: 'user', id: officer.user.id, role: 'province', provinceCode: '08', communeCode: null, entityId: null, via: 'session' };
  const cert = await t.database.db.transaction((tx) => issueCertificate({ actor, tx, log: console as never, now: new Date() }, {
    productId: product.id, stars: 4, kind: 'first', decisionNumber: '1234/QĐ-UBND', decidedOn: vnDate(new Date()),
  }));
  certNumber = cert.number;
});
after(() => t?.close());

/** The bits of a page the tests read (the HTML is ours, so a few patterns do). */
function page(html: string) {
  const attr = (re: RegExp) => re.exec(html)?.[1]?.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return {
    title: attr(/<title>([^<]*)<\/title>/),
    description: attr(/<meta name="description" content="([^"]*)"/),
    canonical: attr(/<link rel="canonical" href="([^"]*)"/),
    og: (p: string) => attr(new RegExp(`<meta property="og:${p}" content="([^"]*)"`)),
    jsonLd: [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1])),
    lang: attr(/<html lang="([^"]*)"/),
    scripts: [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>/g)].length,
  };
}

async function get(url: string, headers: Record<string, string> = {}) {
  return t.call({ url, headers });
}

test('product page: document with title, description, canonical, og tags, Product JSON-LD with hasCertification', async () => {
  const res = await get(`/san-pham/${product.id}`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  assert.ok(res.headers.etag);
  const p = page(res.body);
  assert.equal(p.lang, 'vi');
  assert.equal(p.title, 'Mật ong bạc hà Mèo Vạc · OCOP Việt Nam');
  assert.match(p.description!, /4 sao OCOP/);
  assert.equal(p.canonical, `https://ocop.example.vn/san-pham/${product.id}`);
  assert.equal(p.og('title'), 'Mật ong bạc hà Mèo Vạc');
  assert.equal(p.og('type'), 'product');
  assert.equal(p.og('url'), p.canonical);
  assert.equal(p.scripts, 0, 'no script runs on a public page');
  const [ld] = p.jsonLd;
  assert.equal(ld['@type'], 'Product');
  assert.equal(ld.name, 'Mật ong bạc hà Mèo Vạc');
  assert.equal(ld.sku, product.code);
  assert.equal(ld.description, NASTY, 'the JSON-LD carries the text unchanged, escaped for the script element');
  assert.equal(ld.hasCertification['@type'], 'Certification');
  assert.equal(ld.hasCertification.certificationIdentification, certNumber);
  assert.equal(ld.hasCertification.certificationRating.ratingValue, 4);
  assert.match(ld.hasCertification.issuedBy.name, /Tuyên Quang/);
  assert.ok(ld.hasCertification.validFrom && ld.hasCertification.expires);
  assert.equal(ld.manufacturer['@type'], 'Organization');
  // The content is in the HTML: name, certificate link, producer link; the hostile description is text, not markup.
  assert.match(res.body, /<h1>Mật ong bạc hà Mèo Vạc<\/h1>/);
  assert.ok(res.body.includes(`/xac-minh/${encodeURIComponent(certNumber)}`));
  assert.ok(res.body.includes(`/chu-the/${entityId}`));
  assert.ok(!res.body.includes('<script>alert(1)'), 'the description is escaped');
  assert.ok(res.body.includes('&lt;/script&gt;&lt;script&gt;alert(1)'));
  // No self-assessment button on the public page.
  assert.ok(!res.body.includes('Tự đánh giá') && !res.body.includes('/cham-diem/4'));
  // Revalidation: the same bytes answer 304.
  const again = await get(`/san-pham/${product.id}`, { 'if-none-match': String(res.headers.etag) });
  assert.equal(again.statusCode, 304);
});

test('product page without a photo shows its group drawing; the drawing is an SVG', async () => {
  const res = await get(`/san-pham/${unrated.id}`);
  assert.equal(res.statusCode, 200);
  const p = page(res.body);
  assert.equal(p.jsonLd[0].hasCertification, undefined, 'no certificate, no hasCertification');
  assert.equal(p.og('image'), undefined);
  const src = /<img class="thumb" src="(\/minh-hoa\/[^"]+)"/.exec(res.body)?.[1];
  assert.equal(src, '/minh-hoa/I.5.svg');
  const svg = await get(src!);
  assert.equal(svg.statusCode, 200);
  assert.match(String(svg.headers['content-type']), /^image\/svg\+xml/);
  assert.equal((await get('/minh-hoa/IX.9.svg')).statusCode, 404);
});

test('product page in English with ?lang=en sets the cookie; the cookie alone then gives English', async () => {
  const res = await get(`/san-pham/${product.id}?lang=en`);
  assert.equal(res.statusCode, 200);
  const p = page(res.body);
  assert.equal(p.lang, 'en');
  assert.equal(p.canonical, `https://ocop.example.vn/san-pham/${product.id}?lang=en`);
  assert.match(p.description!, /OCOP 4-star|4 OCOP stars|OCOP/);
  assert.ok(res.body.includes('Producer') || res.body.includes('Entity'));
  const cookie = res.cookies.find((c) => c.name === 'lang');
  assert.equal(cookie?.value, 'en');
  const byCookie = await get(`/san-pham/${product.id}`, { cookie: 'lang=en' });
  assert.equal(page(byCookie.body).lang, 'en');
  // The switch back names Vietnamese explicitly, so it overrides the cookie.
  assert.ok(byCookie.body.includes(`href="/san-pham/${product.id}?lang=vi"`));
});

test("product page: the entity's other products, never the product itself", async () => {
  const others = (html: string) => html.split('<h2>Sản phẩm của chủ thể</h2>')[1] ?? '';
  const a = others((await get(`/san-pham/${product.id}`)).body);
  assert.ok(a.includes(`/san-pham/${unrated.id}`) && !a.includes(`/san-pham/${product.id}"`));
  const b = others((await get(`/san-pham/${unrated.id}`)).body);
  assert.ok(b.includes(`/san-pham/${product.id}`) && !b.includes(`/san-pham/${unrated.id}"`));
});

test('unknown or malformed product: a 404 HTML page with the shell', async () => {
  for (const url of ['/san-pham/00000000-0000-4000-8000-000000000000', '/san-pham/not-a-uuid']) {
    const res = await get(url);
    assert.equal(res.statusCode, 404, url);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(page(res.body).title!, /Không tìm thấy sản phẩm/);
    assert.match(res.body, /<meta name="robots" content="noindex"/);
  }
});

test('verification page: status banner, facts, Certification JSON-LD; unknown number is a 404 page', async () => {
  const res = await get(`/xac-minh/${encodeURIComponent(certNumber)}`);
  assert.equal(res.statusCode, 200);
  const p = page(res.body);
  assert.match(p.title!, /Xác minh giấy chứng nhận OCOP/);
  assert.equal(p.canonical, `https://ocop.example.vn/xac-minh/${encodeURIComponent(certNumber)}`);
  assert.match(p.description!, /Còn hiệu lực/);
  assert.match(res.body, /data-status="valid"/);
  assert.ok(res.body.includes('1234/QĐ-UBND'));
  assert.equal(p.jsonLd[0]['@type'], 'Certification');
  assert.equal(p.jsonLd[0].certificationIdentification, certNumber);
  assert.equal(p.scripts, 0);
  const missing = await get('/xac-minh/OCOP-KHONG-CO');
  assert.equal(missing.statusCode, 404);
  assert.ok(missing.body.includes('OCOP-KHONG-CO'));
});

test('no personal data on the product and verification pages', async () => {
  for (const url of [`/san-pham/${product.id}`, `/xac-minh/${encodeURIComponent(certNumber)}`]) {
    const body = (await get(url)).body;
    for (const secret of [REPRESENTATIVE, REGISTRATION, 'Thôn Tả Chải', 'Mông', '0912345678']) assert.ok(!body.includes(secret), `${url} leaks ${secret}`);
  }
});

test('catalogue: opens on certified products (stars, then recency); registered ones behind the status filter; GET form', async () => {
  const res = await get('/');
  assert.equal(res.statusCode, 200);
  const p = page(res.body);
  assert.equal(p.canonical, 'https://ocop.example.vn/');
  assert.match(p.title!, /Sản phẩm OCOP được công nhận/);
  assert.ok(p.description);
  assert.equal(p.jsonLd[0]['@type'], 'WebSite');
  assert.equal(p.scripts, 0);
  assert.match(res.body, /<form class="filters"[^>]* action="\/" method="get"/);
  assert.ok(res.body.includes(`/san-pham/${product.id}`), 'the certified product is listed');
  assert.ok(!res.body.includes(`/san-pham/${unrated.id}`), 'the unrated one is not, by default');
  // The category appears once per card.
  const card = /<li class="card">([\s\S]*?)<\/li>/.exec(res.body)![1];
  assert.equal(card.split('Thực phẩm thô, sơ chế').length - 1, 1, card);
  const registered = await get('/?status=registered');
  assert.ok(registered.body.includes(`/san-pham/${unrated.id}`));
  assert.ok(!registered.body.includes(`/san-pham/${product.id}`));
  assert.match(registered.body, /<option value="registered" selected="">/);
  assert.match(registered.body, /<meta name="robots" content="noindex"/);
  // Search ignores diacritics (the API's query code).
  const search = await get('/?status=all&q=che+shan');
  assert.ok(search.body.includes(`/san-pham/${unrated.id}`) && !search.body.includes(`/san-pham/${product.id}`));
  // Nonsense in the query is dropped, not an error page.
  const odd = await get('/?province=xx&stars=9&page=-3&group=<b>&status=nope');
  assert.equal(odd.statusCode, 200);
  assert.ok(odd.body.includes(`/san-pham/${product.id}`));
  const en = await get('/?lang=en');
  assert.equal(page(en.body).lang, 'en');
  assert.match(en.body, /<input type="hidden" name="lang" value="en"\/>/);
});

test('entity page: Organization JSON-LD, commune and province only, its products; unknown entity 404', async () => {
  const res = await get(`/chu-the/${entityId}`);
  assert.equal(res.statusCode, 200);
  const p = page(res.body);
  assert.equal(p.canonical, `https://ocop.example.vn/chu-the/${entityId}`);
  assert.match(p.title!, /^HTX Mật ong bạc hà Mèo Vạc/);
  assert.equal(p.og('type'), 'profile');
  const [ld] = p.jsonLd;
  assert.equal(ld['@type'], 'Organization');
  assert.equal(ld.address.addressCountry, 'VN');
  assert.ok(res.body.includes('Mật ong bạc hà Mèo Vạc') && res.body.includes('Chè shan tuyết cổ thụ'));
  for (const secret of [REPRESENTATIVE, REGISTRATION, 'Thôn Tả Chải', 'Mông']) assert.ok(!res.body.includes(secret), `leaks ${secret}`);
  assert.equal((await get('/chu-the/00000000-0000-4000-8000-000000000000')).statusCode, 404);
});

test('certificate register: the certificate listed with links to its verification; filters as a GET form', async () => {
  const res = await get('/giay-chung-nhan');
  assert.equal(res.statusCode, 200);
  const p = page(res.body);
  assert.match(p.title!, /Sổ đăng ký giấy chứng nhận OCOP/);
  assert.equal(p.canonical, 'https://ocop.example.vn/giay-chung-nhan');
  assert.ok(res.body.includes(`/xac-minh/${encodeURIComponent(certNumber)}`));
  assert.match(res.body, /<form class="filters"[^>]* action="\/giay-chung-nhan" method="get"/);
  const none = await get('/giay-chung-nhan?status=revoked');
  assert.ok(!none.body.includes(`/xac-minh/${encodeURIComponent(certNumber)}`));
  for (const secret of [REPRESENTATIVE, REGISTRATION]) assert.ok(!res.body.includes(secret));
});

test('sitemap index, its pages of products and entities, robots.txt', async () => {
  const index = await get('/sitemap.xml');
  assert.equal(index.statusCode, 200);
  assert.match(String(index.headers['content-type']), /^application\/xml/);
  const files = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  assert.deepEqual(files, ['https://ocop.example.vn/sitemap-trang.xml', 'https://ocop.example.vn/sitemap-san-pham-1.xml', 'https://ocop.example.vn/sitemap-chu-the-1.xml']);
  const products = await get('/sitemap-san-pham-1.xml');
  assert.ok(products.body.includes(`<loc>https://ocop.example.vn/san-pham/${product.id}</loc>`));
  assert.ok(products.body.includes(`/san-pham/${unrated.id}`));
  const entities = await get('/sitemap-chu-the-1.xml');
  assert.ok(entities.body.includes(`<loc>https://ocop.example.vn/chu-the/${entityId}</loc>`));
  assert.equal((await get('/sitemap-san-pham-99.xml')).statusCode, 404);
  const robots = await get('/robots.txt');
  assert.equal(robots.statusCode, 200);
  assert.match(robots.body, /Disallow: \/lam-viec/);
  assert.match(robots.body, /Disallow: \/api\//);
  assert.match(robots.body, /Sitemap: https:\/\/ocop.example.vn\/sitemap.xml/);
  const css = await get(/href="(\/site\.css\?v=[^"]+)"/.exec((await get('/')).body)![1]);
  assert.equal(css.statusCode, 200);
  assert.match(String(css.headers['cache-control']), /immutable/);
});
