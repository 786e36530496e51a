// The programme's content over real HTTP on a real database: news (publish → the RSS feed and the server-rendered
// page carry it → withdraw → gone), good models (a search without diacritics, the product page's link), credit
// (applications refused outside their scope, never public), bad input refused with nothing written.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { DONG_VAN, MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { assertProblem, makeEntity, makeProduct } from '../../../test/api-helpers.js';
import { multipartBody } from '../../../test/multipart.js';

let t: TestApp;
let central: Session; let provinceA: Session; let provinceOther: Session; let communeA: Session; let communeOther: Session; let ownA: Session; let ownB: Session; let council: Session;
let entityA: { id: string }; let entityB: { id: string }; let tea: { id: string };
before(async () => {
  t = await testApp({ publicUrl: 'https://ocop.example.gov.vn' });
  central = await t.user('central');
  entityA = await makeEntity(t, central, MEO_VAC);
  entityB = await makeEntity(t, central, TAN_CUONG);
  tea = await makeProduct(t, central, entityA.id, { name: 'Chè Shan tuyết cổ thụ Mèo Vạc', productSet: 11, status: 'registered' });
  provinceA = await t.user('province', { provinceCode: '08' });
  provinceOther = await t.user('province', { provinceCode: '19' });
  communeA = await t.user('commune', { communeCode: MEO_VAC });
  communeOther = await t.user('commune', { communeCode: DONG_VAN });
  ownA = await t.user('entity', { entityId: entityA.id });
  ownB = await t.user('entity', { entityId: entityB.id });
  council = await t.user('council', { provinceCode: '08' });
});
after(() => t.close());

const rows = async (table: string) => Number((await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0].n);
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=', 'base64');

test('news: a province office publishes an article; the feed and its server-rendered page carry it; withdrawn, it is gone at once', async () => {
  const body = {
    kind: 'announcement', titleVi: 'Hội chợ OCOP Tuyên Quang <2026> & "mời gian hàng"', summaryVi: 'Mời các chủ thể đăng ký gian hàng.',
    bodyVi: 'Đăng ký **trước 30/9**.\n\n## Hỗ trợ\n\n- Gian hàng miễn phí\n- [Mẫu đăng ký](https://ocop.example.gov.vn/mau)\n\n<script>alert(1)</script> [xấu](javascript:alert(1))',
  };
  const created = await t.call({ method: 'POST', url: '/api/v1/news', as: provinceA, body });
  assert.equal(created.statusCode, 201, created.body);
  const a = created.json();
  assert.deepEqual([a.status, a.provinceCode, a.slug, a.actions], ['draft', '08', 'hoi-cho-ocop-tuyen-quang-2026-moi-gian-hang', ['edit', 'upload', 'publish']]);
  // A draft is nobody's but its office's.
  assertProblem(await t.call({ url: `/api/v1/news/${a.id}` }), 404, 'article_not_found');
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/news/${a.id}`, as: provinceOther, body: { version: 1, titleVi: 'x' } }), 404);
  assert.equal((await t.call({ url: a.pageUrl })).statusCode, 404);
  assert.doesNotMatch((await t.call({ url: '/feeds/news.xml' })).body, /Tuyên Quang &lt;2026&gt;/);

  // An image through the content-checked upload; a text file posing as one is refused.
  const up = (bytes: Buffer, as: Session) => {
    const m = multipartBody([{ name: 'caption', value: 'Gian hàng năm trước' }, { name: 'file', filename: 'anh.jpg', type: 'image/jpeg', bytes }]);
    return t.app.inject({ method: 'POST', url: `/api/v1/news/${a.id}/images`, payload: m.payload, headers: { 'content-type': m.contentType, cookie: as.cookie, 'x-csrf-token': as.csrf } });
  };
  assertProblem(await up(Buffer.from('plain text, not a picture'), provinceA), 415, 'file_type_not_allowed');
  const withImage = await up(JPEG, provinceA);
  assert.equal(withImage.statusCode, 200, withImage.body);
  assert.equal(withImage.json().images.length, 1);

  const published = await t.call({ method: 'POST', url: `/api/v1/news/${a.id}/publish`, as: provinceA, body: { version: 2 } });
  assert.equal(published.statusCode, 200, published.body);
  assert.ok(published.json().publishedAt);
  const feed = await t.call({ url: '/feeds/news.xml' });
  assert.equal(feed.statusCode, 200);
  assert.match(String(feed.headers['content-type']), /application\/rss\+xml/);
  const pageUrl = `https://ocop.example.gov.vn${a.pageUrl}`;
  assert.match(feed.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
  assert.ok(feed.body.includes(`<title>Hội chợ OCOP Tuyên Quang &lt;2026&gt; &amp; &quot;mời gian hàng&quot;</title>\n<link>${pageUrl}</link>`), feed.body.slice(0, 1500));
  assert.ok(feed.body.includes(`<guid isPermaLink="true">${pageUrl}</guid>`));
  assert.match(feed.body, /<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);

  const page = await t.call({ url: a.pageUrl });
  assert.equal(page.statusCode, 200);
  assert.match(String(page.headers['content-type']), /text\/html/);
  assert.ok(page.body.includes('<h1>Hội chợ OCOP Tuyên Quang &lt;2026&gt; &amp; &quot;mời gian hàng&quot;</h1>'));
  assert.ok(page.body.includes('<strong>trước 30/9</strong>') && page.body.includes('<li><span>Gian hàng miễn phí</span></li>'));
  assert.ok(page.body.includes('<a href="https://ocop.example.gov.vn/mau" rel="nofollow noopener">Mẫu đăng ký</a>'));
  assert.ok(!page.body.includes('<script>alert') && !page.body.includes('href="javascript:'), 'no HTML or script link from the author reaches the page');
  assert.ok(page.body.includes('[xấu](javascript:alert(1))'), 'an unsafe link stays text');
  assert.ok(page.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.equal((await t.call({ url: withImage.json().images[0].url })).statusCode, 200);
  const list = await t.call({ url: '/tin-tuc' });
  assert.ok(list.body.includes(a.pageUrl));
  const en = await t.call({ url: `${a.pageUrl}?lang=en` });
  assert.ok(en.body.includes('available in Vietnamese only'));

  // The central office may withdraw any article; a commune officer none.
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/news/${a.id}/unpublish`, as: communeA, body: { version: 3 } }), 403);
  const gone = await t.call({ method: 'POST', url: `/api/v1/news/${a.id}/unpublish`, as: central, body: { version: 3 } });
  assert.equal(gone.statusCode, 200, gone.body);
  assert.ok(!(await t.call({ url: '/feeds/news.xml' })).body.includes(pageUrl));
  assert.equal((await t.call({ url: a.pageUrl })).statusCode, 404);
  assertProblem(await t.call({ url: withImage.json().images[0].url }), 404);
  const history = await query<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE record_type = 'news_article' AND record_id = ${a.id} ORDER BY id`);
  assert.deepEqual(history.map((h) => h.action), ['news.create', 'news.image', 'news.publish', 'news.unpublish']);
});

test('news: English when the article has it; the central office publishes nationally; bad input writes nothing', async () => {
  const before_ = await rows('news_article');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/news', as: central, body: { kind: 'guide', titleVi: 'Hướng dẫn', summaryVi: 'Tóm tắt', bodyVi: 'Nội dung', titleEn: 'Guide' } }), 400, undefined, 'bodyEn');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/news', as: central, body: { kind: 'rumour', titleVi: 'x', summaryVi: 'x', bodyVi: 'x' } }), 400);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/news', as: central, body: { kind: 'guide', titleVi: '', summaryVi: 'x', bodyVi: 'x', html: '<b>' } }), 400);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/news', as: communeA, body: { kind: 'guide', titleVi: 'x', summaryVi: 'x', bodyVi: 'x' } }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/news', body: { kind: 'guide', titleVi: 'x', summaryVi: 'x', bodyVi: 'x' } }), 401);
  assert.equal(await rows('news_article'), before_);

  const created = (await t.call({ method: 'POST', url: '/api/v1/news', as: central, body: { kind: 'guide', slug: 'cach-nop-ho-so', titleVi: 'Cách nộp hồ sơ OCOP', summaryVi: 'Các bước nộp hồ sơ.', bodyVi: 'Bước một.', titleEn: 'How to apply', summaryEn: 'The steps.', bodyEn: 'Step one.' } })).json();
  assert.equal(created.provinceCode, null);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/news', as: central, body: { kind: 'guide', slug: 'cach-nop-ho-so', titleVi: 'Khác', summaryVi: 'x', bodyVi: 'x' } }), 400, 'slug_taken', 'slug');
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/news/${created.id}`, as: provinceA, body: { version: 1, titleVi: 'Sửa' } }), 404);
  await t.call({ method: 'POST', url: `/api/v1/news/${created.id}/publish`, as: central, body: { version: 1 } });
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/news/${created.id}/publish`, as: central, body: { version: 2 } }), 409, 'already_published');
  assertProblem(await t.call({ method: 'PATCH', url: `/api/v1/news/${created.id}`, as: central, body: { version: 2, slug: 'dia-chi-khac' } }), 400, 'slug_fixed');
  const en = await t.call({ url: '/tin-tuc/cach-nop-ho-so?lang=en' });
  assert.ok(en.body.includes('<h1>How to apply</h1>') && en.body.includes('Step one.'));
  const enFeed = (await t.call({ url: '/feeds/news.xml?lang=en' })).body;
  assert.ok(enFeed.includes('<title>How to apply</title>\n<link>https://ocop.example.gov.vn/tin-tuc/cach-nop-ho-so?lang=en</link>'), enFeed.slice(0, 800));
  assert.ok(enFeed.includes('<language>en</language>'));
  const pub = (await t.call({ url: `/api/v1/news?province=national` })).json();
  assert.deepEqual(pub.items.map((i: { slug: string }) => i.slug), ['cach-nop-ho-so']);
  for (const k of ['version', 'actions', 'createdAt']) assert.equal(pub.items[0][k], undefined, k);
});

test('good models: found without diacritics, by sector and topic; the product page links to the model; drafts stay private', async () => {
  const body = {
    name: 'Chè Shan tuyết Mèo Vạc: giữ cây chè cổ thụ', summary: 'HTX gom chè của đồng bào và nâng hạng sao.', whatTheyDid: 'Lập vùng nguyên liệu, chế biến trong ngày.',
    results: 'Giá chè búp tăng gấp đôi.', topic: 'raw_material', sectorCode: 'II', productId: tea.id, starsBefore: 3, scoreAfter: 78.5,
  };
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/good-models', as: provinceOther, body }), 403, 'outside_scope');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/good-models', as: provinceA, body: { ...body, productId: entityB.id } }), 400, 'product_not_found', 'productId');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/good-models', as: provinceA, body: { ...body, sectorCode: 'VII' } }), 400);
  const created = await t.call({ method: 'POST', url: '/api/v1/good-models', as: provinceA, body });
  assert.equal(created.statusCode, 201, created.body);
  const m = created.json();
  assert.deepEqual([m.provinceCode, m.entity.id, m.product.id, m.before, m.after?.score], ['08', entityA.id, tea.id, { score: null, stars: 3, on: null, source: 'recorded' }, 78.5]);
  assert.equal((await t.call({ url: '/api/v1/good-models?q=che shan tuyet' })).json().items.length, 0, 'a draft is not public');

  await t.call({ method: 'POST', url: `/api/v1/good-models/${m.id}/publish`, as: provinceA, body: { version: 1 } });
  for (const q of ['che shan tuyet', 'CHE SHAN', 'tuyết meo vac', 'co thu']) {
    const found = await t.call({ url: `/api/v1/good-models?q=${encodeURIComponent(q)}` });
    assert.equal(found.statusCode, 200);
    assert.deepEqual(found.json().items.map((i: { name: string }) => i.name), [body.name], q);
  }
  assert.equal((await t.call({ url: '/api/v1/good-models?q=mat ong' })).json().items.length, 0);
  assert.equal((await t.call({ url: '/api/v1/good-models?sector=II&topic=raw_material&province=08' })).json().items.length, 1);
  assert.equal((await t.call({ url: '/api/v1/good-models?sector=I' })).json().items.length, 0);
  assertProblem(await t.call({ url: '/api/v1/good-models?topic=gossip' }), 400);
  const item = (await t.call({ url: '/api/v1/good-models?q=che' })).json().items[0];
  for (const k of ['version', 'actions', 'createdAt']) assert.equal(item[k], undefined, k);

  const product = await t.call({ url: `/san-pham/${tea.id}` });
  assert.ok(product.body.includes(`href="${m.pageUrl}"`) && product.body.includes(body.name), 'the product page links to its good model');
  const page = await t.call({ url: m.pageUrl });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('Giá chè búp tăng gấp đôi.') && page.body.includes(`/san-pham/${tea.id}`));
  assert.ok((await t.call({ url: '/sitemap-trang.xml' })).body.includes(`<loc>https://ocop.example.gov.vn${m.pageUrl}</loc>`), 'the sitemap lists the model');
  const search = await t.call({ url: '/mo-hinh-hay?q=che+shan+tuyet' });
  assert.ok(search.body.includes(m.pageUrl));
});

test('credit: a public directory; applications recorded in scope, refused outside it, never public', async () => {
  const programme = { name: 'Hỗ trợ lãi suất OCOP Tuyên Quang', lender: 'Ngân sách tỉnh', kind: 'interest_support', description: 'Hỗ trợ lãi suất.', conditions: 'Có sản phẩm OCOP.', legalBasis: 'Nghị quyết HĐND tỉnh', maxAmountVnd: 1_000_000_000, deadline: '2099-12-31' };
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/credit/programmes', as: communeA, body: programme }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/credit/programmes', as: provinceA, body: { ...programme, opensOn: '2099-12-31', deadline: '2099-01-01' } }), 400, undefined, 'deadline');
  const tq = (await t.call({ method: 'POST', url: '/api/v1/credit/programmes', as: provinceA, body: programme })).json();
  assert.deepEqual([tq.provinceCode, tq.open], ['08', true]);
  const national = (await t.call({ method: 'POST', url: '/api/v1/credit/programmes', as: central, body: { ...programme, name: 'Tín dụng nông nghiệp', provinceCode: undefined } })).json();
  const pub = (await t.call({ url: '/api/v1/credit/programmes?province=08' })).json();
  assert.deepEqual(pub.items.map((p: { id: string }) => p.id).sort(), [tq.id, national.id].sort());
  assert.equal(pub.items[0].version, undefined);
  assert.equal((await t.call({ url: '/api/v1/credit/programmes?province=19' })).json().items.length, 1, 'a province\'s programme is not offered elsewhere');

  const app_ = { programmeId: tq.id, requestedAmountVnd: 300_000_000, purpose: 'Mua máy đóng gói', submittedOn: '2026-08-01' };
  const before_ = await rows('credit_application');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/credit/applications', as: ownB, body: app_ }), 400, 'programme_not_for_province', 'programmeId');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/credit/applications', as: communeOther, body: { ...app_, entityId: entityA.id } }), 404, 'entity_not_found');
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/credit/applications', as: provinceA, body: { ...app_, entityId: entityA.id } }), 403);
  assertProblem(await t.call({ method: 'POST', url: '/api/v1/credit/applications', as: ownA, body: { ...app_, requestedAmountVnd: -5 } }), 400);
  assert.equal(await rows('credit_application'), before_);

  const byCommune = await t.call({ method: 'POST', url: '/api/v1/credit/applications', as: communeA, body: { ...app_, entityId: entityA.id } });
  assert.equal(byCommune.statusCode, 201, byCommune.body);
  const mine = (await t.call({ method: 'POST', url: '/api/v1/credit/applications', as: ownA, body: { ...app_, programmeId: national.id } })).json();
  const a = byCommune.json();
  assert.deepEqual([a.status, a.entity.id, a.actions], ['submitted', entityA.id, ['outcome']]);

  // Nobody outside the entity's scope reads it: not the public, not another entity, commune or province, nor a council.
  assertProblem(await t.call({ url: '/api/v1/credit/applications' }), 401);
  assertProblem(await t.call({ url: `/api/v1/credit/applications/${a.id}` }), 401);
  assertProblem(await t.call({ url: '/api/v1/credit/applications', as: council }), 403);
  for (const s of [ownB, communeOther, provinceOther]) {
    assertProblem(await t.call({ url: `/api/v1/credit/applications/${a.id}`, as: s }), 404);
    assert.equal((await t.call({ url: '/api/v1/credit/applications', as: s })).json().items.length, 0);
  }
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/credit/applications/${a.id}/outcome`, as: provinceOther, body: { status: 'approved', version: 1, approvedAmountVnd: 1, decidedOn: '2026-08-10' } }), 404);

  assertProblem(await t.call({ method: 'POST', url: `/api/v1/credit/applications/${a.id}/outcome`, as: provinceA, body: { status: 'approved', version: 1, approvedAmountVnd: 2_000_000_000, decidedOn: '2026-08-10' } }), 400, 'above_ceiling');
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/credit/applications/${a.id}/outcome`, as: provinceA, body: { status: 'approved', version: 1, decidedOn: '2026-08-10' } }), 400);
  const ok = await t.call({ method: 'POST', url: `/api/v1/credit/applications/${a.id}/outcome`, as: provinceA, body: { status: 'approved', version: 1, approvedAmountVnd: 250_000_000, decidedOn: '2026-08-10' } });
  assert.deepEqual([ok.statusCode, ok.json().status, ok.json().approvedAmountVnd], [200, 'approved', 250_000_000], ok.body);
  assertProblem(await t.call({ method: 'POST', url: `/api/v1/credit/applications/${a.id}/outcome`, as: ownA, body: { status: 'rejected', version: 2, reason: 'Không', decidedOn: '2026-08-11' } }), 409, 'already_decided');
  const rej = await t.call({ method: 'POST', url: `/api/v1/credit/applications/${mine.id}/outcome`, as: ownA, body: { status: 'rejected', version: 1, reason: 'Thiếu tài sản bảo đảm', decidedOn: '2026-08-12' } });
  assert.equal(rej.json().rejectionReason, 'Thiếu tài sản bảo đảm');

  const office = (await t.call({ url: '/api/v1/credit/applications', as: provinceA })).json();
  assert.deepEqual(office.summary, { applications: 2, approved: 1, rejected: 1, pending: 0, entitiesHelped: 1, approvedAmountVnd: 250_000_000 });
  assert.equal((await t.call({ url: '/api/v1/credit/applications', as: ownA })).json().items.length, 2);
});
