// The public dashboard on a 360 px phone: the modern-channel share against the 50 % target, the map of the 34
// provinces with its attribution, the drill-down to a province (its communes ranked) and to a commune.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, noSidewaysScroll, screenshot } from './browser.js';

browserSuite((site) => {
  test('the dashboard shows the map and the share, and drills down to a province and a commune', async () => {
    const share = async (q: string) => (await site.t.call({ url: `/api/v1/indicators/modern-channels${q}` })).json() as { percent: number };
    const page = await site.pageAs(null, { phone: true });
    await page.goto(`${site.url}/thong-ke`);
    const figure = page.getByTestId('modern-share');
    await figure.waitFor();
    assert.equal((await figure.textContent())?.replace(/\s/g, ''), `${String((await share('')).percent).replace('.', ',')}%`);
    // The map: one outline per province (and the two archipelagos), drawn by ECharts as SVG, with its attribution.
    const map = page.getByRole('img', { name: /Bản đồ 34 tỉnh/ });
    await map.locator('svg path').nth(35).waitFor({ state: 'attached' });
    await page.getByText(/Thang Le Quoc, giấy phép MIT/).waitFor();
    assert.ok(await noSidewaysScroll(page));
    await map.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-phone.png');

    await page.getByRole('button', { name: 'Tỉnh Tuyên Quang' }).click();
    await page.waitForURL(/province=08/);
    await page.getByRole('heading', { name: /Tỉnh Tuyên Quang/ }).waitFor();
    const shows = (want: { percent: number }) => page.waitForFunction((text) => document.querySelector('[data-testid="modern-share"]')?.textContent?.replace(/\s/g, '') === text,
      `${String(want.percent).replace('.', ',')}%`);
    await shows(await share('?province=08'));
    const communeLink = page.getByRole('table').filter({ hasText: 'Xã, phường' }).getByRole('link').first();
    const name = (await communeLink.textContent())!;
    await communeLink.click();
    await page.waitForURL(/commune=\d{5}/);
    await page.getByRole('heading', { name: new RegExp(name) }).waitFor();
    const commune = new URL(page.url()).searchParams.get('commune');
    await shows(await share(`?commune=${commune}`));
    assert.ok(await noSidewaysScroll(page));
    await page.context().close();
  });
});
