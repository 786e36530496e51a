// What a first visit costs a phone on a slow network: the bytes a fresh browser transfers (headers and compressed
// bodies, as the DevTools protocol counts them) to load a public page, images left out. Targets of issue 10: the
// product and verification pages under 50 KB, the catalogue home under 150 KB. The figures are printed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, STILL } from './browser.js';

const KB = 1024;

browserSuite((site) => {
  const pages: { what: string; path: () => string; limit: number }[] = [];
  let productId = '';
  let certificateNumber = '';

  site.before(async () => {
    const products = (await site.t.call({ url: '/api/v1/products?status=certified&sort=-stars&pageSize=1' })).json();
    productId = products.items[0].id;
    const certificates = (await site.t.call({ url: '/api/v1/certificates?pageSize=1' })).json();
    certificateNumber = certificates.items[0].number;
  });
  pages.push(
    { what: 'product page', path: () => `/san-pham/${productId}`, limit: 50 * KB },
    { what: 'verification page', path: () => `/xac-minh/${encodeURIComponent(certificateNumber)}`, limit: 50 * KB },
    { what: 'catalogue home', path: () => '/', limit: 150 * KB },
  );

  test('a first visit transfers little: product and verification pages < 50 KB, the catalogue < 150 KB (images excluded)', async () => {
    const measured: string[] = [];
    for (const p of pages) {
      const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, ...STILL }); // fresh: nothing cached
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        const kinds = new Map<string, { type: string; url: string; encoding: string }>();
        const bytes = new Map<string, number>();
        cdp.on('Network.responseReceived', (e) => kinds.set(e.requestId, { type: e.type, url: e.response.url, encoding: String(e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '') }));
        cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
        const res = await page.goto(site.url + p.path(), { waitUntil: 'networkidle' });
        assert.equal(res?.status(), 200, `${p.what}: ${p.path()}`);
        let total = 0;
        const parts: string[] = [];
        for (const [id, n] of bytes) {
          const kind = kinds.get(id);
          if (!kind || kind.type === 'Image' || kind.type === 'Media') continue;
          total += n;
          parts.push(`${new URL(kind.url).pathname.slice(0, 40)} ${(n / KB).toFixed(1)} KB${kind.encoding ? ` ${kind.encoding}` : ''}`);
        }
        measured.push(`${p.what}: ${(total / KB).toFixed(1)} KB in ${parts.length} requests (${parts.join('; ')})`);
        assert.ok(total < p.limit, `${p.what} transferred ${(total / KB).toFixed(1)} KB, over ${p.limit / KB} KB: ${parts.join('; ')}`);
      } finally {
        await context.close();
      }
    }
    console.log(measured.join('\n'));
  });
});
