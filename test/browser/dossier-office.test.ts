// The officers' side of the dossier workflow in a real browser, with the demo accounts and demo dossiers: the commune
// returns with reasons and a criterion's knock-out cited, all of which the producer then reads; the commune fills
// Mẫu 03 and forwards (after a stale save is refused with a reload); the province receives; the advisory team reports;
// the province schedules, decides and gets a certificate whose PDF prints; the province revokes it and the public page
// says so; a commune officer elsewhere sees nothing. Axe on the dossier page, and a 360 px screenshot of the commune's panel.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { query } from '../../src/app/db.js';
import { answersNear, getSheet, RULES } from '../../src/modules/scoring/index.js';
import { DONG_VAN, PASSWORD, type Session } from '../harness.js';
import {
  DEMO_PASSWORD, assertServesPdf, axeViolations, browserSuite, confirmStep, daysAgo, fillRevocation, officePanel, screenshot, stepDone, vnFormat, vnToday, type PageOptions,
} from './browser.js';

browserSuite((site) => {
  let certificateNumber = '';

  const dossierOf = async (productName: string) => {
    const [row] = await query<{ id: string; number: string; status: string; version: number }>(site.t.database.db, sql`
      SELECT d.id, d.number, d.status, d.version FROM dossier d JOIN product p ON p.id = d.product_id WHERE p.name = ${productName}`);
    assert.ok(row, `demo dossier of ${productName}`);
    return row;
  };
  const api = async (as: Session, method: 'GET' | 'POST' | 'PUT', path: string, body?: Record<string, unknown>) => {
    const res = await site.t.call({ method, url: `/api/v1${path}`, as, body });
    assert.ok(res.statusCode < 300, `${method} ${path}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  /** The page of dossier `id` as `email` sees it, in a context of its own (the test closes it). */
  async function dossierPageAs(email: string, id: string, options?: PageOptions) {
    const page = await site.pageAs(email, options);
    await page.goto(`${site.url}/ho-so/${id}`);
    return page;
  }
  const close = (page: Page) => page.context().close();
  const done = stepDone;

  test('the commune returns a submitted dossier with two reasons; the producer reads them', async () => {
    const d = await dossierOf('Mật ong hoa cải Mèo Vạc');
    assert.equal(d.status, 'submitted');
    const page = await dossierPageAs('xa@demo.ocop.vn', d.id);
    try {
      await page.getByRole('heading', { name: 'Xử lý hồ sơ' }).waitFor();
      const [{ due }] = await query<{ due: string }>(site.t.database.db, sql`SELECT commune_due_on::text AS due FROM dossier WHERE id = ${d.id}`);
      await page.getByTestId('commune-due').filter({ hasText: vnFormat(due) }).waitFor();
      await officePanel(page).getByRole('button', { name: 'Trả lại để hoàn thiện hồ sơ' }).click();
      await page.getByRole('textbox', { name: 'Lý do 1' }).fill('Thiếu bản sao giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm');
      await page.getByRole('button', { name: 'Thêm lý do' }).click();
      await page.getByRole('textbox', { name: 'Lý do 2' }).fill('Phiếu tự đánh giá (Mẫu 02) chưa có chữ ký của người đại diện');
      // A criterion's knock-out note ("Bị loại nếu …") may be cited beside the reasons.
      await page.getByRole('checkbox', { name: /^Tiêu chí 2\.1: / }).check();
      await page.getByRole('button', { name: 'Trả lại hồ sơ' }).click();
      await confirmStep(page);
      await done(page, 'Đã trả lại hồ sơ');
      assert.equal((await dossierOf('Mật ong hoa cải Mèo Vạc')).status, 'returned');
      const [ret] = await query<{ knock_outs: string[] }>(site.t.database.db, sql`SELECT knock_outs FROM dossier_return WHERE dossier_id = ${d.id}`);
      assert.deepEqual(ret?.knock_outs, ['2.1']);
      assert.equal(await officePanel(page).count(), 0, 'nothing left for the commune to do');
    } finally {
      await close(page);
    }
    const producer = await dossierPageAs('chuthe@demo.ocop.vn', d.id);
    try {
      const returns = producer.getByRole('alert').filter({ hasText: 'Các lần trả lại để bổ sung' });
      await returns.getByText('Thiếu bản sao giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm').waitFor();
      await returns.getByText('Phiếu tự đánh giá (Mẫu 02) chưa có chữ ký của người đại diện').waitFor();
      await returns.getByText('Tiêu chí bị loại: 2.1').waitFor();
      assert.equal(await officePanel(producer).count(), 0, 'the producer has no officer actions');
    } finally {
      await close(producer);
    }
  });

  test('the commune fills Mẫu 03 on a phone (a stale save asks for a reload) and forwards the dossier', async () => {
    const d = await dossierOf('Mật ong hoa ngô cao nguyên đá');
    assert.equal(d.status, 'commune_reviewed');
    const phone = await dossierPageAs('xa@demo.ocop.vn', d.id, { phone: true });
    try {
      const form = phone.getByRole('form', { name: 'Báo cáo đánh giá của UBND xã (Mẫu 03)' });
      await form.waitFor();
      // The panel's top just under the sticky header.
      await officePanel(phone).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 96));
      // The officers' panel fits a 360 px phone (the self-assessment sheet below it is the producer's side).
      assert.ok(await officePanel(phone).evaluate((el) => el.getBoundingClientRect().right <= 360 && el.scrollWidth <= el.clientWidth), 'the panel fits 360 px');
      await screenshot(phone, 'dossier-office.png');
      assert.deepEqual(await axeViolations(phone), []);

      // Someone saves the report meanwhile: this page's version is stale.
      const xa = await site.t.login('xa@demo.ocop.vn', DEMO_PASSWORD);
      const current = await api(xa, 'GET', `/dossiers/${d.id}`);
      await api(xa, 'PUT', `/dossiers/${d.id}/commune-review`, { items: current.communeReview.items, conclusion: 'Lưu từ máy khác', signer: 'Giàng A Xã', version: current.version });
      await form.getByRole('button', { name: 'Lưu báo cáo' }).click();
      const stale = phone.getByRole('alert').filter({ hasText: 'Bản ghi đã được người khác sửa' });
      await stale.waitFor();
      await stale.getByRole('button', { name: 'Tải lại' }).click();
      await phone.waitForFunction(() => [...document.querySelectorAll('textarea')].some((x) => x.value === 'Lưu từ máy khác'));

      const item = (k: string) => phone.locator(`[data-item="${k}"]`);
      await item('a').getByLabel('Đạt một phần', { exact: true }).check();
      await item('a').getByLabel('Nhận xét mục a').fill('Mật ong lấy từ 32 hộ trong xã; sáp ong mua ở Đồng Văn.');
      await item('b').getByLabel('Đạt', { exact: true }).check();
      await item('b').getByLabel('Nhận xét mục b').fill('15/18 lao động thường trú tại xã.');
      await item('c').getByLabel('Đạt', { exact: true }).check();
      await item('d').getByLabel('Không đạt', { exact: true }).check();
      await item('d').getByLabel('Nhận xét mục d').fill('Bao bì chưa thể hiện bản sắc cao nguyên đá.');
      await phone.getByLabel('Kết luận, đề nghị').fill('Đề nghị UBND tỉnh đánh giá, phân hạng sản phẩm.');
      await phone.getByLabel('Người ký (T.M Ủy ban nhân dân xã)').fill('Giàng A Xã');
      await phone.getByRole('button', { name: 'Lưu và chuyển hồ sơ lên tỉnh' }).click();
      await confirmStep(phone);
      await done(phone, 'Đã chuyển hồ sơ lên UBND tỉnh');
      const after = await api(xa, 'GET', `/dossiers/${d.id}`);
      assert.equal(after.status, 'forwarded');
      assert.deepEqual([after.communeReview.items.a.assessment, after.communeReview.items.d.assessment], ['partly', 'not_meets']);
      assert.equal(after.communeReview.items.b.note, '15/18 lao động thường trú tại xã.');
      assert.equal(after.communeReview.signer, 'Giàng A Xã');
      // Read-only now, for the commune as for everyone who reads the dossier.
      await phone.locator('[data-report="report-commune"]').getByText('Bao bì chưa thể hiện bản sắc cao nguyên đá.').waitFor();
    } finally {
      await close(phone);
    }
  });

  test('the province office receives a forwarded dossier', async () => {
    const d = await dossierOf('Mật ong hoa bạc hà rừng');
    assert.equal(d.status, 'forwarded');
    const page = await dossierPageAs('tinh@demo.ocop.vn', d.id);
    try {
      await page.locator('[data-report="report-commune"]').waitFor();
      await officePanel(page).getByRole('button', { name: 'Hồ sơ đầy đủ — tiếp nhận' }).click();
      await confirmStep(page);
      await done(page, 'Đã tiếp nhận hồ sơ');
      assert.equal((await dossierOf('Mật ong hoa bạc hà rừng')).status, 'advisory_review');
      // The office may now review, schedule or reject: the panel offers exactly those.
      await officePanel(page).getByRole('button', { name: 'Đưa vào phiên họp Hội đồng' }).waitFor();
    } finally {
      await close(page);
    }
  });

  test('the advisory team records its review with a field visit, an extra test and a pre-score', async () => {
    const d = await dossierOf('Mật ong bạc hà tổ');
    assert.equal(d.status, 'advisory_review');
    const page = await dossierPageAs('tuvan@demo.ocop.vn', d.id);
    try {
      const form = page.getByRole('form', { name: 'Báo cáo của Tổ tư vấn' });
      await form.waitFor();
      await form.getByLabel('Ngày khảo sát').fill(daysAgo(2));
      await form.getByLabel('Kết quả khảo sát').fill('Khu chiết rót có lưới chắn côn trùng; sổ theo dõi đàn ong ghi đủ 2 năm.');
      await form.getByRole('button', { name: 'Thêm kiểm nghiệm' }).click();
      await form.getByLabel('Chỉ tiêu đề nghị kiểm nghiệm 2').fill('Dư lượng kháng sinh');
      await form.getByLabel('Kết quả kiểm nghiệm 2').fill('Không phát hiện');
      await form.getByLabel('Báo cáo đánh giá gửi Chủ tịch Hội đồng').fill('Tổ tư vấn đề nghị Hội đồng chấm điểm tại phiên đợt 3.');
      // The pre-score sheet sits beside the read-only Mẫu 02 without sharing its radio buttons.
      assert.equal(await form.locator('.criterion').count() > 10, true);
      const selfChecked = await page.locator('input[id^="opt-"]:checked').count();
      const other = form.locator('.criterion').first().locator('input[type="radio"]:not(:checked)').first();
      await other.check();
      assert.equal(await page.locator('input[id^="opt-"]:checked').count(), selfChecked, 'the self-assessment keeps its answers');
      await form.getByRole('button', { name: 'Lưu báo cáo tư vấn' }).click();
      await done(page, 'Đã lưu báo cáo của Tổ tư vấn');
      const tuvan = await site.t.login('tuvan@demo.ocop.vn', DEMO_PASSWORD);
      const after = await api(tuvan, 'GET', `/dossiers/${d.id}`);
      assert.deepEqual(after.advisoryReview.fieldVisit, { on: daysAgo(2), findings: 'Khu chiết rót có lưới chắn côn trùng; sổ theo dõi đàn ong ghi đủ 2 năm.' });
      assert.deepEqual(after.advisoryReview.extraTests.at(-1), { requested: 'Dư lượng kháng sinh', result: 'Không phát hiện' });
      assert.equal(after.advisoryReview.report, 'Tổ tư vấn đề nghị Hội đồng chấm điểm tại phiên đợt 3.');
      assert.ok(after.advisoryReview.preScore.total > 0);
      assert.equal(after.status, 'advisory_review');
    } finally {
      await close(page);
    }
  });

  test('the province decides on a scored dossier: the certificate number appears and its PDF prints', async () => {
    // The demo's open session is finished through the API: the two members who have not submitted do (the chair has),
    // and the chair closes it.
    const d = await dossierOf('Mật ong bạc hà dạng sáp');
    const chair = await site.t.login('chutich.hoidong@demo.ocop.vn', DEMO_PASSWORD);
    const [{ session_id, item_id }] = await query<{ session_id: string; item_id: string }>(site.t.database.db, sql`SELECT session_id, id AS item_id FROM session_item WHERE dossier_id = ${d.id}`);
    const answers = answersNear(getSheet(4)!, 78);
    for (const email of ['hoidong@demo.ocop.vn', 'thanhvien.hoidong@demo.ocop.vn']) {
      const member = await site.t.login(email, DEMO_PASSWORD);
      await api(member, 'PUT', `/sessions/${session_id}/items/${item_id}/score`, { answers, submit: true });
    }
    const session = await api(chair, 'GET', `/sessions/${session_id}`);
    await api(chair, 'POST', `/sessions/${session_id}/close`, { version: session.version });
    assert.equal((await dossierOf('Mật ong bạc hà dạng sáp')).status, 'scored');

    const page = await dossierPageAs('tinh@demo.ocop.vn', d.id);
    try {
      const form = page.getByRole('form', { name: 'Quyết định trên kết quả của Hội đồng' });
      await form.getByTestId('planned-decision').filter({ hasText: 'Công nhận và cấp giấy chứng nhận sản phẩm OCOP 4 sao' }).waitFor();
      await page.locator('[data-report="report-province-result"]').waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await form.getByLabel('Số quyết định').fill('1099/QĐ-UBND');
      assert.equal(await form.getByLabel('Ngày quyết định').inputValue(), vnToday());
      await form.getByRole('button', { name: 'Ban hành quyết định' }).click();
      await confirmStep(page);
      await done(page, 'Đã ban hành quyết định và cấp giấy chứng nhận');
      const card = page.getByTestId('dossier-certificate');
      certificateNumber = (await card.getByTestId('certificate-number').textContent())?.trim() ?? '';
      assert.match(certificateNumber, /^OCOP-08-\d{4}-\d{5}$/);
      assert.equal((await dossierOf('Mật ong bạc hà dạng sáp')).status, 'certified');
      assert.equal(await card.getByRole('link', { name: 'Trang xác minh công khai' }).getAttribute('href'), `/xac-minh/${certificateNumber}`);
      const print = await card.getByRole('link', { name: 'In giấy chứng nhận' }).getAttribute('href');
      assert.equal(print, `/api/v1/certificates/${certificateNumber}/pdf`);
      await assertServesPdf(page, site.url, print);
      await page.locator('[data-report="report-decision"]').getByText('Quyết định số 1099/QĐ-UBND').waitFor();
    } finally {
      await close(page);
    }
  });

  test('the province schedules a reviewed dossier on a session of its council', async () => {
    const d = await dossierOf('Mật ong bạc hà tổ');
    const tinh = await site.t.login('tinh@demo.ocop.vn', DEMO_PASSWORD);
    const councils = await api(tinh, 'GET', '/councils');
    const council = councils.items.find((c: { level: string }) => c.level === 'province');
    await api(tinh, 'POST', `/councils/${council.id}/sessions`, { title: 'Phiên họp đánh giá, phân hạng đợt 3', scheduledOn: vnToday(), location: 'UBND tỉnh Tuyên Quang' });
    const page = await dossierPageAs('tinh@demo.ocop.vn', d.id);
    try {
      const form = page.getByRole('form', { name: 'Đưa vào phiên họp Hội đồng' });
      const select = form.getByLabel('Phiên họp của Hội đồng có thẩm quyền');
      await select.locator('option', { hasText: 'đợt 3' }).waitFor({ state: 'attached' });
      assert.equal(await select.locator('option', { hasText: 'đợt 2' }).count(), 0, 'a closed session is not offered');
      await select.selectOption({ label: (await select.locator('option', { hasText: 'đợt 3' }).textContent())! });
      await form.getByRole('button', { name: 'Đưa vào chương trình phiên họp' }).click();
      await done(page, 'Đã đưa hồ sơ vào chương trình phiên họp "Phiên họp đánh giá, phân hạng đợt 3"');
      assert.equal((await dossierOf('Mật ong bạc hà tổ')).status, 'council_scoring');
    } finally {
      await close(page);
    }
  });

  test('the province revokes the 4★ certificate 20 days after the finding: accepted, shown late; the public page then shows it revoked', async () => {
    assert.ok(certificateNumber, 'issued by the decision test');
    const verify = `${site.url}/xac-minh/${encodeURIComponent(certificateNumber)}`;
    // The office acts on a certificate in the workspace; the public verification page is a document.
    const inWorkspace = (number: string) => `${site.url}/lam-viec/giay-chung-nhan/${encodeURIComponent(number)}`;
    // Nobody else is offered the action: the commune, and the province on a 5★ certificate.
    const commune = await site.pageAs('xa@demo.ocop.vn');
    try {
      await commune.goto(inWorkspace(certificateNumber));
      await commune.getByRole('status').filter({ hasText: 'Còn hiệu lực' }).waitFor();
      await commune.waitForLoadState('networkidle');
      assert.equal(await commune.getByRole('button', { name: /Thu hồi/ }).count(), 0);
    } finally {
      await close(commune);
    }
    const page = await site.pageAs('tinh@demo.ocop.vn');
    try {
      const [five] = await query<{ number: string }>(site.t.database.db, sql`SELECT number FROM certificate WHERE stars = 5 AND status = 'valid' AND province_code = '08' LIMIT 1`);
      await page.goto(inWorkspace(five.number));
      await page.getByRole('status').filter({ hasText: 'Còn hiệu lực' }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.getByRole('button', { name: /Thu hồi/ }).count(), 0, 'a 5★ certificate is the Ministry\'s to revoke');

      // Điều 8.4's 15 days are the authority's duty, not a bar: a decision 20 days after the finding is warned of,
      // then recorded with its delay.
      await page.goto(inWorkspace(certificateNumber));
      const form = await fillRevocation(page, daysAgo(20), '77/QĐ-UBND', 'Kết luận thanh tra về ghi nhãn hàng hóa.');
      await form.getByTestId('revoke-deadline').filter({ hasText: 'Ngày quyết định đã quá thời hạn này' }).waitFor();
      await form.getByRole('button', { name: 'Thu hồi giấy chứng nhận' }).click();
      await confirmStep(page);
      await page.getByRole('status').filter({ hasText: 'Đã bị thu hồi' }).waitFor();
      await page.getByTestId('revocation-late').filter({ hasText: `Thu hồi muộn ${20 - RULES.revocation.deadlineDays} ngày` }).waitFor();
      assert.equal(await page.locator('section.revoke-panel').count(), 0);
    } finally {
      await close(page);
    }
    const visitor = await site.pageAs(null, { phone: true });
    try {
      await visitor.goto(verify);
      await visitor.getByRole('status').filter({ hasText: 'Đã bị thu hồi' }).waitFor();
      await visitor.getByText('77/QĐ-UBND', { exact: false }).waitFor();
      await visitor.getByTestId('revocation-late').waitFor();
    } finally {
      await close(visitor);
    }
  });

  test('a commune officer of another commune cannot see the dossier', async () => {
    const d = await dossierOf('Mật ong hoa bạc hà rừng');
    const other = await site.t.user('commune', { communeCode: DONG_VAN });
    const me = await site.t.call({ url: '/api/v1/auth/me', as: other });
    const page = await dossierPageAs(me.json().user.email, d.id, { password: PASSWORD });
    try {
      await page.getByRole('alert').filter({ hasText: 'Không tìm thấy hồ sơ' }).waitFor();
      assert.equal(await page.getByRole('heading', { name: `Hồ sơ ${d.number}` }).count(), 0);
      assert.equal(await officePanel(page).count(), 0);
      await page.goto(`${site.url}/ho-so`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.getByText(d.number).count(), 0, 'not in the queue either');
    } finally {
      await close(page);
    }
  });
});
