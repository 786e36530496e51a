// Issue 14's inspection journey on a 360 px phone: the demo inspector lands on the inspections workspace, puts the
// riskiest suggested product on Tuyên Quang's 2026 plan, records the inspection on site ending in a proposal to
// revoke (ground đ of Điều 8 would be "no longer produces"; here c, food safety), and the province office — the
// competent authority for 3★–4★ — completes the revocation from the inspection, within Điều 8.4's 15 days.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, noSidewaysScroll } from './browser.js';

browserSuite((site) => {
  test('an inspector plans and records an inspection ending in a revocation proposal; the province office completes it', async () => {
    const inspector = await site.pageAs('thanhtra@demo.ocop.vn', { phone: true });
    await inspector.goto(`${site.url}/lam-viec`);
    await inspector.getByRole('heading', { name: 'Kiểm tra sau công nhận' }).waitFor();
    await inspector.getByRole('link', { name: 'Mở hàng đợi phản ánh' }).waitFor();
    assert.ok(await noSidewaysScroll(inspector));
    await inspector.getByRole('link', { name: /Kế hoạch kiểm tra sản phẩm OCOP sau công nhận năm 2026/ }).click();

    const first = inspector.getByTestId('suggestion').first();
    const product = (await first.locator('label').first().innerText()).trim();
    await first.getByRole('checkbox').check();
    await inspector.getByRole('button', { name: /Thêm 1 sản phẩm vào kế hoạch/ }).click();
    await inspector.getByRole('link', { name: product }).first().click();

    await inspector.getByRole('heading', { name: 'Ghi kết quả kiểm tra' }).waitFor();
    await inspector.getByLabel(/Thành viên đoàn kiểm tra/).fill('Hoàng Văn Tra\nLò Văn Sính');
    await inspector.getByRole('radiogroup', { name: 'Mẫu gửi kiểm nghiệm' }).getByText('Có vi phạm').click();
    await inspector.getByLabel(/^Phát hiện/).fill('Mẫu có hàm lượng chì vượt giới hạn của QCVN 8-2:2011/BYT');
    await inspector.getByLabel('Đề nghị thu hồi giấy chứng nhận').check();
    await inspector.getByLabel(/^c\) /).check();
    assert.ok(await noSidewaysScroll(inspector));
    await inspector.getByRole('button', { name: 'Lưu kết luận' }).click();
    await inspector.getByRole('dialog').getByRole('button', { name: 'Lưu kết luận' }).click();
    await inspector.getByTestId('revocation-deadline').waitFor();
    const inspectionUrl = inspector.url();

    const office = await site.pageAs('tinh@demo.ocop.vn', { phone: true });
    await office.goto(inspectionUrl);
    await office.getByLabel(/^Số quyết định/).fill('1301/QĐ-UBND');
    await office.getByRole('button', { name: 'Quyết định thu hồi' }).click();
    await office.getByRole('dialog').getByRole('button', { name: 'Quyết định thu hồi' }).click();
    await office.getByTestId('revocation-done').waitFor();
    assert.ok(await noSidewaysScroll(office));
    const id = inspectionUrl.split('/').pop()!;
    const result = (await site.t.call({ url: `/api/v1/inspections/${id}`, as: await site.t.login('tinh@demo.ocop.vn', 'OcopDemo@2026') })).json();
    assert.deepEqual([result.state, result.certificate.status, result.revocation.ground], ['revoked', 'revoked', 'c']);
    await inspector.context().close();
    await office.context().close();
  });
});
