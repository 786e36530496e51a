// The producer's side of a dossier in a real browser, on a 360 px phone: chuthe@ opens a first-rating dossier for its
// registered product, fills Mẫu 01 and Mẫu 02 (a cleared required field is refused beside that field), scores the
// sheet, uploads a PDF for one criterion, is told clearly that a text file is not accepted, submits and leaves a note on
// the criterion. The commune officer then sees the evidence and the note next to the criterion, read-only. Axe finds
// nothing serious; a screenshot is kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, TINY_PDF, axeViolations, browserSuite, confirmStep, nextFormStep, noSidewaysScroll, screenshot, uploadPdf } from './browser.js';

type SheetTree = { parts: { groups: { criteria: { code: string; options: { id: string; points: number }[] }[] }[] }[] };
type DossierJson = {
  id: string; status: string; type: string; answers: Record<string, string>; registration: Record<string, unknown>; selfReport: Record<string, unknown>;
  files: { criterionCode: string | null; originalName: string; mimeType: string }[]; submissions: unknown[];
};

const PRODUCT = 'Phấn hoa bạc hà Mèo Vạc'; // registered, no dossier yet (src/cli/seed/dossiers.ts)

browserSuite((site) => {
  /** A phone's page logged in as `email` (closed with the browser at the end). */
  const phone = (email: string) => site.pageAs(email, { phone: true });
  /** The dossier as the API has it, read with the page's own session. */
  const dossierJson = (page: Page, id: string) => page.evaluate(async (u) => (await fetch(u)).json(), `/api/v1/dossiers/${id}`) as Promise<DossierJson>;

  test('the producer opens, completes, evidences and submits a first-rating dossier on a phone', async () => {
    const page = await phone('chuthe@demo.ocop.vn');

    // ── Open the dossier from the queue: choose the product, the type follows from its status. ──
    await page.goto(`${site.url}/ho-so`);
    await page.getByRole('button', { name: 'Đăng ký đánh giá, phân hạng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đăng ký đánh giá, phân hạng sản phẩm OCOP' });
    await dialog.getByRole('combobox', { name: 'Sản phẩm' }).selectOption({ label: `${PRODUCT} (Đã đăng ký)` });
    const first = dialog.getByRole('radio', { name: 'Đánh giá lần đầu' });
    assert.equal(await first.isChecked(), true);
    assert.equal(await dialog.getByRole('radio', { name: 'Nâng hạng' }).count(), 0, 'upgrade is not offered for an uncertified product');
    assert.deepEqual(await axeViolations(page), []);
    await dialog.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;

    // ── Mẫu 01 comes prefilled from the registry. A cleared required field is refused beside it. ──
    const unitName = page.getByRole('textbox', { name: 'Tên đơn vị' });
    assert.equal(await unitName.inputValue(), 'HTX Mật ong bạc hà Mèo Vạc');
    await unitName.fill('');
    await page.getByRole('button', { name: 'Lưu Mẫu 01 và Mẫu 02' }).click();
    await page.getByText('Giá trị quá nhỏ hoặc quá ngắn (tối thiểu 1)').waitFor();
    assert.equal(await unitName.getAttribute('aria-invalid'), 'true');
    await unitName.fill('HTX Mật ong bạc hà Mèo Vạc');

    // ── Mẫu 01 and Mẫu 02, step by step. ──
    await page.getByRole('textbox', { name: 'Chức vụ' }).fill('Giám đốc');
    await nextFormStep(page, 2);
    assert.equal(await page.getByRole('textbox', { name: '2. Tên sản phẩm' }).inputValue(), PRODUCT);
    await page.getByRole('spinbutton', { name: '5. Sản phẩm mẫu (số lượng)' }).fill('5');
    await nextFormStep(page, 3);
    await page.getByRole('textbox', { name: 'Địa chỉ thường trú' }).fill('Thôn Tả Chải, xã Mèo Vạc, tỉnh Tuyên Quang');
    await nextFormStep(page, 4);
    await page.getByRole('checkbox', { name: 'a) Giấy đăng ký kinh doanh' }).check();
    await page.getByRole('checkbox', { name: 'Giấy chứng nhận cơ sở đủ điều kiện vệ sinh an toàn thực phẩm' }).check();
    await page.getByRole('textbox', { name: /^8\. Lịch sử hình thành/ }).fill('Thành lập năm 2019 từ tổ hợp tác nuôi ong của 12 hộ người Mông.');
    await nextFormStep(page, 5);
    await page.getByRole('textbox', { name: /^Kết quả thực hiện phương án/ }).fill('Doanh thu 2025: 1,2 tỷ đồng; lợi nhuận 240 triệu đồng.');
    await page.getByRole('textbox', { name: /^Định hướng, kế hoạch/ }).fill('Mở rộng vùng nuôi ong, đưa sản phẩm vào chuỗi siêu thị.');
    await page.getByRole('button', { name: 'Lưu Mẫu 01 và Mẫu 02' }).click();
    await page.getByText('Đã lưu mọi thay đổi').waitFor();
    let d = await dossierJson(page, id);
    assert.equal(d.registration.representativeTitle, 'Giám đốc');
    assert.equal(d.registration.sampleCount, 5);
    assert.match(String(d.selfReport.history), /tổ hợp tác nuôi ong/);
    assert.deepEqual(d.selfReport.checks, { ...falseChecks(), businessRegistration: true, foodSafetyCertificate: true });

    // ── Evidence for criterion 1.1: a PDF is accepted, a text file is refused with the API's words. ──
    const criterion = page.locator('.criterion[data-criterion="1.1"]');
    await criterion.getByRole('button', { name: 'Thêm minh chứng cho tiêu chí 1.1' }).click();
    const upload = criterion.locator('form.evidence-upload');
    await upload.locator('input[type="file"]').setInputFiles({ name: 'ghi-chep.txt', mimeType: 'application/pdf', buffer: Buffer.from('Sổ theo dõi đàn ong, không phải PDF') });
    await upload.getByRole('button', { name: 'Tải lên' }).click();
    await upload.getByRole('alert').filter({ hasText: 'Loại tệp không được chấp nhận' }).waitFor();
    await upload.locator('input[type="file"]').setInputFiles({ name: 'hop-dong-thu-mua.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await upload.getByRole('textbox', { name: 'Mô tả ngắn (không bắt buộc)' }).fill('Hợp đồng thu mua mật với 32 hộ');
    await upload.getByRole('button', { name: 'Tải lên' }).click();
    const link = criterion.getByRole('link', { name: 'hop-dong-thu-mua.pdf' });
    await link.waitFor();
    const fileUrl = await link.getAttribute('href');
    assert.match(fileUrl ?? '', new RegExp(`^/api/v1/dossiers/${id}/files/[0-9a-f-]{36}$`));
    const served = await page.evaluate(async (u) => { const r = await fetch(u); return { status: r.status, type: r.headers.get('content-type') }; }, fileUrl!);
    assert.deepEqual(served, { status: 200, type: 'application/pdf' });

    // ── Score the sheet (best option everywhere) and submit. ──
    const sheet = await (await fetch(`${site.url}/api/v1/score-sheets/4`)).json() as SheetTree;
    const best = sheet.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria.map((c) => ({ code: c.code, option: c.options.reduce((a, b) => (b.points > a.points ? b : a)) }))));
    for (const { option } of best) await page.locator(`[id="opt-${option.id}"]`).check();
    assert.ok(await noSidewaysScroll(page), 'no sideways scrolling at 360 px');
    assert.deepEqual(await axeViolations(page), []);
    // The picture: criterion 1.1 with its evidence and the running totals at the bottom.
    await page.evaluate('document.querySelector(\'.criterion[data-criterion="1.1"]\').scrollIntoView({ block: "center" })');
    await screenshot(page, 'dossier-entity.png');

    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await confirmStep(page);
    await page.getByRole('status').filter({ hasText: /^Đã nộp hồ sơ\. UBND xã xem xét trước ngày \d{2}\/\d{2}\/\d{4}\.$/ }).waitFor();
    await page.getByText('Đã nộp, chờ xã đánh giá').first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Nộp hồ sơ' }).count(), 0, 'nothing left to submit');
    assert.equal(await page.getByRole('button', { name: /^Thêm minh chứng/ }).count(), 0, 'no more uploads once submitted');
    d = await dossierJson(page, id);
    assert.equal(d.status, 'submitted');
    assert.equal(d.type, 'first');
    assert.equal(d.submissions.length, 1);
    assert.deepEqual(d.answers, Object.fromEntries(best.map((b) => [b.code, b.option.id])));
    assert.deepEqual(d.files.map((f) => [f.criterionCode, f.originalName, f.mimeType]), [['1.1', 'hop-dong-thu-mua.pdf', 'application/pdf']]);
    // The submitted forms read back, read-only.
    await page.getByText('Thành lập năm 2019 từ tổ hợp tác nuôi ong của 12 hộ người Mông.').waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Tên đơn vị' }).count(), 0);
    // Once submitted, the entity can leave a note on a criterion.
    await criterion.getByRole('button', { name: 'Trao đổi (0) về tiêu chí 1.1' }).click();
    await criterion.getByRole('textbox', { name: 'Ý kiến về tiêu chí 1.1' }).fill('Đàn ong nuôi tại thôn Tả Chải, có sổ theo dõi.');
    await criterion.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await criterion.locator('.criterion-note').filter({ hasText: 'Đàn ong nuôi tại thôn Tả Chải, có sổ theo dõi.' }).filter({ hasText: 'Chủ thể' }).waitFor();

    // ── The commune officer sees the evidence beside criterion 1.1, and cannot add any; it may note. ──
    const officer = await phone('xa@demo.ocop.vn');
    await officer.goto(`${site.url}/ho-so/${id}`);
    const seen = officer.locator('.criterion[data-criterion="1.1"]');
    await seen.getByRole('link', { name: 'hop-dong-thu-mua.pdf' }).waitFor();
    await seen.getByText('Hợp đồng thu mua mật với 32 hộ').waitFor();
    assert.equal(await officer.getByRole('button', { name: /^Thêm minh chứng/ }).count(), 0);
    await seen.getByRole('button', { name: 'Trao đổi (1) về tiêu chí 1.1' }).click();
    await seen.getByText('Đàn ong nuôi tại thôn Tả Chải, có sổ theo dõi.').waitFor();
    // The commune pre-assesses the dossier, so while it holds it, it may write a note too (not after forwarding).
    await seen.getByRole('textbox', { name: 'Ý kiến về tiêu chí 1.1' }).waitFor();
    await officer.getByText('Doanh thu 2025: 1,2 tỷ đồng; lợi nhuận 240 triệu đồng.').waitFor();
    assert.ok(await noSidewaysScroll(officer));
    assert.deepEqual(await axeViolations(officer), []);
  });

  test('a certified product offers upgrade or re-rating from its pages, and a re-rating shows the API\'s filing window', async () => {
    const page = await phone('chuthe@demo.ocop.vn');
    const products = await page.evaluate(async () => (await fetch('/api/v1/products?q=Mật ong bạc hà Mèo Vạc&status=certified')).json()) as { items: { id: string; name: string }[] };
    const honey = products.items.find((p) => p.name === 'Mật ong bạc hà Mèo Vạc');
    assert.ok(honey, 'the demo producer holds the certified honey');
    // The button is in the workspace (the public product page is a server-rendered document with no actions).
    await page.goto(`${site.url}/lam-viec/san-pham/${honey.id}`);
    await page.getByRole('button', { name: 'Đăng ký đánh giá, phân hạng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đăng ký đánh giá, phân hạng sản phẩm OCOP' });
    await dialog.getByText('Mật ong bạc hà Mèo Vạc').waitFor();
    assert.equal(await dialog.getByRole('radio', { name: 'Nâng hạng' }).isChecked(), true);
    await dialog.getByRole('radio', { name: 'Đánh giá lại' }).waitFor();
    assert.equal(await dialog.getByRole('radio', { name: 'Đánh giá lần đầu' }).count(), 0);
    assert.deepEqual(await axeViolations(page), []);

    // A re-rating dossier shows the certificate's filing window, and a refused submission the API's own words.
    await dialog.getByRole('radio', { name: 'Đánh giá lại' }).check();
    await dialog.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const api = await site.t.login('chuthe@demo.ocop.vn', DEMO_PASSWORD);
    const d = (await site.t.call({ url: `/api/v1/dossiers/${id}`, as: api })).json();
    assert.equal(d.type, 'rerating');
    assert.ok(d.reRating, 'the API gives the re-rating window');
    const notice = page.locator('.rerating-window');
    await notice.filter({ hasText: d.reRating.certificateNumber }).waitFor();
    assert.equal(d.reRating.stage, 'not_yet', 'the demo certificate was issued this year: its window has not opened');
    await notice.filter({ hasText: 'Chưa đến thời hạn nộp' }).waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await confirmStep(page);
    const refusal = (await site.t.call({ method: 'POST', url: `/api/v1/dossiers/${id}/submit`, body: { version: d.version }, as: api })).json();
    assert.equal(refusal.field, 'type');
    await page.locator('.step-message').getByRole('alert').filter({ hasText: refusal.message.vi }).waitFor();
    await page.getByRole('alert').filter({ hasText: refusal.message.vi }).nth(1).waitFor(); // beside "4. Lần đăng ký đánh giá"
    assert.equal((await site.t.call({ url: `/api/v1/dossiers/${id}`, as: api })).json().status, 'draft');
  });

  test('a returned dossier shows the reasons; the producer completes it, adds a document for the whole dossier and resubmits', async () => {
    const page = await phone('chuthe@demo.ocop.vn');
    const list = await page.evaluate(async () => (await fetch('/api/v1/dossiers?status=returned')).json()) as { items: { id: string; product: { name: string } }[] };
    const returned = list.items.find((x) => x.product.name === 'Mật ong bạc hà chai thủy tinh');
    assert.ok(returned, 'the demo data holds a dossier returned by the province');
    await page.goto(`${site.url}/ho-so/${returned.id}`);
    await page.getByText('Thiếu báo cáo tài chính 2 năm gần nhất').waitFor();
    await page.getByRole('button', { name: '5. Kết quả, kế hoạch' }).click(); // the last step of the forms, nothing to save on the way
    await page.getByRole('textbox', { name: /^Kết quả thực hiện phương án/ }).fill('Doanh thu 2024: 0,9 tỷ đồng; 2025: 1,2 tỷ đồng (báo cáo tài chính kèm theo).');
    await uploadPdf(page.locator('section[aria-labelledby="dossier-files-title"]'), 'bao-cao-tai-chinh-2024-2025.pdf');
    // Resubmitting from the bottom of the sheet takes the unsaved Mẫu 02 text with it.
    await page.getByRole('button', { name: 'Nộp lại hồ sơ' }).click();
    await confirmStep(page);
    await page.getByRole('status').filter({ hasText: 'Đã nộp lại hồ sơ. Tình trạng: Đã chuyển tỉnh.' }).waitFor();
    const d = await dossierJson(page, returned.id);
    assert.equal(d.status, 'forwarded');
    assert.match(String(d.selfReport.businessResults), /báo cáo tài chính kèm theo/);
    assert.deepEqual(d.files.map((f) => [f.criterionCode, f.originalName]), [[null, 'bao-cao-tai-chinh-2024-2025.pdf']]);
    assert.ok(await noSidewaysScroll(page));
  });
});

function falseChecks() {
  return Object.fromEntries(['businessRegistration', 'qualityDeclared', 'foodSafetyCertificate', 'productionConditionCertificate', 'ipRegistered', 'trademark',
    'geographicalIndication', 'patent', 'industrialDesign', 'copyright', 'ipOther'].map((k) => [k, false]));
}
