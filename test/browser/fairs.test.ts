// A fair on a 360 px phone: the demo producer registers for Tuyên Quang's OCOP fair with its honey; the province office
// approves it with a booth; the producer sees its booth.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, noSidewaysScroll } from './browser.js';

browserSuite((site) => {
  test('a producer registers for the province\'s fair; the province approves it with a booth', async () => {
    const fair = 'Hội chợ OCOP và đặc sản vùng cao Tuyên Quang';
    const producer = await site.pageAs('chuthe@demo.ocop.vn', { phone: true });
    await producer.goto(`${site.url}/lam-viec/hoi-cho`);
    const card = producer.locator('[data-event]').filter({ hasText: fair });
    await card.getByRole('button', { name: 'Đăng ký tham gia' }).click();
    await card.getByRole('checkbox', { name: 'Mật ong bạc hà Mèo Vạc' }).check();
    await card.getByRole('button', { name: 'Gửi đăng ký' }).click();
    const mine = producer.locator('[data-registration]').filter({ hasText: fair });
    await mine.getByText('Chờ duyệt').waitFor();
    assert.ok(await noSidewaysScroll(producer));

    const office = await site.pageAs('tinh@demo.ocop.vn', { phone: true });
    await office.goto(`${site.url}/lam-viec/hoi-cho`);
    const event = office.locator('[data-event]').filter({ hasText: fair });
    await event.getByRole('button', { name: 'Xem đăng ký' }).click();
    const reg = event.locator('[data-registration]').filter({ hasText: 'HTX Mật ong bạc hà Mèo Vạc' });
    await reg.getByLabel('Gian hàng').fill('C07');
    await reg.getByRole('button', { name: 'Duyệt' }).click();
    await reg.getByText('Gian hàng C07').waitFor();
    assert.ok(await noSidewaysScroll(office));

    await producer.reload();
    await producer.locator('[data-registration]').filter({ hasText: fair }).getByText('Gian hàng C07').waitFor();
    await producer.context().close();
    await office.context().close();
  });
});
