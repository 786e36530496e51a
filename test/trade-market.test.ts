// Trade across modules: the modern-channel indicator and the others (stats) over a small fixture, the product feeds,
// and where to buy on the server-sent product page (registry's page, trade's channels, scoring's certificate).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { UserActor } from '../src/app/actor.js';
import { query } from '../src/app/db.js';
import { addDays, issueCertificate, vnDate } from '../src/modules/scoring/index.js';
import { DONG_VAN, MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from './harness.js';
import { makeEntity, makeProduct } from './api-helpers.js';
import { multipartBody } from './multipart.js';

let t: TestApp;
const today = vnDate(new Date());
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
type Fixture = { entity: { id: string }; product: { id: string; code: string }; owner: Session; cert?: string };
const f: Record<'A' | 'B' | 'C' | 'D', Fixture> = {} as never;
let tq: Session; let tn: Session; let otherCommune: string;

async function channel(owner: Session, verifier: Session | null, body: Record<string, unknown>) {
  const c = await t.call({ method: 'POST', url: '/api/v1/channels', as: owner, body: { partnerName: 'Đối tác', startsOn: '2025-01-01', ...body } });
  assert.equal(c.statusCode, 201, c.body);
  const m = multipartBody([{ name: 'file', filename: 'hop-dong.pdf', type: 'application/pdf', bytes: PDF }]);
  const up = await t.app.inject({ method: 'POST', url: `/api/v1/channels/${c.json().id}/evidence`, payload: m.payload, headers: { 'content-type': m.contentType, cookie: owner.cookie, 'x-csrf-token': owner.csrf } });
  assert.equal(up.statusCode, 200, up.body);
  if (verifier) assert.equal((await t.call({ method: 'POST', url: `/api/v1/channels/${c.json().id}/verify`, as: verifier, body: { version: 2 } })).statusCode, 200);
  return c.json().id as string;
}

before(async () => {
  t = await testApp();
  const central = await t.user('central');
  tq = await t.user('province', { provinceCode: '08' });
  tn = await t.user('province', { provinceCode: '19' });
  const actor = (s: Session, provinceCode: string): UserActor => ({ kind: 'user', id: s.user.id, role: 'province', provinceCode, communeCode: null, entityId: null, via: 'session' });
  const places = { A: [MEO_VAC, tq, 4], B: [TAN_CUONG, tn, 3], C: [DONG_VAN, tq, 4], D: [MEO_VAC, tq, 0] } as const;
  for (const [k, [commune, officer, stars]] of Object.entries(places) as [keyof typeof f, (typeof places)[keyof typeof places]][]) {
    const entity = await makeEntity(t, central, commune, { name: `HTX thử ${k}` });
    const product = await makeProduct(t, central, entity.id, { name: `Sản phẩm ${k}`, status: 'registered', description: k === 'A' ? 'Mật ong <bạc hà> & "hoa"' : null });
    f[k] = { entity, product, owner: await t.user('entity', { entityId: entity.id }) };
    if (stars) {
      const c = await t.database.db.transaction((tx) => issueCertificate({ actor: actor(officer, officer === tq ? '08' : '19'), tx, log: console as never, now: new Date() }, { productId: product.id, stars, kind: 'first', decisionNumber: `${k}1/QĐ-UBND`, decidedOn: today }));
      f[k].cert = c.number;
    }
  }
  await channel(f.A.owner, tq, { type: 'supermarket', partnerName: 'Co.op Mart', productId: f.A.product.id, priceVnd: 185000, shopUrl: 'https://cooponline.vn/p/mat-ong' });
  await channel(f.A.owner, tq, { type: 'own_website', partnerName: 'HTX thử A', shopUrl: 'https://htx-a.example.vn/' });
  await channel(f.B.owner, tn, { type: 'ecommerce', partnerName: 'Shopee', endsOn: addDays(today, -1) }); // ended yesterday
  await channel(f.B.owner, null, { type: 'supermarket', partnerName: 'GO!' }); // not verified
  await channel(f.C.owner, tq, { type: 'traditional_market', partnerName: 'Chợ Đồng Văn' }); // not modern
  await channel(f.D.owner, tq, { type: 'supermarket', partnerName: 'WinMart' }); // no certificate: not an OCOP entity
  [{ code: otherCommune }] = await query<{ code: string }>(t.database.db, sql`SELECT code FROM commune WHERE province_code = '08' AND code NOT IN (${MEO_VAC}, ${DONG_VAN}) ORDER BY code LIMIT 1`);
});
after(() => t.close());

const modern = async (q = '') => (await t.call({ url: `/api/v1/indicators/modern-channels${q}` })).json();

test('modern channels: exactly {numerator, denominator, percent, target}, nationally, by province and commune; unverified, ended, non-modern and uncertified do not count', async () => {
  assert.deepEqual(await modern(), { numerator: 1, denominator: 3, percent: 33.3, target: 50 });
  assert.deepEqual(await modern('?province=08'), { numerator: 1, denominator: 2, percent: 50, target: 50 });
  assert.deepEqual(await modern('?province=19'), { numerator: 0, denominator: 1, percent: 0, target: 50 });
  assert.deepEqual(await modern(`?commune=${MEO_VAC}`), { numerator: 1, denominator: 1, percent: 100, target: 50 });
  const csv = await t.call({ url: '/api/v1/indicators/modern-channels?province=08&format=csv' });
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.equal(csv.body, '\uFEFFnumerator,denominator,percent,target\r\n1,2,50,50\r\n');
  const byAccept = await t.call({ url: '/api/v1/indicators/products-by-stars', headers: { accept: 'text/csv' } });
  assert.equal(byAccept.body, '\uFEFFstars,count\r\n3,1\r\n4,2\r\n');
});

test('named indicators: products by stars, sector and province; certificates; entities by type; a bad name or code is a 400', async () => {
  const stars = (await t.call({ url: '/api/v1/indicators/products-by-stars?province=08' })).json();
  assert.deepEqual([stars.rows, stars.total, stars.area], [[{ stars: 4, count: 2 }], 2, { province: '08', commune: null }]);
  const sector = (await t.call({ url: '/api/v1/indicators/products-by-sector' })).json();
  assert.deepEqual(sector.rows.map((r: { sector: string; count: number }) => [r.sector, r.count]), [['I', 3]]);
  const provinces = (await t.call({ url: '/api/v1/indicators/products-by-province' })).json();
  assert.deepEqual(provinces.rows.map((r: { province: string; count: number }) => [r.province, r.count]), [['08', 2], ['19', 1]]);
  const certs = (await t.call({ url: '/api/v1/indicators/certificates?province=08' })).json();
  assert.deepEqual(certs.rows, [{ issued: 2, inForce: 2, expiringWithin180Days: 0, revoked: 0 }]);
  const types = (await t.call({ url: `/api/v1/indicators/entities-by-type?commune=${MEO_VAC}` })).json();
  assert.deepEqual(types.rows, [{ category: 'htx', count: 2 }]);
  const dashboard = (await t.call({ url: '/api/v1/dashboard?province=08' })).json();
  assert.deepEqual(dashboard.modernChannels, await modern('?province=08'));
  assert.deepEqual(dashboard.indicators.map((i: { name: string }) => i.name), ['products-by-stars', 'products-by-sector', 'products-by-province', 'certificates', 'entities-by-type', 'entities-by-sex', 'entities-by-ethnicity', 'entities-by-disability']);
  assert.deepEqual(dashboard.indicators[0].rows, stars.rows);
  assert.equal((await t.call({ url: '/api/v1/dashboard?province=99' })).statusCode, 404);
  assert.equal((await t.call({ url: '/api/v1/indicators/everything' })).statusCode, 400);
  assert.equal((await t.call({ url: '/api/v1/indicators/modern-channels?province=999' })).statusCode, 400);
  const unknown = await t.call({ url: '/api/v1/indicators/modern-channels?province=99' });
  assert.deepEqual([unknown.statusCode, unknown.json().code], [404, 'province_not_found']);
  assert.equal((await t.call({ url: '/api/v1/indicators/products-by-stars?commune=99999' })).statusCode, 404);
  assert.equal((await t.call({ url: `/api/v1/indicators/products-by-stars?province=19&commune=${MEO_VAC}` })).statusCode, 404, 'a commune of another province');
  const doc = (await t.call({ url: '/api/openapi.json' })).json();
  assert.ok(doc.paths['/api/v1/indicators/modern-channels'].get && doc.paths['/api/v1/indicators/{name}'].get && doc.paths['/api/v1/channels'].post);
});

test('counts by the representative\'s ethnicity or sex are withheld below the minimum cell size (and one more when one alone could be recovered)', async () => {
  const central = await t.user('central');
  for (const [ethnicity, n] of [['Kinh', 5], ['Mông', 6], ['Tày', 1]] as const) {
    for (let i = 0; i < n; i++) await makeEntity(t, central, otherCommune, { representative: { fullName: 'Người đại diện', sex: 'male', ethnicity, disability: false } });
  }
  const eth = (await t.call({ url: `/api/v1/indicators/entities-by-ethnicity?commune=${otherCommune}` })).json();
  assert.deepEqual(eth.rows, [{ category: 'Mông', count: 6, suppressed: false }, { category: 'Kinh', count: null, suppressed: true }, { category: 'Tày', count: null, suppressed: true }]);
  assert.deepEqual([eth.total, eth.minimumCellSize], [12, 5]);
  const sex = (await t.call({ url: `/api/v1/indicators/entities-by-sex?commune=${MEO_VAC}` })).json();
  assert.deepEqual([sex.rows, sex.total], [[{ category: 'female', count: null, suppressed: true }], null]);
  const csv = await t.call({ url: `/api/v1/indicators/entities-by-ethnicity?commune=${otherCommune}&format=csv` });
  assert.equal(csv.body, '\uFEFFcategory,count,suppressed\r\nMông,6,false\r\nKinh,,true\r\nTày,,true\r\n');
});

const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]) as Record<string, unknown>);

test('the server-sent product page: schema.org offers in VND with the verified channels as where to buy, and the OCOP certification', async () => {
  const page = await t.call({ url: `/san-pham/${f.A.product.id}` });
  assert.equal(page.statusCode, 200);
  const product = jsonLd(page.body).find((d) => d['@type'] === 'Product')!;
  assert.deepEqual(product.offers, [
    { '@type': 'Offer', url: 'https://htx-a.example.vn/', availability: 'https://schema.org/InStock', seller: { '@type': 'Organization', name: 'HTX thử A' } },
    { '@type': 'Offer', url: 'https://cooponline.vn/p/mat-ong', price: 185000, priceCurrency: 'VND', availability: 'https://schema.org/InStock', seller: { '@type': 'Organization', name: 'Co.op Mart' } },
  ].sort((a, b) => ((a.seller.name === 'Co.op Mart') === (b.seller.name === 'Co.op Mart') ? 0 : a.seller.name === 'Co.op Mart' ? 1 : -1)));
  const cert = product.hasCertification as Record<string, any>;
  assert.equal(cert.certificationIdentification, f.A.cert);
  assert.equal(cert.certificationRating.ratingValue, 4);
  assert.equal(cert.issuedBy.name, 'UBND tỉnh Tuyên Quang');
  assert.deepEqual([cert.validFrom, typeof cert.expires], [today, 'string']);
  assert.match(page.body, /Nơi mua/);
  assert.match(page.body, /href="https:\/\/cooponline.vn\/p\/mat-ong"/);
  assert.match(page.body, /185\.000 đ/);
  const other = jsonLd((await t.call({ url: `/san-pham/${f.C.product.id}` })).body).find((d) => d['@type'] === 'Product')!;
  assert.deepEqual(other.offers, [{ '@type': 'Offer', availability: 'https://schema.org/InStock', seller: { '@type': 'Organization', name: 'Chợ Đồng Văn' } }]);
  assert.equal(jsonLd((await t.call({ url: `/san-pham/${f.B.product.id}` })).body).find((d) => d['@type'] === 'Product')!.offers, undefined);
});

test('feeds: only published products with a certificate in force (on Google, with a price and a photo); the entity CSV and partner JSON; a revoked certificate leaves at once', async () => {
  // A's photo (a PNG); B and C have neither a price nor a photo: Google would refuse them, so only the JSON and CSV list them.
  const central = await t.user('central');
  const m = multipartBody([{ name: 'kind', value: 'image' }, { name: 'file', filename: 'mat-ong.png', type: 'image/png', bytes: await QRCode.toBuffer('mat ong', { type: 'png' }) }]);
  const photo = await t.app.inject({ method: 'POST', url: `/api/v1/products/${f.A.product.id}/files`, payload: m.payload, headers: { 'content-type': m.contentType, cookie: central.cookie, 'x-csrf-token': central.csrf } });
  assert.equal(photo.statusCode, 201, photo.body);
  const xml = await t.call({ url: '/feeds/google-merchant.xml' });
  assert.equal(xml.statusCode, 200);
  assert.match(String(xml.headers['content-type']), /^application\/rss\+xml/);
  assert.match(xml.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0" xmlns:g="http:\/\/base.google.com\/ns\/1.0">/);
  const items = [...xml.body.matchAll(/<item>(.*?)<\/item>/g)].map((x) => x[1]);
  assert.equal(items.length, 1);
  const a = items.find((i) => i.includes(`<g:id>${f.A.product.code}</g:id>`))!;
  assert.ok(a, 'A is listed');
  for (const part of ['<g:price>185000 VND</g:price>', '<g:availability>in_stock</g:availability>', '<g:brand>HTX thử A</g:brand>', '<g:description>Mật ong &lt;bạc hà&gt; &amp; &quot;hoa&quot;</g:description>',
    `<g:link>${t.config.publicUrl.replace(/\/$/, '')}/san-pham/${f.A.product.id}</g:link>`, `<g:image_link>${t.config.publicUrl.replace(/\/$/, '')}/api/v1/files/${photo.json().id}</g:image_link>`, '<g:attribute_name>Hạng OCOP</g:attribute_name><g:attribute_value>4 sao</g:attribute_value>', `<g:attribute_value>${f.A.cert}</g:attribute_value>`]) {
    assert.ok(a.includes(part), part);
  }
  assert.ok(!xml.body.includes(f.D.product.code), 'no certificate, no listing');
  assert.ok(!xml.body.includes('.svg'), 'no drawing as an image');

  const json = (await t.call({ url: '/feeds/products.json' })).json();
  assert.deepEqual(json.items.map((i: { id: string }) => i.id).sort(), [f.A.product.code, f.B.product.code, f.C.product.code].sort());
  const b = json.items.find((i: { id: string }) => i.id === f.B.product.code);
  assert.deepEqual([b.availability, b.priceVnd, b.imageLink], ['out_of_stock', null, null]);
  const csv = await t.call({ url: `/feeds/entities/${f.A.entity.id}.csv` });
  const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'sku,title,description,price_vnd,availability,brand,category,image_url,product_url,gtin,ocop_stars,ocop_certificate,ocop_valid_until');
  assert.equal(lines.length, 2);
  assert.ok(lines[1].startsWith(`${f.A.product.code},Sản phẩm A,`));
  assert.equal((await t.call({ url: `/feeds/entities/${f.D.entity.id}.csv` })).body.replace(/^\uFEFF/, '').trim().split('\r\n').length, 1);
  assert.equal((await t.call({ url: '/feeds/entities/00000000-0000-4000-8000-000000000000.csv' })).statusCode, 404);

  const revoke = await t.call({ method: 'POST', url: `/api/v1/certificates/${f.A.cert}/revoke`, as: tq, body: { ground: 'c', decisionNumber: '9/QĐ-UBND', decidedOn: today, groundFoundOn: today } });
  assert.equal(revoke.statusCode, 200, revoke.body);
  const after_ = (await t.call({ url: '/feeds/google-merchant.xml' })).body;
  assert.ok(!after_.includes(f.A.product.code), 'the revoked product left the feed');
  assert.equal([...after_.matchAll(/<item>/g)].length, 0);
  assert.equal((await t.call({ url: `/feeds/entities/${f.A.entity.id}.csv` })).body.replace(/^\uFEFF/, '').trim().split('\r\n').length, 1);
  assert.deepEqual(await modern(), { numerator: 0, denominator: 2, percent: 0, target: 50 }, 'and from the indicator');
});
