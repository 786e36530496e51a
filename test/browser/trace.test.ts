// The public trace page as a cheap phone opens it from a QR code: 360 px, JavaScript off. The resolver sends the
// browser to the page; the product, the certificate's status and the whole journey read without sideways scrolling;
// the report form works without script.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { tracedProduct, type Traced } from '../../src/modules/trace/trace.fixtures.js';
import { testApp, type TestApp } from '../harness.js';
import { axeViolations, hasChromium, launch, noSidewaysScroll, PHONE, screenshot, SKIP_MESSAGE } from './browser.js';

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
});

if (!hasChromium) {
  test.skip(SKIP_MESSAGE);
} else {
  let t: TestApp;
  let w: Traced;
  let url: string;
  let browser: Browser;
  before(async () => {
    // The resolver answers with absolute addresses on the public URL: the server is that address.
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    t = await testApp({ publicUrl: url });
    w = await tracedProduct(t);
    await t.app.listen({ port, host: '127.0.0.1' });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('a scanned QR code opens the trace page at 360 px with JavaScript off: certificate, journey, map, report form', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    // The label's Digital Link on this server: the resolver redirects the browser to the page.
    await page.goto(`${url}/01/${w.gtin}/10/${w.lot}`);
    assert.match(page.url(), new RegExp(`/truy-xuat/01/${w.gtin}/10/${w.lot}$`));
    await page.getByRole('heading', { level: 1, name: w.productName }).waitFor();
    assert.ok(await page.locator('.cert.valid').isVisible());
    assert.equal(await page.locator('ol.timeline li').count(), 5);
    assert.ok(await page.locator('svg.map').isVisible());
    await screenshot(page, 'trace-phone.png');
    await page.getByLabel('Nội dung').fill('Nắp hũ bị hở, mật ong chảy ra ngoài');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    // Filed as a consumer report: the status page of its reference, which the reporter keeps to follow it.
    await page.locator('.notice.ok').waitFor();
    assert.match(page.url(), /\/phan-anh\/PA-\d{4}-[A-Z0-9]+\?moi=1$/);
    await context.close();
    // The audits run script in the page: a context with JavaScript on, the same document.
    const audit = await browser.newContext(PHONE);
    const again = await audit.newPage();
    await again.goto(`${url}/truy-xuat/01/${w.gtin}/10/${w.lot}`);
    assert.ok(await noSidewaysScroll(again));
    assert.deepEqual(await axeViolations(again), []);
    await audit.close();
  });
}
