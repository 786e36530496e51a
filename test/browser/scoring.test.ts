// The scoring screens in a real browser: the public score sheet tool (best option everywhere → 100 points, 5 stars;
// a knock-out ticked → not recognised, the criterion named)
// and the public verification page a certificate's QR code opens, on a 360 px phone, passing axe.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PHONE, STILL, axeViolations, browserSuite } from './browser.js';

type SheetTree = { parts: { groups: { criteria: { code: string; options: { id: string; points: number }[] }[] }[] }[] };

browserSuite((site) => {
  test('the score sheet: choosing the best option of every criterion gives 100 points and 5 stars', async () => {
    const sheet = await (await fetch(`${site.url}/api/v1/score-sheets/1`)).json() as SheetTree;
    const best = sheet.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria.map((c) => c.options.reduce((a, b) => (b.points > a.points ? b : a)))));
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN', ...STILL });
    try {
      await page.goto(`${site.url}/cham-diem/1`);
      await page.getByRole('heading', { level: 1, name: 'Chấm điểm theo bộ tiêu chí OCOP' }).waitFor();
      await page.locator('.criterion').first().waitFor();
      // Every option is a labelled radio button.
      assert.equal(await page.getByRole('radio').count() >= best.length * 2, true);
      for (const option of best) await page.locator(`[id="opt-${option.id}"]`).check();
      await page.getByTestId('summary-total').filter({ hasText: '100 / 100' }).waitFor();
      await page.getByTestId('summary-stars').getByRole('img', { name: '5 sao OCOP' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      // The scorer finds 2.1's knock-out ("Không đánh giá những sản phẩm có tính phổ biến …"): 100 points, not recognised.
      await page.locator('[id="knockout-2.1"]').check();
      await page.getByTestId('knocked-out').filter({ hasText: 'Không được công nhận — bị loại theo tiêu chí 2.1' }).waitFor();
      await page.getByTestId('summary-stars').filter({ hasText: 'Chưa đạt hạng OCOP' }).waitFor();
    } finally {
      await page.close();
    }
  });

  test('the verification page of a certificate in force says "Còn hiệu lực" and fits a 360 px phone', async () => {
    const register = await (await fetch(`${site.url}/api/v1/certificates?status=valid&pageSize=1`)).json() as { items: { number: string; product: { name: string } }[] };
    const cert = register.items[0];
    assert.ok(cert, 'the demo data holds a certificate in force');
    const phone = await site.browser.newPage(PHONE);
    try {
      await phone.goto(`${site.url}/xac-minh/${encodeURIComponent(cert.number)}`);
      await phone.getByRole('status').filter({ hasText: 'Còn hiệu lực' }).waitFor();
      await phone.getByText(cert.product.name).first().waitFor();
      await phone.getByText(cert.number).first().waitFor();
      assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling');
      assert.match(await phone.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' }).getAttribute('href') ?? '', /\/pdf$/);
      assert.deepEqual(await axeViolations(phone), []);
    } finally {
      await phone.close();
    }
  });
});
