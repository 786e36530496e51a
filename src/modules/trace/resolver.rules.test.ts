import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchorsOf, decide, defaultGtinLinks, linkset, mergeLinks, preferredLanguages, readLinkType, withQuery, type Link } from './resolver.rules.js';
import { bareBizStep, glnOf, stepOf } from './trace.rules.js';

const key = { kind: 'gtin' as const, gtin: '09520123456788', lot: 'L1', serial: 'S1' };
const title = (lang: 'vi' | 'en', name: string) => `${name}.${lang}`;
const defaults = defaultGtinLinks('https://ocop.gov.vn/', key, { productId: 'p1', certificate: 'C/1' }, title);

test('a serial inherits its lot\'s links and its GTIN\'s; the most specific anchor wins per type and language', () => {
  assert.deepEqual(anchorsOf(key), ['/01/09520123456788/10/L1/21/S1', '/01/09520123456788/10/L1', '/01/09520123456788']);
  assert.deepEqual(anchorsOf({ kind: 'gtin', gtin: key.gtin }), ['/01/09520123456788']);
  const stored = [
    { anchor: '/01/09520123456788', linkType: 'gs1:pip' as const, href: 'https://a/gtin', title: 'g', hreflang: 'vi', type: 'text/html' },
    { anchor: '/01/09520123456788/10/L1', linkType: 'gs1:pip' as const, href: 'https://a/lot', title: 'l', hreflang: 'vi', type: 'text/html' },
  ];
  const links = mergeLinks(key, stored, defaults);
  assert.equal(links.filter((l) => l.linkType === 'gs1:pip' && l.hreflang === 'vi').length, 1);
  assert.equal(links.find((l) => l.linkType === 'gs1:pip' && l.hreflang === 'vi')!.href, 'https://a/lot');
  assert.equal(links.find((l) => l.linkType === 'gs1:pip' && l.hreflang === 'en')!.href, 'https://ocop.gov.vn/san-pham/p1?lang=en');
  assert.equal(links.find((l) => l.linkType === 'gs1:certificationInfo' && l.hreflang === 'vi')!.href, 'https://ocop.gov.vn/xac-minh/C%2F1');
  assert.equal(links.find((l) => l.linkType === 'gs1:traceability')!.href, `https://ocop.gov.vn/epcis/events?MATCH_epc=${encodeURIComponent('https://id.gs1.org/01/09520123456788/10/L1/21/S1')}`);
});

test('the linkset groups targets under the link relation URIs, hreflang as a list', () => {
  const set = linkset('https://ocop.gov.vn/01/09520123456788', defaults, 'Mật ong');
  const ctx = set.linkset[0] as Record<string, unknown>;
  assert.equal(ctx.anchor, 'https://ocop.gov.vn/01/09520123456788');
  assert.deepEqual((ctx['https://gs1.org/voc/pip'] as { hreflang: string[] }[]).map((x) => x.hreflang), [['vi'], ['en']]);
});

test('what a request gets: a linkset, the asked link type in the reader\'s language, or the default', () => {
  assert.deepEqual(decide(defaults, { linkType: 'linkset' }), { kind: 'linkset' });
  assert.deepEqual(decide(defaults, { linkType: 'all' }), { kind: 'linkset' });
  assert.deepEqual(decide(defaults, { accept: 'application/linkset+json' }), { kind: 'linkset' });
  assert.equal(decide(defaults, { accept: 'text/html,application/json;q=0.9' }).kind, 'redirect');
  const to = (q: Parameters<typeof decide>[1]) => (decide(defaults, q) as { link: Link }).link.href;
  assert.equal(to({}), 'https://ocop.gov.vn/truy-xuat/01/09520123456788/10/L1/21/S1');
  assert.equal(to({ acceptLanguage: 'en-US,en;q=0.9,vi;q=0.5' }), 'https://ocop.gov.vn/truy-xuat/01/09520123456788/10/L1/21/S1?lang=en');
  assert.equal(to({ linkType: 'https://gs1.org/voc/certificationInfo' }), 'https://ocop.gov.vn/xac-minh/C%2F1');
  assert.equal(to({ linkType: 'gs1:recipeInfo' }), to({}), 'an unavailable type falls back to the default');
  assert.equal(readLinkType('pip'), 'gs1:pip');
  assert.equal(readLinkType('gs1:nope'), undefined);
  assert.deepEqual(preferredLanguages('fr;q=0.1, en-GB , vi;q=0.8, *;q=0.5'), ['en', 'vi', 'fr']);
});

test('the query string passes through to the target, without linkType, never overriding the target\'s own', () => {
  const q = new URLSearchParams('linkType=gs1:pip&17=280301&lang=en');
  assert.equal(withQuery('https://a.vn/x', q), 'https://a.vn/x?17=280301&lang=en');
  assert.equal(withQuery('https://a.vn/x?lang=vi', q), 'https://a.vn/x?lang=vi&17=280301');
  assert.equal(withQuery('https://a.vn/x', new URLSearchParams('linkType=linkset')), 'https://a.vn/x');
});

test('journey steps from CBV business steps in any spelling; GLNs from Digital Links and SGLN URNs', () => {
  assert.equal(bareBizStep('https://ref.gs1.org/cbv/BizStep-retail_selling'), 'retail_selling');
  assert.equal(bareBizStep('urn:epcglobal:cbv:bizstep:shipping'), 'shipping');
  assert.equal(stepOf('ObjectEvent', 'cbv:BizStep-commissioning'), 'harvest');
  assert.equal(stepOf('TransformationEvent', null), 'processing');
  assert.equal(stepOf('ObjectEvent', 'receiving'), 'shipping');
  assert.equal(stepOf('ObjectEvent', 'receiving', 'sellable_accessible'), 'retail', 'received where it is on sale');
  assert.equal(stepOf('ObjectEvent', 'receiving', 'https://ref.gs1.org/cbv/Disp-sellable_accessible'), 'retail');
  assert.equal(stepOf('ObjectEvent', 'https://example.vn/steps/tasting'), 'other');
  assert.equal(glnOf('https://id.gs1.org/414/9520123456788/254/7'), '9520123456788');
  assert.equal(glnOf('urn:epc:id:sgln:952012.345678.0'), '9520123456788');
  assert.equal(glnOf('https://example.vn/place/1'), undefined);
});
