// The programme on a 360 px phone: the province office edits its approved plan of the year into a new draft and sees
// each target's progress computed from the data; a producer registers a product idea that the commune accepts into
// the OCOP cycle.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, noSidewaysScroll } from './browser.js';

browserSuite((site) => {
  test('a province sets its plan and watches progress; a producer\'s idea is accepted by the commune', async () => {
    const year = new Date().getFullYear();
    const province = await site.pageAs('tinh@demo.ocop.vn', { phone: true });
    await province.goto(`${site.url}/lam-viec/ke-hoach`);
    await province.getByTestId('plan-targets').waitFor();
    assert.equal(await province.getByTestId('plan-status').textContent(), 'Đã phê duyệt');
    await province.getByRole('button', { name: 'Sửa (tạo bản dự thảo mới)' }).click();
    await province.locator('[data-editor-row="0"]').getByLabel(/^Giá trị kế hoạch/).fill('15');
    await province.getByRole('button', { name: 'Lưu bản dự thảo' }).click();
    await province.getByTestId('plan-status').filter({ hasText: 'Dự thảo' }).waitFor();
    assert.ok(await noSidewaysScroll(province));
    const api = (await site.t.call({ url: `/api/v1/plans/${year}?province=08`, as: await site.t.login('tinh@demo.ocop.vn', 'OcopDemo@2026') })).json();
    assert.deepEqual([api.versionNumber, api.status, api.targets[0].target], [2, 'draft', 15]);
    const row = province.locator('[data-target="t1"]');
    assert.match(await row.textContent() ?? '', /15/);
    assert.equal((await row.locator('[data-achieved]').textContent())?.trim(), String(api.targets[0].achieved), 'the achievement the API counts');

    const producer = await site.pageAs('chuthe@demo.ocop.vn', { phone: true });
    await producer.goto(`${site.url}/lam-viec/y-tuong`);
    await producer.getByRole('button', { name: 'Đăng ký ý tưởng' }).click();
    await producer.getByLabel(/^Tên sản phẩm dự kiến/).fill('Bánh tam giác mạch Mèo Vạc');
    await producer.getByLabel(/^Mô tả ý tưởng/).fill('Bánh làm từ bột hạt tam giác mạch trồng trên cao nguyên đá, hấp lá dong');
    await producer.getByRole('button', { name: 'Gửi UBND xã' }).click();
    const mine = producer.locator('[data-idea]').filter({ hasText: 'Bánh tam giác mạch Mèo Vạc' });
    await mine.getByTestId('idea-status').filter({ hasText: 'Chờ xã xem xét' }).waitFor();
    assert.ok(await noSidewaysScroll(producer));

    const commune = await site.pageAs('xa@demo.ocop.vn', { phone: true });
    await commune.goto(`${site.url}/lam-viec/y-tuong`);
    const queued = commune.locator('[data-idea]').filter({ hasText: 'Bánh tam giác mạch Mèo Vạc' });
    await queued.getByRole('button', { name: 'Tiếp nhận vào chu trình' }).click();
    await commune.getByRole('dialog').getByRole('button', { name: 'Tiếp nhận vào chu trình' }).click();
    await commune.locator('[data-idea]').filter({ hasText: 'Bánh tam giác mạch Mèo Vạc' }).getByTestId('idea-status').filter({ hasText: 'Đã tiếp nhận' }).waitFor();
    await province.context().close();
    await producer.context().close();
    await commune.context().close();
  });
});
