// The public site in a real browser: the server-rendered catalogue (diacritic-free search through its GET form), a
// product page with schema.org markup, the producer's page, the English link, a 360 px phone, the product and
// verification pages with JavaScript turned off, and axe-core finding no serious or critical accessibility problem.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, browserSuite, screenshot, STILL } from './browser.js';

browserSuite((site) => {
  let page: Page;

  site.before(async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN', ...STILL });
  });

  test('the catalogue opens in Vietnamese on certified products, loads no script, and passes axe', async () => {
    await page.goto(site.url);
    await page.getByRole('heading', { level: 1, name: 'Sản phẩm OCOP' }).waitFor();
    await page.locator('.card').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('script:not([type="application/ld+json"])').count(), 0, 'no React bundle on a public page');
    const labels = await page.locator('.card .stars[role="img"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(labels.length > 0 && labels.every((l) => /sao OCOP/.test(l ?? '')), 'every card on the home page is star-rated');
    await screenshot(page, 'catalogue.png');
    assert.deepEqual(await axeViolations(page), []);
  });

  test('searching "mat ong" without diacritics finds "Mật ong bạc hà Mèo Vạc", and the URL carries the query', async () => {
    await page.getByLabel('Tìm sản phẩm').fill('mat ong');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/q=mat\+ong/);
    await honeyCard(page).waitFor();
    const names = await page.locator('.card a.title').allTextContents();
    assert.ok(names.length > 0 && names.every((n) => /mật ong/i.test(n)), names.join(' | '));
  });

  test('a search with no match says so plainly, with a way back', async () => {
    await page.goto(`${site.url}/?q=khongcosanphamnaynhe`);
    await page.getByText('Không có sản phẩm nào khớp').waitFor();
    await page.getByRole('link', { name: 'Xoá bộ lọc' }).click();
    await page.locator('.card').first().waitFor();
  });

  test('a product page shows the product, its certificate, links its producer and carries Product JSON-LD with hasCertification', async () => {
    await page.goto(`${site.url}/?q=mat%20ong%20bac%20ha`);
    await honeyCard(page).locator('a.title').click();
    await page.waitForURL(/\/san-pham\//);
    await page.getByRole('heading', { level: 1, name: 'Mật ong bạc hà Mèo Vạc' }).waitFor();
    await page.getByRole('img', { name: '4 sao OCOP' }).first().waitFor();
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent() ?? '{}');
    assert.equal(ld['@type'], 'Product');
    assert.equal(ld.name, 'Mật ong bạc hà Mèo Vạc');
    assert.match(ld.sku, /^08-00769-\d+-\d{4}$/);
    assert.equal(ld.brand.name, 'HTX Mật ong bạc hà Mèo Vạc');
    assert.equal(ld.hasCertification.certificationRating.ratingValue, 4);
    assert.match(ld.hasCertification.certificationIdentification, /^OCOP-/);
    assert.equal(await page.getByText('Tự đánh giá').count(), 0, 'no self-assessment on the public page');
    await screenshot(page, 'product.png');
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('link', { name: 'HTX Mật ong bạc hà Mèo Vạc' }).first().click();
    await page.waitForURL(/\/chu-the\//);
    await page.getByRole('heading', { level: 1, name: 'HTX Mật ong bạc hà Mèo Vạc' }).waitFor();
    await honeyCard(page).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });

  test('the language link switches to English, is remembered on the next page, and switches back', async () => {
    await page.goto(site.url);
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'OCOP products' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.goto(`${site.url}/giay-chung-nhan`); // no ?lang: the cookie remembers
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sổ đăng ký giấy chứng nhận OCOP' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
  });

  test('on a 360 px phone the catalogue and a product page fit the screen', async () => {
    const phone = await site.browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ...STILL });
    try {
      await phone.goto(site.url);
      await phone.locator('.card').first().waitFor();
      assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling on the catalogue');
      await phone.locator('.card a.title').first().click();
      await phone.locator('h1').waitFor();
      assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling on the product page');
    } finally {
      await phone.close();
    }
  });

  test('with JavaScript off, the product and verification pages show their content and metadata', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, ...STILL });
    try {
      const noJs = await context.newPage();
      const register = await (await fetch(`${site.url}/api/v1/certificates?status=valid&q=${encodeURIComponent('Mật ong bạc hà Mèo Vạc')}`)).json() as { items: { number: string; product: { id: string; name: string } }[] };
      const cert = register.items.find((c) => c.product.name === 'Mật ong bạc hà Mèo Vạc')!;
      await noJs.goto(`${site.url}/san-pham/${cert.product.id}`);
      await noJs.getByRole('heading', { level: 1, name: 'Mật ong bạc hà Mèo Vạc' }).waitFor();
      assert.match(await noJs.title(), /^Mật ong bạc hà Mèo Vạc · OCOP Việt Nam$/);
      assert.ok(await noJs.locator('meta[property="og:title"]').getAttribute('content'));
      await noJs.getByRole('link', { name: new RegExp(cert.number) }).click();
      await noJs.waitForURL(/\/xac-minh\//);
      await noJs.getByRole('status').filter({ hasText: 'Còn hiệu lực' }).waitFor();
      await noJs.getByText(cert.number).first().waitFor();
      assert.match(await noJs.locator('meta[name="description"]').getAttribute('content') ?? '', /Còn hiệu lực/);
      await screenshot(noJs, 'verification-no-js.png');
    } finally {
      await context.close();
    }
  });
});

/** The catalogue card titled exactly with the demo honey (the producer's name on other cards contains the same words). */
function honeyCard(page: Page) {
  return page.locator('.card').filter({ has: page.getByRole('link', { name: 'Mật ong bạc hà Mèo Vạc', exact: true }) }).first();
}
