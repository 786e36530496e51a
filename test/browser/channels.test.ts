// The sales channels on a 360 px phone: the demo producer adds a supermarket channel and uploads its contract; the
// commune officer checks it in the queue and verifies it; the province's modern-channel share moves at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { browserSuite, daysAgo, noSidewaysScroll, TINY_PDF } from './browser.js';

browserSuite((site) => {
  const modern = async () => (await site.t.call({ url: '/api/v1/indicators/modern-channels?province=08' })).json() as { numerator: number; denominator: number };

  test('a producer\'s new channel, verified by the commune, counts in the province\'s modern-channel share', async () => {
    // The producer's Co.op Mart contract ended yesterday: it sells through no verified modern channel now.
    await site.t.database.db.execute(sql`UPDATE sales_channel SET ends_on = ${daysAgo(1)} WHERE partner_name = 'Co.op Mart Tuyên Quang'`);
    const before = await modern();

    const producer = await site.pageAs('chuthe@demo.ocop.vn', { phone: true });
    await producer.goto(`${site.url}/lam-viec/kenh-ban-hang`);
    await producer.getByRole('button', { name: 'Thêm kênh' }).click();
    await producer.getByLabel(/^Đối tác/).fill('WinMart Hà Giang');
    await producer.getByRole('button', { name: 'Lưu' }).click();
    const card = producer.locator('[data-channel]').filter({ hasText: 'WinMart Hà Giang' });
    await card.waitFor();
    await card.locator('input[type="file"]').setInputFiles({ name: 'hop-dong.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await card.getByRole('link', { name: 'Xem minh chứng' }).waitFor();
    assert.ok(await noSidewaysScroll(producer));
    assert.deepEqual(await modern(), before, 'not verified yet: it does not count');

    const commune = await site.pageAs('xa@demo.ocop.vn', { phone: true });
    await commune.goto(`${site.url}/lam-viec/kenh-ban-hang`);
    const queued = commune.locator('[data-channel]').filter({ hasText: 'WinMart Hà Giang' });
    await queued.getByRole('link', { name: 'Xem minh chứng' }).waitFor();
    assert.ok(await noSidewaysScroll(commune));
    await queued.getByRole('button', { name: 'Xác nhận' }).click();
    await queued.waitFor({ state: 'detached' });

    const after = await modern();
    assert.deepEqual([after.numerator, after.denominator], [before.numerator + 1, before.denominator]);
    await producer.context().close();
    await commune.context().close();
  });
});
