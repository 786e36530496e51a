// The workspace on a 360 px phone: lists are cards that keep status, stars and deadline on screen; the certificate
// register is in the header; the dossier's forms are steps saved as you go (a reload returns to the step, with what
// was saved); an irreversible step asks first, says what happens next, and cancelling changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, browserSuite, nextFormStep, noSidewaysScroll, officePanel, screenshot } from './browser.js';

type DossierJson = { id: string; status: string; version: number; product: { name: string }; registration: { sampleCount: number | null } };

browserSuite((site) => {
  const phone = (who: string) => site.pageAs(`${who}@demo.ocop.vn`, { phone: true });
  const dossierJson = (page: Page, id: string) => page.evaluate(async (u) => (await fetch(u)).json(), `/api/v1/dossiers/${id}`) as Promise<DossierJson>;
  const dossierNamed = async (page: Page, status: string, name: string) => {
    const list = await page.evaluate(async (u) => (await fetch(u)).json(), `/api/v1/dossiers?status=${status}&pageSize=100`) as { items: DossierJson[] };
    const d = list.items.find((x) => x.product.name === name);
    assert.ok(d, `the demo data holds the ${status} dossier ${name}`);
    return d;
  };
  /** Whether the element's box lies inside the 360 px screen (not cut off, not behind a sideways scroll). */
  const onScreen = async (page: Page, selector: string) => {
    const box = await page.locator(selector).first().boundingBox();
    return box !== null && box.x >= 0 && box.x + box.width <= 360;
  };

  test('lists are cards with status, stars and deadline on screen; the header reaches the certificate register', async () => {
    const page = await phone('tinh');
    await page.goto(`${site.url}/ho-so`);
    const cards = page.getByTestId('list-cards').locator('li.dossier-row');
    await cards.first().waitFor();
    assert.equal(await page.locator('table').count(), 0, 'no wide table on a phone');
    const n = await cards.count();
    assert.ok(n >= 5, `several dossiers in the province's queue (${n})`);
    for (let i = 0; i < n; i++) {
      const text = await cards.nth(i).innerText();
      assert.match(text, /Hạn:/, `card ${i} shows its deadline`);
    }
    assert.ok(await onScreen(page, 'li.dossier-row .mantine-Badge-root'), 'the status badge is on screen');
    assert.ok(await onScreen(page, 'li.dossier-row >> text=Hạn:'), 'the deadline is on screen');
    assert.ok(await noSidewaysScroll(page));
    await screenshot(page, 'phone-dossier-queue.png');

    await page.goto(`${site.url}/lam-viec/san-pham`);
    const products = page.getByTestId('list-cards').locator('li');
    await products.first().waitFor();
    assert.ok(await onScreen(page, '[data-testid="list-cards"] li .mantine-Badge-root'), 'the product status is on screen');
    assert.ok(await noSidewaysScroll(page));
    assert.deepEqual(await axeViolations(page), []);

    const register = page.getByRole('banner').getByRole('link', { name: 'Giấy chứng nhận' });
    assert.ok(await register.isVisible(), 'the register link is in the phone header');
    await register.click();
    await page.waitForURL(/\/giay-chung-nhan$/);
  });

  test('the producer\'s forms are steps saved as you go: a reload keeps the step and what was saved; submitting asks first and cancelling changes nothing', async () => {
    const page = await phone('chuthe');
    await page.goto(`${site.url}/ho-so`);
    const draft = await dossierNamed(page, 'draft', 'Mật ong bạc hà hũ gốm');
    await page.goto(`${site.url}/ho-so/${draft.id}`);
    await page.getByTestId('forms-progress').filter({ hasText: 'Bước 1/5' }).waitFor();
    await nextFormStep(page, 2);
    await page.getByRole('spinbutton', { name: '5. Sản phẩm mẫu (số lượng)' }).fill('7');
    await nextFormStep(page, 3);
    assert.equal((await dossierJson(page, draft.id)).registration.sampleCount, 7, 'saved on leaving step 2');

    await page.reload();
    await page.getByTestId('forms-progress').filter({ hasText: 'Bước 3/5' }).waitFor();
    await page.getByRole('button', { name: 'Bước trước' }).click();
    await page.getByTestId('forms-progress').filter({ hasText: 'Bước 2/5' }).waitFor();
    assert.equal(await page.getByRole('spinbutton', { name: '5. Sản phẩm mẫu (số lượng)' }).inputValue(), '7');
    assert.ok(await noSidewaysScroll(page));

    const before = await dossierJson(page, draft.id);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nộp hồ sơ cho UBND xã?' });
    await dialog.getByText('15 ngày làm việc').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'phone-confirm-submit.png');
    await dialog.getByRole('button', { name: 'Hủy, chưa làm' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const after = await dossierJson(page, draft.id);
    assert.deepEqual([after.status, after.version], [before.status, before.version], 'nothing sent');
  });

  test('accepting a dossier asks first and says what happens next; cancelling leaves it waiting', async () => {
    const page = await phone('tinh');
    await page.goto(`${site.url}/ho-so`);
    const forwarded = await dossierNamed(page, 'forwarded', 'Mật ong hoa bạc hà rừng');
    await page.goto(`${site.url}/ho-so/${forwarded.id}`);
    await officePanel(page).getByRole('button', { name: 'Hồ sơ đầy đủ — tiếp nhận' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tiếp nhận hồ sơ?' });
    await dialog.getByText('chuyển Tổ tư vấn đánh giá').waitFor();
    await dialog.getByRole('button', { name: 'Hủy, chưa làm' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const after = await dossierJson(page, forwarded.id);
    assert.deepEqual([after.status, after.version], ['forwarded', forwarded.version]);
  });
});
