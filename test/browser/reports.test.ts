// A consumer's report on a 360 px phone, without an account: sent from the public product page (a plain form, no
// script needed), answered with its reference code; the province's inspector finds it in the triage queue, triages
// and closes it; the reporter's status page then reads "closed".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../src/app/db.js';
import { browserSuite, noSidewaysScroll } from './browser.js';

browserSuite((site) => {
  test('a report from the product page is triaged and closed by the inspector, followed by its reference', async () => {
    const [honey] = await query<{ id: string }>(site.t.database.db, sql`SELECT id FROM product WHERE name = 'Mật ong bạc hà Mèo Vạc' LIMIT 1`);
    const reporter = await site.pageAs(null, { phone: true });
    await reporter.goto(`${site.url}/san-pham/${honey.id}`);
    const form = reporter.locator('#phan-anh form');
    await form.getByLabel('Loại vấn đề').selectOption('counterfeit_label');
    await form.getByLabel(/^Nội dung/).fill('Mua ở chợ phiên Đồng Văn: tem OCOP không có mã QR, nắp hũ không niêm phong.');
    await form.getByLabel(/^Số điện thoại/).fill('0912 000 111');
    await form.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await reporter.waitForURL(/\/phan-anh\/PA-\d{4}-[0-9A-Z]{8}\?moi=1$/);
    const reference = await reporter.locator('[data-reference]').getAttribute('data-reference');
    assert.match(reference ?? '', /^PA-/);
    assert.equal(await reporter.locator('[data-status]').getAttribute('data-status'), 'received');
    assert.ok(!(await reporter.content()).includes('0912 000 111'), 'the contact is never shown publicly');
    assert.ok(await noSidewaysScroll(reporter));

    const inspector = await site.pageAs('thanhtra@demo.ocop.vn', { phone: true });
    await inspector.goto(`${site.url}/lam-viec/phan-anh`);
    await inspector.locator(`[data-report="${reference}"]`).click();
    await inspector.getByText('0912 000 111').waitFor();
    assert.ok(await noSidewaysScroll(inspector));
    await inspector.getByLabel('Tôi xử lý phản ánh này').check();
    await inspector.getByRole('button', { name: 'Lưu' }).click();
    await inspector.locator('[data-status="triaging"]').first().waitFor();
    await inspector.getByLabel('Kết quả xử lý').fill('Đã kiểm tra điểm bán: hàng giả mạo nhãn OCOP, chuyển Quản lý thị trường xử lý.');
    await inspector.getByRole('button', { name: 'Đóng với kết quả này' }).click();
    await inspector.getByRole('dialog').getByRole('button', { name: 'Đóng với kết quả này' }).click();
    await inspector.locator('[data-status="closed"]').first().waitFor();

    await reporter.goto(`${site.url}/phan-anh?ma=${reference!.toLowerCase()}`);
    assert.equal(await reporter.locator('[data-status]').getAttribute('data-status'), 'closed');
    await reporter.context().close();
    await inspector.context().close();
  });
});
