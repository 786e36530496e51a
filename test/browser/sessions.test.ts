// A council session run in a real browser with the demo accounts: the province office schedules a session, puts the
// ready dossier on the agenda and opens it with the attendance; the members score more than 10 points apart; closing
// is refused with the spread shown; the chair sees the warning and asks for re-scoring; the members see they must
// score again and do; the session closes and the minutes PDF answers. Axe on the session page, 360 px screenshots.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { answersNear, getSheet } from '../../src/modules/scoring/index.js';
import { askForRescore, assertServesPdf, axeViolations, browserSuite, confirmStep, scoreItem, screenshot } from './browser.js';

const COUNCIL = 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Tuyên Quang';
const READY = 'Mật ong bạc hà tổ'; // the demo dossier waiting for the council (src/cli/seed/dossiers.ts)
const TITLE = 'Phiên họp đánh giá, phân hạng đợt 3';

browserSuite((site) => {
  const as = (email: string, phone = false) => site.pageAs(email, { phone });
  /** Scores the product on its page, option by option as a member would, then submits. */
  const score = scoreItem;

  test('a session from scheduling to the minutes: attendance, a spread over 10, re-scoring, closing', async () => {
    const office = await as('tinh@demo.ocop.vn');
    // The office schedules a meeting on the councils page.
    await office.goto(`${site.url}/hoi-dong`);
    const card = office.locator('.council-card').filter({ has: office.getByRole('heading', { name: COUNCIL }) });
    await card.getByText('Chủ tịch Hội đồng').first().waitFor(); // members with their roles
    assert.deepEqual(await axeViolations(office), []);
    await card.getByRole('button', { name: 'Lên lịch phiên họp' }).click();
    await card.getByLabel('Tên phiên họp').fill(TITLE);
    await card.getByLabel('Địa điểm').fill('Hội trường UBND tỉnh Tuyên Quang');
    assert.equal(await card.getByLabel('Hình thức').inputValue(), 'meeting');
    await card.locator('form').getByRole('button', { name: 'Lên lịch phiên họp' }).click();
    await office.waitForURL(/\/phien-hop\/[0-9a-f-]{36}$/);
    const sessionUrl = office.url();
    await office.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // The ready dossier goes on the agenda.
    const select = office.getByLabel('Hồ sơ đã sẵn sàng');
    await select.waitFor(); // the ready dossiers are loaded with it
    const option = (await select.locator('option').allTextContents()).find((o) => o.startsWith(`${READY} ·`));
    assert.ok(option, `the demo dossier waiting for the council is offered: ${(await select.locator('option').allTextContents()).join(' | ')}`);
    await select.selectOption({ label: option });
    await office.getByRole('button', { name: 'Thêm vào phiên' }).click();
    const item = office.locator('.session-item').filter({ hasText: READY });
    await item.waitFor();
    await item.getByRole('link', { name: /^Hồ sơ / }).waitFor();
    const officePhone = await as('tinh@demo.ocop.vn', true);
    await officePhone.goto(sessionUrl);
    await officePhone.locator('.open-form').getByRole('checkbox').first().waitFor();
    assert.ok(await officePhone.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling');
    await screenshot(officePhone, 'session-planned.png');

    // Attendance with the live quorum: the chair alone is not enough; everyone is.
    const openForm = office.locator('.open-form');
    await openForm.getByRole('checkbox', { name: /Chủ tịch Hội đồng$/ }).check();
    await openForm.locator('.quorum-live').filter({ hasText: 'Chưa đủ điều kiện họp' }).waitFor();
    for (const box of await openForm.getByRole('checkbox').all()) await box.check();
    await openForm.locator('.quorum-live').filter({ hasText: 'Có mặt 4/4 · cần tối thiểu 3' }).filter({ hasText: 'Đủ điều kiện họp' }).waitFor();
    await openForm.getByRole('button', { name: 'Mở phiên họp' }).click();
    await office.locator('.session-status').filter({ hasText: 'Đang họp' }).waitFor();
    await item.getByText('0/3 thành viên đã nộp phiếu').waitFor();
    assert.deepEqual(await axeViolations(office), []);
    const itemUrl = `${site.url}${await item.getByRole('link', { name: 'Xem điểm' }).getAttribute('href')}`;

    // The members score on their own: 80, 60 and 78 points.
    const chair = await as('chutich.hoidong@demo.ocop.vn');
    const member = await as('hoidong@demo.ocop.vn');
    const member2 = await as('thanhvien.hoidong@demo.ocop.vn');
    await score(chair, itemUrl, 80);
    await score(member, itemUrl, 60);
    await score(member2, itemUrl, 78);

    // The office cannot close: the refusal names the product and the spread.
    await office.reload();
    await office.getByRole('button', { name: 'Kết thúc phiên' }).click();
    await confirmStep(office);
    const refusal = office.locator('.close-refusal');
    await refusal.filter({ hasText: `${READY}: điểm chênh lệch 20 điểm (tối đa 10)` }).waitFor();
    assert.match(await refusal.innerText(), /Phạm Văn Hội/);

    // The chair sees the warning first, and asks everyone to score again.
    await chair.goto(itemUrl);
    await chair.locator('.spread-warning').filter({ hasText: 'Điểm chênh lệch quá mức' }).waitFor();
    const phone = await as('chutich.hoidong@demo.ocop.vn', true);
    await phone.goto(itemUrl);
    await phone.locator('.spread-warning').waitFor();
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling');
    await screenshot(phone, 'session-spread.png');
    assert.equal(await chair.locator('.rescore-form').getByRole('checkbox', { checked: true }).count(), 3); // all members by default
    // The members are told to score again, with the reason; they do, within 10 points.
    await askForRescore(chair, member, itemUrl, 'Thảo luận lại tiêu chí 4.1 về thị trường tiêu thụ');
    await score(member, itemUrl, 76);
    await member.locator('.must-rescore').waitFor({ state: 'detached' }); // submitted: no longer asked
    await score(chair, itemUrl, null); // keeps the 80 points of the draft
    await score(member2, itemUrl, null);

    // The session closes; the result and the minutes are there.
    await office.reload();
    await office.getByLabel('Ghi chú biên bản').fill('Hội đồng thống nhất kết quả sau khi thảo luận lại.');
    await office.getByRole('button', { name: 'Kết thúc phiên' }).click();
    await confirmStep(office);
    await office.locator('.session-status').filter({ hasText: 'Đã kết thúc' }).waitFor();
    await item.locator('.item-result').filter({ hasText: /Kết quả: [\d,]+ điểm · 4 sao OCOP/ }).waitFor();
    const minutesHref = await office.getByRole('link', { name: 'Biên bản (PDF)' }).getAttribute('href');
    await assertServesPdf(office, site.url, minutesHref);
    await item.locator('summary').click();
    const sheetHref = await item.getByRole('link', { name: /^Phiếu chấm của Phạm Văn Hội/ }).getAttribute('href');
    assert.equal((await office.request.get(`${site.url}${sheetHref}`)).headers()['content-type'], 'application/pdf');
    assert.deepEqual(await axeViolations(office), []);

    await officePhone.goto(sessionUrl);
    await officePhone.locator('.item-result').waitFor();
    assert.ok(await officePhone.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling');
    await screenshot(officePhone, 'session-closed.png');
    for (const p of [office, chair, member, member2, phone, officePhone]) await p.context().close();
  });

  /** A member's own score through the API, with the page's session cookie and CSRF token (the UI path is tested above). */
  async function submitByApi(page: Page, sessionId: string, itemId: string, target: number) {
    const me = await (await page.request.get(`${site.url}/api/v1/auth/me`)).json() as { csrfToken: string };
    const res = await page.request.put(`${site.url}/api/v1/sessions/${sessionId}/items/${itemId}/score`, {
      data: { answers: answersNear(getSheet(4)!, target), submit: true }, headers: { 'x-csrf-token': me.csrfToken },
    });
    assert.equal(res.status(), 200, await res.text());
  }

  test('a re-rating by written opinion: no attendance, diverging opinions refused, then converted to a meeting', async () => {
    const office = await as('tinh@demo.ocop.vn');
    await office.goto(`${site.url}/hoi-dong`);
    const card = office.locator('.council-card').filter({ has: office.getByRole('heading', { name: COUNCIL }) });
    await card.getByRole('button', { name: 'Lên lịch phiên họp' }).click();
    await card.getByLabel('Tên phiên họp').fill('Lấy ý kiến đánh giá lại đợt 1');
    await card.getByLabel('Hình thức').selectOption('written');
    await card.locator('form').getByRole('button', { name: 'Lên lịch phiên họp' }).click();
    await office.waitForURL(/\/phien-hop\/[0-9a-f-]{36}$/);
    const sessionId = office.url().split('/').pop()!;
    await office.getByText('Phiên lấy ý kiến bằng văn bản: mọi thành viên chấm điểm được gửi phiếu').waitFor();

    // Only re-rating dossiers are offered.
    const select = office.getByLabel('Hồ sơ đã sẵn sàng');
    await select.waitFor();
    const options = await select.locator('option').allTextContents();
    assert.ok(options.slice(1).every((o) => o.endsWith('· Đánh giá lại')), `only re-rating dossiers are offered: ${options.join(' | ')}`);
    const rerating = options.find((o) => o.includes('Đánh giá lại'));
    assert.ok(rerating, `the demo re-rating dossier is offered: ${options.join(' | ')}`);
    await select.selectOption({ label: rerating });
    await office.getByRole('button', { name: 'Thêm vào phiên' }).click();
    const item = office.locator('.session-item');
    await item.waitFor();
    // No attendance: opening asks every scoring member.
    await office.getByRole('button', { name: 'Bắt đầu lấy ý kiến' }).waitFor();
    assert.equal(await office.locator('.open-form').getByRole('checkbox').count(), 0);
    await office.getByRole('button', { name: 'Bắt đầu lấy ý kiến' }).click();
    await item.getByText('0/3 thành viên đã nộp phiếu · cần tối thiểu 3').waitFor();
    assert.deepEqual(await axeViolations(office), []);
    const itemId = (await item.getByRole('link', { name: 'Xem điểm' }).getAttribute('href'))!.split('/').pop()!;

    const chair = await as('chutich.hoidong@demo.ocop.vn');
    await submitByApi(chair, sessionId, itemId, 80);
    await submitByApi(await as('hoidong@demo.ocop.vn'), sessionId, itemId, 60);
    await submitByApi(await as('thanhvien.hoidong@demo.ocop.vn'), sessionId, itemId, 78);

    // The chair sees the opinions diverge: the remedy is a meeting, not a re-score in writing.
    await chair.goto(`${site.url}/phien-hop/${sessionId}/${itemId}`);
    await chair.locator('.spread-warning').filter({ hasText: 'cần chuyển sang họp trực tiếp' }).waitFor();
    assert.equal(await chair.locator('.rescore-form').count(), 0);

    // Closing is refused; the office converts the session to a meeting with the attendance; the scores are kept.
    await office.reload();
    await office.getByRole('button', { name: 'Kết thúc phiên' }).click();
    await confirmStep(office);
    await office.locator('.close-refusal').filter({ hasText: 'hãy chuyển sang họp trực tiếp' }).filter({ hasText: 'chênh lệch 20 điểm' }).waitFor();
    const convert = office.locator('.convert-form');
    await convert.getByRole('checkbox').first().waitFor();
    for (const box of await convert.getByRole('checkbox').all()) await box.check();
    await convert.getByRole('button', { name: 'Chuyển sang họp trực tiếp' }).click();
    await office.getByText('Bắt đầu bằng lấy ý kiến bằng văn bản, chuyển sang họp trực tiếp ngày').waitFor();
    await office.getByText('Họp trực tiếp', { exact: true }).waitFor();
    await item.getByText('3/3 thành viên đã nộp phiếu').waitFor();
    await chair.reload();
    await chair.locator('.rescore-form').waitFor(); // in a meeting, the chair can now ask for re-scoring
    for (const p of [office, chair]) await p.context().close();
  });
});
