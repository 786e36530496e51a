// Forgotten password in a real browser: the login page's "Quên mật khẩu?" link, the request, the e-mail's link,
// a refused weak password, the new password; and the demo password shown only while the demo accounts exist.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { OutboxWorker } from '../../src/app/outbox.js';
import { createMailTransport, mailHandlers } from '../../src/modules/notifications/index.js';
import { browserSuite, STILL } from './browser.js';

browserSuite((site) => {
  let page: Page;
  site.before(async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN', ...STILL });
  });

  /** Sends the queued e-mails as the server would, and returns the last one's reset link. */
  async function lastResetLink(): Promise<string> {
    const mail = mailHandlers(createMailTransport({ dataDir: site.t.config.dataDir, from: 'OCOP <no-reply@ocop.local>' }), site.url);
    await new OutboxWorker(site.t.database.db, site.t.app.log).on('password.reset_requested', mail.passwordReset).drain();
    const dir = join(site.t.config.dataDir, 'mail');
    const last = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().at(-1)!;
    const text = readFileSync(join(dir, last), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    return /(http:\/\/\S+\/dat-lai-mat-khau#token=[A-Za-z0-9_%-]+)/.exec(text)![1];
  }

  test('the login page links to "Quên mật khẩu?" and shows the demo password while the demo accounts exist', async () => {
    await page.goto(`${site.url}/dang-nhap`);
    await page.getByTestId('demo-accounts').waitFor();
    assert.match(await page.getByTestId('demo-accounts').textContent() ?? '', /OcopDemo@2026/);
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quên mật khẩu' }).waitFor();
  });

  test('request → e-mail link → a weak password refused beside the field → a new password that logs in', async () => {
    await page.getByLabel('Thư điện tử').fill('tuvan@demo.ocop.vn');
    await page.getByRole('button', { name: 'Gửi liên kết' }).click();
    await page.getByRole('status').getByText('Nếu e-mail này có tài khoản').waitFor();
    const link = await lastResetLink();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu mới' }).waitFor();
    await page.getByLabel(/^Mật khẩu mới/).fill('Matkhau@2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Matkhau@2026');
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await page.getByText('Mật khẩu này quá phổ biến').first().waitFor();
    await page.getByLabel(/^Mật khẩu mới/).fill('rừng thông Đà Lạt mùa sương');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('rừng thông Đà Lạt mùa sương');
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await page.getByRole('status').getByText('Đã đặt mật khẩu mới').waitFor();
    assert.equal((await site.t.login('tuvan@demo.ocop.vn', 'rừng thông Đà Lạt mùa sương')).user.entityId, null);
  });

  test('without demo accounts the login page shows no password', async () => {
    await site.t.database.db.execute(sql`UPDATE app_user SET active = false WHERE email LIKE '%@demo.ocop.vn'`);
    await page.goto(`${site.url}/dang-nhap`);
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByTestId('demo-accounts').count(), 0);
    assert.equal(await page.getByText('OcopDemo@2026').count(), 0);
  });
});
