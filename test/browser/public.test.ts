// The public site in a real browser: diacritic-free search, a product page with schema.org markup, the producer's
// page, the English switch, a 360 px phone, and axe-core finding no serious or critical accessibility problem.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, browserSuite, screenshot } from './browser.js';

browserSuite((site) => {
  let page: Page;

  site.before(async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
  });

  test('the catalogue opens in Vietnamese with products and passes axe', async () => {
    await page.goto(site.url);
    await page.getByRole('heading', { level: 1, name: 'Sản phẩm OCOP' }).waitFor();
    await page.locator('.product-card').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
    assert.equal(await page.locator('h1').count(), 1);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'catalogue.png');
    assert.deepEqual(await axeViolations(page), []);
  });

  test('searching "mat ong" without diacritics finds "Mật ong bạc hà Mèo Vạc", and the URL carries the query', async () => {
    await page.getByLabel('Tìm sản phẩm').fill('mat ong');
    await page.waitForURL(/q=mat\+ong/);
    await honeyCard(page).waitFor();
    const names = await page.locator('.product-card h3').allTextContents();
    assert.ok(names.length > 0 && names.every((n) => /mật ong/i.test(n)), names.join(' | '));
  });

  test('a search with no match says so plainly', async () => {
    await page.goto(`${site.url}/?q=khongcosanphamnaynhe`);
    await page.getByText('Không có sản phẩm nào khớp').waitFor();
    await page.getByRole('button', { name: 'Xoá bộ lọc' }).first().click();
    await page.locator('.product-card').first().waitFor();
  });

  test('filters by star rating land in the URL and narrow the list', async () => {
    await page.goto(`${site.url}/?stars=4`);
    await page.locator('.product-card').first().waitFor();
    const labels = await page.locator('.product-card [role="img"][aria-label*="sao"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(labels.length > 0 && labels.every((l) => l === '4 sao OCOP'), labels.join(', '));
  });

  test('a product page shows the product, links its producer and carries schema.org Product JSON-LD', async () => {
    await page.goto(`${site.url}/?q=mat%20ong%20bac%20ha`);
    await honeyCard(page).first().click();
    await page.waitForURL(/\/san-pham\//);
    await page.getByRole('heading', { level: 1, name: 'Mật ong bạc hà Mèo Vạc' }).waitFor();
    await page.getByRole('img', { name: '4 sao OCOP' }).first().waitFor();
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent() ?? '{}');
    assert.equal(ld['@type'], 'Product');
    assert.equal(ld.name, 'Mật ong bạc hà Mèo Vạc');
    assert.match(ld.sku, /^08-00769-\d+-\d{4}$/);
    assert.equal(ld.brand.name, 'HTX Mật ong bạc hà Mèo Vạc');
    assert.ok(ld.additionalProperty.some((p: { name: string; value: unknown }) => p.name === 'OCOP stars' && p.value === 4));
    assert.equal(await page.locator('h1').count(), 1);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'product.png');
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('link', { name: 'HTX Mật ong bạc hà Mèo Vạc' }).first().click();
    await page.waitForURL(/\/chu-the\//);
    await page.getByRole('heading', { level: 1, name: 'HTX Mật ong bạc hà Mèo Vạc' }).waitFor();
    await honeyCard(page).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });

  test('the language switches to English, is remembered after a reload, and switches back', async () => {
    await page.goto(site.url);
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'OCOP products' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'OCOP products' }).waitFor();
    await page.getByLabel('Search products').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: /Tiếng Việt/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Sản phẩm OCOP' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
  });

  test('on a 360 px phone the catalogue and a product page fit the screen, and the header\'s title and language button stay apart', async () => {
    const phone = await site.browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    try {
      await phone.goto(site.url);
      await phone.locator('.product-card').first().waitFor();
      assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling on the catalogue');
      await assertApart(phone, 'OCOP Việt Nam', 'English');
      await phone.getByRole('button', { name: /English/ }).click();
      await phone.getByRole('heading', { level: 1, name: 'OCOP products' }).waitFor();
      await assertApart(phone, 'OCOP Vietnam', 'Tiếng Việt');
      await phone.getByRole('button', { name: /Tiếng Việt/ }).click();
      await phone.getByRole('heading', { level: 1, name: 'Sản phẩm OCOP' }).waitFor();
      await phone.locator('.product-card').first().click();
      await phone.locator('h1').waitFor();
      assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling on the product page');
    } finally {
      await phone.close();
    }
  });
});

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const grow = (a: Box, by: number): Box => ({ x: a.x - by, y: a.y - by, width: a.width + 2 * by, height: a.height + 2 * by });

/**
 * The header's title and its language button do not touch (at least 4 px apart). The title is measured by its glyphs,
 * not its element: a title that does not fit spills out of a box that may itself stay clear of the button.
 */
async function assertApart(page: import('playwright-core').Page, title: string, language: string) {
  const header = page.locator('header');
  const text = await header.getByText(title, { exact: true }).evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const button = await header.getByRole('button', { name: language }).boundingBox();
  assert.ok(text.width > 0 && button, 'both are on screen');
  assert.ok(!overlap(grow(text, 4), button), `"${title}" ${JSON.stringify(text)} touches "${language}" ${JSON.stringify(button)}`);
}

/** The catalogue card titled exactly with the demo honey (the producer's name on other cards contains the same words). */
function honeyCard(page: import('playwright-core').Page) {
  return page.locator('.product-card').filter({ has: page.getByRole('heading', { name: 'Mật ong bạc hà Mèo Vạc', exact: true }) }).first();
}
