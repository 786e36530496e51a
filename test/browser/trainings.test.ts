// Capacity building in the browser: the province officer opens the commune workshop, shows the check-in QR code;
// the demo producer opens its link on a 360 px phone and is checked in; the officer sees it, ticks a walk-in by
// hand and prints the certificates of attendance.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, noSidewaysScroll } from './browser.js';

browserSuite((site) => {
  test('an officer runs a training with QR check-in and prints attendance certificates', async () => {
    const officer = await site.pageAs('tinh@demo.ocop.vn');
    await officer.goto(`${site.url}/lam-viec/dao-tao`);
    await officer.getByRole('link', { name: 'Hội thảo liên kết chuỗi giá trị mật ong bạc hà' }).click();
    await officer.getByRole('button', { name: 'Hiện mã QR điểm danh' }).click();
    const link = await officer.locator('[data-checkin-url]').getAttribute('data-checkin-url');
    assert.match(link ?? '', /\/diem-danh\//);
    assert.ok(await officer.locator('.checkin-qr svg').count() === 1, 'the QR code is drawn');

    const producer = await site.pageAs('chuthe@demo.ocop.vn', { phone: true });
    await producer.goto(`${site.url}${new URL(link!).pathname}`);
    await producer.locator('[data-checked-in="yes"]').waitFor();
    assert.ok(await noSidewaysScroll(producer));

    await officer.reload();
    const me = officer.locator('[data-attendee]').filter({ hasText: 'Sùng Thị Mỷ' });
    assert.ok(await me.getByRole('checkbox').isChecked(), 'checked in by QR');
    await officer.getByLabel('Họ và tên').fill('Lò Thị Mai');
    await officer.getByRole('button', { name: 'Thêm và điểm danh' }).click();
    await officer.locator('[data-attendee="Lò Thị Mai"]').waitFor();
    const print = officer.getByRole('link', { name: /In giấy chứng nhận/ });
    const pdf = await officer.request.get(`${site.url}${await print.getAttribute('href')}`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-');
    await producer.context().close();
    await officer.context().close();
  });
});
