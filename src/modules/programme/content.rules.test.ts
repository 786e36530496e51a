import assert from 'node:assert/strict';
import { test } from 'node:test';
import { beforeAfter, searchWords } from './good-models.rules.js';
import { isOpen, withinCeiling } from './credit.rules.js';
import { canMoveTo, inLanguage, parseBody, parseInline, plainText, rssFeed, safeHref, slugify, uniqueSlug } from './news.rules.js';

test('slugs: ASCII words of the Vietnamese title, đ → d, bounded, unique', () => {
  assert.equal(slugify('Quyết định 26/2026/QĐ-TTg: Bộ tiêu chí OCOP mới!'), 'quyet-dinh-26-2026-qd-ttg-bo-tieu-chi-ocop-moi');
  assert.equal(slugify('Đắk Lắk — cà phê'), 'dak-lak-ca-phe');
  assert.equal(slugify('!!!'), 'bai-viet');
  assert.ok(slugify('chữ '.repeat(60)).length <= 80);
  assert.equal(uniqueSlug('a', new Set(['a', 'a-2'])), 'a-3');
  assert.equal(uniqueSlug('b', new Set(['a'])), 'b');
});

test('Markdown-lite: paragraphs, headings, lists, quotes, bold, italic and safe links only', () => {
  assert.deepEqual(parseBody('Một dòng\nnối tiếp\n\n## Mục\n- a\n- **b**\n1. c\n> trích'), [
    { t: 'p', inlines: [{ t: 'text', text: 'Một dòng nối tiếp' }] },
    { t: 'h', level: 2, inlines: [{ t: 'text', text: 'Mục' }] },
    { t: 'ul', items: [[{ t: 'text', text: 'a' }], [{ t: 'strong', text: 'b' }]] },
    { t: 'ol', items: [[{ t: 'text', text: 'c' }]] },
    { t: 'quote', inlines: [{ t: 'text', text: 'trích' }] },
  ]);
  assert.deepEqual(parseInline('*nghiêng* [x](https://a.vn/b) [y](javascript:alert(1)) [z](/tin-tuc)'), [
    { t: 'em', text: 'nghiêng' }, { t: 'text', text: ' ' }, { t: 'link', text: 'x', href: 'https://a.vn/b' },
    { t: 'text', text: ' [y](javascript:alert(1)) ' }, { t: 'link', text: 'z', href: '/tin-tuc' },
  ]);
  for (const bad of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'https://u:p@a.vn']) assert.equal(safeHref(bad), null, bad);
  assert.equal(plainText('## A\n\n- b\n- c'), 'A\n\nb; c');
});

test('the reader\'s language, publication steps', () => {
  const a = { titleVi: 'Tin', titleEn: null, summaryVi: 'Tóm', summaryEn: null, bodyVi: 'Thân', bodyEn: null };
  assert.equal(inLanguage(a, 'en').lang, 'vi');
  assert.equal(inLanguage({ ...a, titleEn: 'News', bodyEn: 'Body' }, 'en').summary, 'Tóm');
  assert.ok(canMoveTo('draft', 'published') && canMoveTo('unpublished', 'published') && canMoveTo('published', 'unpublished'));
  assert.ok(!canMoveTo('published', 'published') && !canMoveTo('draft', 'unpublished') && !canMoveTo('published', 'draft'));
});

test('RSS 2.0: escaped text, RFC 822 dates, permalink guids', () => {
  const xml = rssFeed({ title: 'T & <x>', link: 'https://a.vn/tin-tuc', selfLink: 'https://a.vn/feeds/news.xml', description: 'D', language: 'vi' },
    [{ title: 'A "b" \u0001', link: 'https://a.vn/tin-tuc/a', guid: 'https://a.vn/tin-tuc/a', description: '<p>', publishedAt: new Date('2026-05-22T01:00:00Z'), category: 'guide' }]);
  assert.match(xml, /<title>T &amp; &lt;x&gt;<\/title>/);
  assert.match(xml, /<title>A &quot;b&quot; <\/title>/);
  assert.match(xml, /<description>&lt;p&gt;<\/description>/);
  assert.match(xml, /<pubDate>Fri, 22 May 2026 01:00:00 GMT<\/pubDate>/);
  assert.match(xml, /<guid isPermaLink="true">https:\/\/a.vn\/tin-tuc\/a<\/guid>/);
});

test('good models: before and after from certificates when there are any; search words folded', () => {
  const recorded = { scoreBefore: null, starsBefore: 3, scoreAfter: null, starsAfter: null };
  assert.deepEqual(beforeAfter(recorded, undefined), { before: { score: null, stars: 3, on: null, source: 'recorded' }, after: null });
  const one = { count: 1, first: { score: 72, stars: 4, issuedOn: '2025-01-01' }, last: { score: 72, stars: 4, issuedOn: '2025-01-01' } };
  assert.equal(beforeAfter(recorded, one).before?.source, 'recorded');
  assert.deepEqual(beforeAfter(recorded, one).after, { score: 72, stars: 4, on: '2025-01-01', source: 'certificate' });
  const two = { ...one, count: 2, first: { score: 61, stars: 3, issuedOn: '2022-01-01' } };
  assert.equal(beforeAfter(recorded, two).before?.stars, 3);
  assert.equal(beforeAfter(recorded, two).before?.source, 'certificate');
  assert.deepEqual(searchWords('  Chè SHAN-tuyết %_ '), ['che', 'shan', 'tuyet']);
});

test('credit: open while active and before the deadline; the ceiling', () => {
  assert.ok(isOpen({ active: true, deadline: '2026-12-31', opensOn: null }, '2026-12-31'));
  assert.ok(!isOpen({ active: true, deadline: '2026-12-31', opensOn: null }, '2027-01-01'));
  assert.ok(!isOpen({ active: false, deadline: null, opensOn: null }, '2026-01-01'));
  assert.ok(!isOpen({ active: true, deadline: null, opensOn: '2026-06-01' }, '2026-05-31'));
  assert.ok(withinCeiling(5, null) && withinCeiling(5, 5) && !withinCeiling(6, 5));
});
