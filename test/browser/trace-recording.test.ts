// A small producer on a 360 px phone (issue 12, item 6): opens a batch of the demo honey, records its journey in a
// few taps (each step and place offered first), sees it, prints the labels, and the lot's QR target — the public
// trace page /truy-xuat/01/{gtin}/10/{lot} — shows the journey recorded.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { assertServesPdf, browserSuite, noSidewaysScroll } from './browser.js';

browserSuite((site) => {
  test('a producer opens a batch, records its steps in a few taps, prints its labels, and the public trace page shows the journey', async () => {
    const page = await site.pageAs('chuthe@demo.ocop.vn', { phone: true });
    await page.goto(`${site.url}/lam-viec/truy-xuat`);
    const lotCode = `BT${randomBytes(2).toString('hex').toUpperCase()}`;
    await page.getByRole('textbox', { name: 'Sản phẩm' }).click();
    await page.getByRole('option', { name: 'Mật ong bạc hà Mèo Vạc', exact: true }).click();
    await page.getByLabel('Mã lô (để trống để tự tạo)').fill(lotCode);
    await page.getByLabel('Ngày sản xuất').fill('2026-03-10');
    await page.getByRole('button', { name: 'Mở lô hàng mới' }).click();
    await page.waitForURL(/\/lam-viec\/truy-xuat\/lo\/[0-9a-f-]{36}$/);
    await page.getByText(`Lô ${lotCode}`).waitFor();

    // One tap a step: the next step and its usual place are already chosen (shipping goes to the shop).
    const steps = ['Thu hoạch', 'Chế biến', 'Đóng gói', 'Xuất hàng', 'Nhận tại điểm bán'];
    const journey = page.locator('.mantine-Timeline-root');
    for (const [i, step] of steps.entries()) {
      await page.getByRole('button', { name: `Ghi bước: ${step}` }).click();
      await journey.locator('.mantine-Timeline-item').nth(i).waitFor();
    }
    assert.deepEqual(await journey.locator('.mantine-Timeline-itemTitle').allTextContents(), steps);
    await page.getByText('Lô hàng đã đi hết hành trình.').waitFor();
    assert.ok(await noSidewaysScroll(page), 'the batch page fits a 360 px phone');

    await assertServesPdf(page, site.url, await page.getByRole('link', { name: 'In tem nhãn' }).getAttribute('href'));

    const lotId = page.url().split('/').at(-1);
    const lot = await page.evaluate(async (u) => (await fetch(u)).json(), `/api/v1/trace/lots/${lotId}`) as { gtin: string; lot: string };
    const visitor = await site.pageAs(null, { phone: true });
    const res = await visitor.goto(`${site.url}/truy-xuat/01/${lot.gtin}/10/${lot.lot}`);
    assert.equal(res?.status(), 200);
    const shown = await visitor.locator('ol.timeline li').evaluateAll((items) => items.map((li) => li.getAttribute('data-step')));
    assert.deepEqual(shown.slice(0, 3), ['harvest', 'processing', 'packing'], `the public journey: ${shown.join(', ')}`);
    assert.equal(shown.length, 5);
    await visitor.context().close();
    await page.context().close();
  });
});
