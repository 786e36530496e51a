// News for the public, on a 360 px phone: the province office writes an article in the workspace and publishes it
// (and glances at its good models and credit screens); a visitor (no account) finds the article on /tin-tuc and reads
// it on its own server-rendered page; the RSS feed carries it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, noSidewaysScroll } from './browser.js';

browserSuite((site) => {
  test('the province publishes an article; the public reads it on its page and in the feed', async () => {
    const office = await site.pageAs('tinh@demo.ocop.vn', { phone: true });
    await office.goto(`${site.url}/lam-viec/tin-tuc`);
    await office.getByRole('button', { name: 'Thêm mới' }).click();
    await office.getByLabel(/^Tiêu đề \(tiếng Việt\)/).fill('Tập huấn livestream bán hàng OCOP cho các xã');
    await office.getByLabel(/^Tóm tắt \(tiếng Việt\)/).fill('Mời chủ thể OCOP dự lớp tập huấn bán hàng qua livestream.');
    await office.getByLabel(/^Nội dung \(tiếng Việt\)/).fill('Lớp học **miễn phí** tại trung tâm xã.\n\n- Kỹ năng quay video\n- Chốt đơn trực tuyến');
    await office.getByRole('button', { name: 'Lưu' }).click();
    const card = office.locator('[data-article]').filter({ hasText: 'Tập huấn livestream' });
    await card.getByRole('button', { name: 'Đăng' }).click();
    await card.getByRole('link', { name: 'Xem trang công khai' }).waitFor();
    assert.ok(await noSidewaysScroll(office));
    // The office's other content screens open on the phone too: the good models (the demo's Mèo Vạc honey among
    // them) and the credit applications with their summary.
    await office.goto(`${site.url}/lam-viec/mo-hinh-hay`);
    await office.locator('[data-model]').filter({ hasText: 'Mật ong bạc hà Mèo Vạc' }).first().waitFor();
    assert.ok(await noSidewaysScroll(office));
    await office.goto(`${site.url}/lam-viec/tin-dung`);
    await office.getByText(/chủ thể được hỗ trợ/).waitFor();
    assert.ok(await noSidewaysScroll(office));

    const visitor = await site.pageAs(null, { phone: true });
    await visitor.goto(`${site.url}/tin-tuc`);
    await visitor.getByRole('link', { name: 'Tập huấn livestream bán hàng OCOP cho các xã' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Tập huấn livestream bán hàng OCOP cho các xã' }).waitFor();
    assert.equal(await visitor.locator('.prose strong').textContent(), 'miễn phí');
    assert.ok(await noSidewaysScroll(visitor));
    const feed = await site.t.call({ url: '/feeds/news.xml' });
    assert.ok(feed.body.includes(`${new URL(visitor.url()).pathname}</link>`), 'the feed links to the page the visitor read');
    await office.context().close();
    await visitor.context().close();
  });
});
