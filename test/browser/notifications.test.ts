// Sign-up, notifications and the development mailbox in a real browser: a producer signs up from the login page
// (a common password refused beside its field, the commune picked by name), the commune approves the entity and the
// producer's bell counts one until the notification centre marks it read; then the producer invites a colleague,
// whose invitation e-mail is read on the development mailbox page, and its link makes the colleague a member.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { OutboxWorker } from '../../src/app/outbox.js';
import { createMailTransport, registerNotificationHandlers } from '../../src/modules/notifications/index.js';
import { axeViolations, browserSuite, DEMO_PASSWORD, noSidewaysScroll, screenshot } from './browser.js';

const PRODUCER = { email: 'vang.thi.mai@example.vn', password: 'chè shan tuyết Pả Vi mùa xuân' };
const COLLEAGUE = { email: 'lo.van.pao@example.vn', password: 'mây trắng trên đỉnh Mã Pì Lèng' };

browserSuite((site) => {
  let producer: Page;
  let visitor: Page;
  site.before(async () => {
    producer = await site.pageAs(null, { phone: true });
    visitor = await site.pageAs(null);
  });

  /** Delivers what the outbox holds (e-mail files and in-app notifications), as the server's worker would. */
  async function deliver() {
    const mail = createMailTransport({ dataDir: site.t.config.dataDir, from: 'OCOP <no-reply@ocop.local>' });
    await registerNotificationHandlers(new OutboxWorker(site.t.database.db, site.t.app.log), mail, site.url).drain();
  }

  test('sign-up from the login page: a common password is refused beside its field, then the producer logs in', async () => {
    await producer.goto(`${site.url}/dang-nhap`);
    await producer.getByRole('link', { name: 'Chủ thể mới? Đăng ký tài khoản' }).click();
    await producer.getByRole('heading', { level: 1, name: 'Đăng ký chủ thể OCOP' }).waitFor();
    assert.deepEqual(await axeViolations(producer), []);
    assert.ok(await noSidewaysScroll(producer), 'the sign-up form fits a 360 px phone');
    await producer.getByLabel(/^Họ tên của bạn/).fill('Vàng Thị Mai');
    await producer.getByLabel(/^Thư điện tử/).fill(PRODUCER.email);
    await producer.getByLabel(/^Mật khẩu/).fill('Matkhau@2026');
    await producer.getByLabel(/^Tên/).fill('HTX Chè shan tuyết Pả Vi');
    await producer.getByLabel(/^Số đăng ký kinh doanh/).fill('5100769026');
    // The commune is picked by name, typed without diacritics.
    await producer.getByRole('textbox', { name: /^Xã, phường/ }).fill('meo vac');
    await producer.getByRole('option', { name: 'Xã Mèo Vạc, Tỉnh Tuyên Quang' }).click();
    await producer.getByLabel(/^Địa chỉ/).fill('Thôn Pả Vi Thượng');
    await producer.getByLabel(/^Dân tộc/).fill('Mông');
    await producer.getByRole('button', { name: 'Đăng ký' }).click();
    await producer.getByText('Mật khẩu này quá phổ biến').first().waitFor();
    await screenshot(producer, 'sign-up-phone.png');
    await producer.getByLabel(/^Mật khẩu/).fill(PRODUCER.password);
    await producer.getByRole('button', { name: 'Đăng ký' }).click();
    await producer.getByRole('status').getByText('Đã nhận đăng ký').waitFor();
    await producer.getByRole('button', { name: 'Đăng nhập ngay' }).click();
    await producer.waitForURL(/\/lam-viec$/);
    const me = await site.t.login(PRODUCER.email, PRODUCER.password);
    assert.ok(me.user.entityId, 'the producer belongs to the entity it registered');
  });

  test('the commune approves the entity: the bell counts one, the centre shows it, marking all read clears the bell; her channels and e-mail language saved', async () => {
    const commune = await site.t.login('xa@demo.ocop.vn', DEMO_PASSWORD);
    const me = await site.t.login(PRODUCER.email, PRODUCER.password);
    const entity = (await site.t.call({ url: `/api/v1/entities/${me.user.entityId}`, as: commune })).json();
    const approved = await site.t.call({ method: 'POST', url: `/api/v1/entities/${entity.id}/approve`, body: { version: entity.version }, as: commune });
    assert.equal(approved.statusCode, 200, approved.body);
    await deliver();
    // Logged in, the sign-up page sends her to her workspace.
    await producer.goto(`${site.url}/dang-ky`);
    await producer.waitForURL(/\/lam-viec$/);
    await producer.getByRole('link', { name: 'Thông báo: 1 chưa đọc' }).click();
    await producer.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    const list = producer.getByRole('list', { name: 'Danh sách thông báo' });
    await list.getByRole('listitem').filter({ hasText: 'Mới' }).waitFor();
    assert.equal(await list.getByRole('listitem').count(), 1);
    await screenshot(producer, 'notification-centre.png');
    assert.deepEqual(await axeViolations(producer), []);
    // On a phone the bell sits on the brand's line, inside the screen; the centre does not scroll sideways.
    const bell = (await producer.getByRole('link', { name: 'Thông báo: 1 chưa đọc' }).boundingBox())!;
    assert.ok(bell.x + bell.width <= 360, `the bell ends at ${bell.x + bell.width} px`);
    assert.ok(await producer.evaluate(() => document.querySelector('main')!.scrollWidth <= 360), 'the centre fits a 360 px phone');
    await producer.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
    await producer.getByText('Bạn đã đọc hết thông báo.').waitFor();
    await producer.getByRole('link', { name: 'Thông báo', exact: true }).waitFor();
    assert.equal((await site.t.call({ url: '/api/v1/notifications/unread-count', as: me })).json().unread, 0);
    // Her choices: no e-mail when a dossier is returned (still in the app), and e-mail in English.
    await producer.getByRole('checkbox', { name: 'Hồ sơ bị trả lại: Thư điện tử' }).uncheck();
    await producer.getByRole('radio', { name: 'English' }).check();
    await producer.getByRole('button', { name: 'Lưu lựa chọn' }).click();
    await producer.getByText('Đã lưu lựa chọn nhận thông báo').waitFor();
    const prefs = (await site.t.call({ url: '/api/v1/notifications/preferences', as: me })).json().items;
    assert.deepEqual(prefs.find((p: { kind: string }) => p.kind === 'dossier_returned'), { kind: 'dossier_returned', email: false, app: true });
    assert.equal((await site.t.call({ url: '/api/v1/notifications/language', as: me })).json().language, 'en');
  });

  test('an invitation: the mailbox page shows the e-mail, its link makes the colleague a member', async () => {
    const me = await site.t.login(PRODUCER.email, PRODUCER.password);
    const invited = await site.t.call({ method: 'POST', url: `/api/v1/entities/${me.user.entityId}/invitations`, body: { email: COLLEAGUE.email }, as: me });
    assert.equal(invited.statusCode, 201, invited.body);
    await deliver();
    await visitor.goto(`${site.url}/dang-nhap`);
    await visitor.getByRole('link', { name: /^Hộp thư thử nghiệm/ }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Hộp thư thử nghiệm' }).waitFor();
    const row = visitor.getByRole('row').filter({ hasText: COLLEAGUE.email });
    await row.getByRole('link', { name: /^Lời mời tham gia/ }).click();
    await visitor.getByRole('heading', { level: 2, name: /^Lời mời tham gia/ }).waitFor();
    await screenshot(visitor, 'dev-mailbox.png');
    const link = visitor.getByRole('link', { name: /\/nhan-loi-moi#token=/ }).first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await visitor.getByRole('heading', { level: 1, name: 'Nhận lời mời' }).waitFor();
    await visitor.getByLabel(/^Họ tên của bạn/).fill('Lò Văn Páo');
    await visitor.getByLabel(/^Mật khẩu/).fill(COLLEAGUE.password);
    await visitor.getByLabel(/^Nhập lại mật khẩu/).fill(COLLEAGUE.password);
    await visitor.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await visitor.waitForURL(/\/lam-viec$/);
    const colleague = await site.t.login(COLLEAGUE.email, COLLEAGUE.password);
    assert.equal(colleague.user.entityId, me.user.entityId);
    // A link cut short by a mail reader, then the used link: each says what went wrong in the visitor's language.
    const again = await site.pageAs(null);
    await again.goto(`${site.url}/nhan-loi-moi#token=abc`);
    await again.getByLabel(/^Họ tên của bạn/).fill('Người khác');
    await again.getByLabel(/^Mật khẩu/).fill(COLLEAGUE.password);
    await again.getByLabel(/^Nhập lại mật khẩu/).fill(COLLEAGUE.password);
    await again.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await again.getByRole('alert').getByText('Liên kết thiếu mã lời mời').waitFor();
    await again.goto(href);
    await again.getByLabel(/^Họ tên của bạn/).fill('Người khác');
    await again.getByLabel(/^Mật khẩu/).fill(COLLEAGUE.password);
    await again.getByLabel(/^Nhập lại mật khẩu/).fill(COLLEAGUE.password);
    await again.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await again.getByRole('alert').getByText('Lời mời không tồn tại hoặc đã hết hạn').waitFor();
    await again.context().close();
  });
});
