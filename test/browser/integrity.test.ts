// The integrity page on a 360 px phone with the demo councils: the central office sees the bunching histogram with
// the star thresholds, the lenient member flagged and the overdue rates, then drills down from "just above 70" to a
// closed session.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, noSidewaysScroll, screenshot } from './browser.js';

browserSuite((site) => {
  test('the integrity page shows bunching, leniency and overdue rates for the demo councils and drills down to a session', async () => {
    const page = await site.pageAs('trunguong@demo.ocop.vn', { phone: true });
    await page.goto(`${site.url}/lam-viec/lien-chinh`);
    await page.getByRole('heading', { name: 'Dồn điểm quanh ngưỡng hạng sao' }).waitFor();
    await page.locator('[data-testid="bunching-chart"][data-ready="true"] canvas').waitFor();
    const leniency = page.getByTestId('leniency');
    await leniency.getByRole('row').filter({ hasText: 'Lê Thị Nga' }).getByText('Cảnh báo').waitFor();
    await page.getByTestId('time').getByRole('row').filter({ hasText: 'Xã đánh giá (Mẫu 03)' }).first().waitFor();
    assert.ok(await noSidewaysScroll(page));
    await page.getByTestId('bunching').scrollIntoViewIfNeeded();
    await screenshot(page, 'integrity.png');

    // "Just above 70": the products behind the figure, then one of their sessions.
    await page.getByTestId('bunching').getByRole('row').filter({ hasText: '4★ · 70' }).getByRole('button').nth(1).click();
    const drill = page.getByTestId('drill');
    const session = drill.locator('a[href^="/phien-hop/"]').first();
    await session.waitFor();
    await session.click();
    await page.waitForURL(/\/phien-hop\/[0-9a-f-]{36}$/);
    await page.getByText('Hội đồng', { exact: false }).first().waitFor();
    await page.context().close();
  });
});
