// The acceptance journey of the scoring procedure, driven through the web app with the demo accounts and the demo
// data, from an entity's registration to a printed certificate and beyond:
//   1. a first rating at the province: the producer files, the commune returns it for completion, the producer
//      completes and resubmits, the commune reports (Mẫu 03) and forwards, the office receives, the advisory team
//      reviews, the office schedules a new session and opens it with the attendance, three members score more than
//      10 points apart, the chair cannot close and asks for a re-score, the session closes, the office decides and
//      the certificate prints and verifies;
//   2. a 5★ at the central council: the Ministry receives the dossier the province sent, reviews, scores in its own
//      session and issues the 5★ certificate;
//   3. the province revokes the certificate of step 1 and the public page says so;
//   4. a re-rating at 36 months: filed inside its window, through the commune and the province, evaluated by the
//      provincial council by written opinion, decided; the new certificate replaces the old one.
// One browser, one context per account, logged in once; council members score at the same time, each in their own
// context, as they would. The API is used only to read back what is not the subject of a step, and each such read
// says so.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { answersNear, getSheet, RULES } from '../../src/modules/scoring/index.js';
import {
  askForRescore, assertServesPdf, axeViolations, browserSuite, confirmStep, daysAgo, fillRevocation, nextFormStep, noSidewaysScroll, officePanel, scoreItem, screenshot, stepDone, uploadPdf, vnToday,
} from './browser.js';

const PROVINCE_COUNCIL = 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Tuyên Quang';
const CENTRAL_COUNCIL = 'Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương';
// The demo data (src/cli/seed/dossiers.ts): a registered product with no dossier, the dossier the province sent to
// the Ministry, and a certified product whose certificate is inside its re-rating window.
const FIRST = 'Phấn hoa bạc hà Mèo Vạc';
const FIVE_STAR = 'Mật ong bạc hà quà tặng';
const RERATE = 'Mật ong hoa tam giác mạch';

type Account = 'chuthe' | 'xa' | 'tinh' | 'tuvan' | 'chutich.hoidong' | 'hoidong' | 'thanhvien.hoidong' | 'trunguong' | 'hoidong.tw1' | 'hoidong.tw2';
type DossierJson = { id: string; number: string; status: string; type: string; stars: number | null; certificateNumber: string | null; returns: { reasons: string[] }[] };
type VerifyJson = { number: string; status: string; stars: number; kind: string; authority: string; replacedBy: string | null; replaces: string | null };

browserSuite((site) => {
  const pages = new Map<string, Page>();
  let firstCertificate = '';

  after(async () => {
    for (const p of pages.values()) await p.context().close();
  });

  /** The page of a demo account (`null`: a visitor), logged in the first time it is asked for. */
  async function as(who: Account | null) {
    const key = who ?? 'visitor';
    let page = pages.get(key);
    if (!page) {
      page = await site.pageAs(who && `${who}@demo.ocop.vn`, { phone: who === null });
      pages.set(key, page);
    }
    return page;
  }
  /** Reads the dossier with the page's own session: checks what the screen said, not a step of the journey. */
  const dossierJson = (page: Page, id: string) => page.evaluate(async (u) => (await fetch(u)).json(), `/api/v1/dossiers/${id}`) as Promise<DossierJson>;
  const verifyJson = (number: string) => fetch(`${site.url}/api/v1/certificates/${encodeURIComponent(number)}/verify`).then((r) => r.json()) as Promise<VerifyJson>;
  const dossierIdOf = (page: Page) => page.url().split('/').pop()!;
  /** A 360 px picture of the page as it is now; the page goes back to its own size afterwards. */
  async function phoneShot(page: Page, name: string, scrollTo?: string) {
    const size = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 740 });
    if (scrollTo) await page.locator(scrollTo).first().evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 130));
    assert.ok(await noSidewaysScroll(page), `${name}: no sideways scrolling at 360 px`);
    await screenshot(page, name);
    if (size) await page.setViewportSize(size);
  }

  /** The producer opens a dossier of `type` for its product `product` from the dossier queue. */
  async function openDossier(page: Page, product: string, productStatus: string, type: 'Đánh giá lần đầu' | 'Đánh giá lại') {
    await page.goto(`${site.url}/ho-so`);
    await page.getByRole('button', { name: 'Đăng ký đánh giá, phân hạng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đăng ký đánh giá, phân hạng sản phẩm OCOP' });
    await dialog.getByRole('combobox', { name: 'Sản phẩm' }).selectOption({ label: `${product} (${productStatus})` });
    await dialog.getByRole('radio', { name: type }).check();
    await dialog.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    await page.getByRole('textbox', { name: 'Tên đơn vị' }).waitFor(); // Mẫu 01, prefilled from the registry
    return dossierIdOf(page);
  }
  /** The producer scores its own product on the dossier's sheet, option by option. */
  async function selfScore(page: Page, target: number) {
    for (const option of Object.values(answersNear(getSheet(4)!, target))) await page.locator(`[id="opt-${option}"]`).check();
  }
  /** The commune fills Mẫu 03 and forwards the dossier to the province. */
  async function communeForwards(id: string) {
    const xa = await as('xa');
    await xa.goto(`${site.url}/ho-so/${id}`);
    const form = xa.getByRole('form', { name: 'Báo cáo đánh giá của UBND xã (Mẫu 03)' });
    const notes = { a: 'Nguyên liệu do đàn ong của 32 hộ trong xã.', b: '18/20 lao động thường trú tại xã.', c: 'Sản phẩm truyền thống của đồng bào Mông.', d: 'Gắn với hoa bạc hà và tri thức nuôi ong nội.' };
    for (const [k, note] of Object.entries(notes)) {
      const item = form.locator(`[data-item="${k}"]`);
      await item.getByLabel('Đạt', { exact: true }).check();
      await item.getByLabel(`Nhận xét mục ${k}`).fill(note);
    }
    await form.getByLabel('Kết luận, đề nghị').fill('Đề nghị UBND tỉnh đánh giá, phân hạng sản phẩm.');
    await form.getByLabel('Người ký (T.M Ủy ban nhân dân xã)').fill('Giàng A Xã');
    await form.getByRole('button', { name: 'Lưu và chuyển hồ sơ lên tỉnh' }).click();
    await confirmStep(xa);
    await stepDone(xa, 'Đã chuyển hồ sơ lên UBND tỉnh');
  }
  /** An office (province or Ministry) receives a dossier that is complete. */
  async function officeAccepts(page: Page, id: string) {
    await page.goto(`${site.url}/ho-so/${id}`);
    await officePanel(page).getByRole('button', { name: 'Hồ sơ đầy đủ — tiếp nhận' }).click();
    await confirmStep(page);
    await stepDone(page, 'Đã tiếp nhận hồ sơ');
  }
  /** The office that runs `council` schedules a session on the councils page and lands on the session's page. */
  async function scheduleSession(page: Page, council: string, title: string, mode: 'meeting' | 'written') {
    await page.goto(`${site.url}/hoi-dong`);
    const card = page.locator('.council-card').filter({ has: page.getByRole('heading', { name: council }) });
    await card.getByRole('button', { name: 'Lên lịch phiên họp' }).click();
    await card.getByLabel('Tên phiên họp').fill(title);
    await card.getByLabel('Địa điểm').fill(mode === 'meeting' ? 'Hội trường UBND tỉnh Tuyên Quang' : '');
    await card.getByLabel('Hình thức').selectOption(mode);
    await card.locator('form').getByRole('button', { name: 'Lên lịch phiên họp' }).click();
    await page.waitForURL(/\/phien-hop\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    return page.url();
  }
  /** The office puts the dossier of `product` on the session's agenda; returns the agenda item. */
  async function addToAgenda(page: Page, product: string) {
    const select = page.getByLabel('Hồ sơ đã sẵn sàng');
    await select.waitFor();
    const options = await select.locator('option').allTextContents();
    const option = options.find((o) => o.startsWith(`${product} ·`));
    assert.ok(option, `${product} is offered for the agenda: ${options.join(' | ')}`);
    await select.selectOption({ label: option });
    await page.getByRole('button', { name: 'Thêm vào phiên' }).click();
    const item = page.locator('.session-item').filter({ hasText: product });
    await item.waitFor();
    return item;
  }
  /** The address of an agenda item's page, from its link named `link` in the session's agenda. */
  const itemUrlOf = async (item: Locator, link: string | RegExp) => `${site.url}${await item.getByRole('link', { name: link }).getAttribute('href')}`;
  /** The scoring members score the item at the same time, each in their own context, as they would. */
  const membersScore = (itemUrl: string, scores: [Account, number][]) => Promise.all(scores.map(async ([who, target]) => scoreItem(await as(who), itemUrl, target)));
  /** The session is opened with every member of the council present (the quorum shown live is then met). */
  async function openWithEveryone(page: Page) {
    const openForm = page.locator('.open-form');
    await openForm.getByRole('checkbox').first().waitFor();
    for (const box of await openForm.getByRole('checkbox').all()) await box.check();
    await openForm.locator('.quorum-live').filter({ hasText: 'Đủ điều kiện họp' }).waitFor();
    await openForm.getByRole('button', { name: 'Mở phiên họp' }).click();
    await page.locator('.session-status').filter({ hasText: 'Đang họp' }).waitFor();
  }
  /** The office (or chair) closes the session: the closed badge, and the item's result line. */
  async function closeSession(page: Page, sessionUrl: string, note: string) {
    await page.goto(sessionUrl);
    await page.getByLabel('Ghi chú biên bản').fill(note);
    await page.getByRole('button', { name: 'Kết thúc phiên' }).click();
    await confirmStep(page);
    await page.locator('.session-status').filter({ hasText: 'Đã kết thúc' }).waitFor();
  }
  /** The competent office decides on the council's result; returns the certificate number the dossier page shows. */
  async function decide(page: Page, id: string, planned: string, decisionNumber: string) {
    await page.goto(`${site.url}/ho-so/${id}`);
    const form = page.getByRole('form', { name: 'Quyết định trên kết quả của Hội đồng' });
    await form.getByTestId('planned-decision').filter({ hasText: planned }).waitFor();
    await form.getByLabel('Số quyết định').fill(decisionNumber);
    assert.equal(await form.getByLabel('Ngày quyết định').inputValue(), vnToday());
    await form.getByRole('button', { name: 'Ban hành quyết định' }).click();
    await confirmStep(page);
    await stepDone(page, 'Đã ban hành quyết định và cấp giấy chứng nhận');
    const number = (await page.getByTestId('dossier-certificate').getByTestId('certificate-number').textContent())?.trim() ?? '';
    assert.match(number, /^OCOP-\d{2}-\d{4}-\d{5}$/);
    return number;
  }
  /** The certificate card's "In giấy chứng nhận" answers with a PDF. */
  async function printsPdf(page: Page, number: string) {
    const print = page.getByTestId('dossier-certificate').getByRole('link', { name: 'In giấy chứng nhận' });
    const href = await print.getAttribute('href');
    assert.equal(href, `/api/v1/certificates/${encodeURIComponent(number)}/pdf`);
    await assertServesPdf(page, site.url, href);
  }
  /** The public verification page of `number` shows `status` (in words) and, when given, the stars. */
  async function verifyShows(page: Page, number: string, status: string, stars?: number) {
    await page.goto(`${site.url}/xac-minh/${encodeURIComponent(number)}`);
    await page.getByRole('status').filter({ hasText: status }).waitFor();
    await page.getByText(number).first().waitFor();
    if (stars) await page.getByRole('img', { name: `${stars} sao OCOP` }).first().waitFor();
  }

  test('1. a first rating at the province: returned for completion, a spread over 10 re-scored, a printed certificate', async () => {
    // ── The producer opens a first-rating dossier, fills Mẫu 01/02, scores itself, adds evidence and submits. ──
    const producer = await as('chuthe');
    const id = await openDossier(producer, FIRST, 'Đã đăng ký', 'Đánh giá lần đầu');
    await producer.getByRole('textbox', { name: 'Chức vụ' }).fill('Giám đốc');
    await nextFormStep(producer, 2);
    assert.equal(await producer.getByRole('textbox', { name: '2. Tên sản phẩm' }).inputValue(), FIRST);
    await producer.getByRole('spinbutton', { name: '5. Sản phẩm mẫu (số lượng)' }).fill('5');
    await nextFormStep(producer, 3);
    await producer.getByRole('textbox', { name: 'Địa chỉ thường trú' }).fill('Thôn Tả Chải, xã Mèo Vạc, tỉnh Tuyên Quang');
    await nextFormStep(producer, 4);
    await producer.getByRole('checkbox', { name: 'a) Giấy đăng ký kinh doanh' }).check();
    await producer.getByRole('textbox', { name: /^8\. Lịch sử hình thành/ }).fill('Thành lập năm 2019 từ tổ hợp tác nuôi ong của 12 hộ người Mông.');
    await nextFormStep(producer, 5);
    await producer.getByRole('textbox', { name: /^Định hướng, kế hoạch/ }).fill('Đưa phấn hoa vào chuỗi cửa hàng đặc sản của tỉnh.');
    await producer.getByRole('button', { name: 'Lưu Mẫu 01 và Mẫu 02' }).click();
    await producer.getByText('Đã lưu mọi thay đổi').waitFor();
    await selfScore(producer, 80);
    const criterion = producer.locator('.criterion[data-criterion="1.1"]');
    await criterion.getByRole('button', { name: 'Thêm minh chứng cho tiêu chí 1.1' }).click();
    await uploadPdf(criterion.locator('form.evidence-upload'), 'so-theo-doi-dan-ong.pdf', criterion);
    await producer.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await confirmStep(producer);
    await producer.getByRole('status').filter({ hasText: /^Đã nộp hồ sơ\. UBND xã xem xét trước ngày/ }).waitFor();

    // ── The commune returns it for completion, with a reason. ──
    const RETURN_REASON = 'Thiếu giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm';
    const xa = await as('xa');
    await xa.goto(`${site.url}/ho-so/${id}`);
    await officePanel(xa).getByRole('button', { name: 'Trả lại để hoàn thiện hồ sơ' }).click();
    await xa.getByRole('textbox', { name: 'Lý do 1' }).fill(RETURN_REASON);
    await xa.getByRole('button', { name: 'Trả lại hồ sơ' }).click();
    await confirmStep(xa);
    await stepDone(xa, 'Đã trả lại hồ sơ');

    // ── The producer reads the reason, completes the dossier and resubmits. ──
    await producer.reload();
    await producer.getByRole('alert').filter({ hasText: 'Các lần trả lại để bổ sung' }).getByText(RETURN_REASON).waitFor();
    await phoneShot(producer, 'journey-returned.png', '[role="alert"]');
    await producer.getByRole('button', { name: '4. Năng lực' }).click(); // the step of the forms holding the checks
    await producer.getByRole('checkbox', { name: 'Giấy chứng nhận cơ sở đủ điều kiện vệ sinh an toàn thực phẩm' }).check();
    await uploadPdf(producer.locator('section[aria-labelledby="dossier-files-title"]'), 'giay-chung-nhan-attp.pdf');
    await producer.getByRole('button', { name: 'Nộp lại hồ sơ' }).click();
    await confirmStep(producer);
    await producer.getByRole('status').filter({ hasText: 'Đã nộp lại hồ sơ. Tình trạng: Đã nộp, chờ xã đánh giá.' }).waitFor();

    // ── The commune reports (Mẫu 03) and forwards; the office receives; the advisory team reviews. ──
    await communeForwards(id);
    const office = await as('tinh');
    await officeAccepts(office, id);
    const tuvan = await as('tuvan');
    await tuvan.goto(`${site.url}/ho-so/${id}`);
    const advisory = tuvan.getByRole('form', { name: 'Báo cáo của Tổ tư vấn' });
    await advisory.getByLabel('Ngày khảo sát').fill(daysAgo(1));
    await advisory.getByLabel('Kết quả khảo sát').fill('Phòng sấy lạnh phấn hoa sạch sẽ; sổ theo dõi đàn ong ghi đủ.');
    await advisory.getByLabel('Báo cáo đánh giá gửi Chủ tịch Hội đồng').fill('Tổ tư vấn đề nghị Hội đồng chấm điểm.');
    await advisory.getByRole('button', { name: 'Lưu báo cáo tư vấn' }).click();
    await stepDone(tuvan, 'Đã lưu báo cáo của Tổ tư vấn');

    // ── The office schedules a new session, puts the dossier on its agenda and opens it with the attendance. ──
    const sessionUrl = await scheduleSession(office, PROVINCE_COUNCIL, 'Phiên họp đánh giá, phân hạng đợt 4', 'meeting');
    const item = await addToAgenda(office, FIRST);
    await openWithEveryone(office);
    await item.getByText('0/3 thành viên đã nộp phiếu').waitFor();
    const itemUrl = await itemUrlOf(item, 'Xem điểm');
    assert.equal((await dossierJson(office, id)).status, 'council_scoring');

    // ── The three scoring members score on their own: 80, 60 and 78 points. ──
    await membersScore(itemUrl, [['chutich.hoidong', 80], ['hoidong', 60], ['thanhvien.hoidong', 78]]);
    const chair = await as('chutich.hoidong');
    const member = await as('hoidong');

    // ── The chair sees the spread warning, cannot close, and asks the outlying member to score again. ──
    await chair.goto(itemUrl);
    await chair.locator('.spread-warning').filter({ hasText: 'Điểm chênh lệch quá mức' }).waitFor();
    await phoneShot(chair, 'journey-spread.png', '.spread-warning');
    await chair.goto(sessionUrl);
    await chair.getByRole('button', { name: 'Kết thúc phiên' }).click();
    await confirmStep(chair);
    await chair.locator('.close-refusal').filter({ hasText: `${FIRST}: điểm chênh lệch 20 điểm (tối đa 10)` }).waitFor();
    await chair.locator('.session-status').filter({ hasText: 'Đang họp' }).waitFor();
    await chair.goto(itemUrl);
    const rescore = chair.locator('.rescore-form');
    // Everyone is asked by default; the chair keeps only the member at 60 points (hoidong@, Phạm Văn Hội).
    await rescore.getByRole('checkbox', { name: /^Trần Quốc Chủ/ }).uncheck();
    await rescore.getByRole('checkbox', { name: /^Vũ Thị Thành/ }).uncheck();
    assert.equal(await rescore.getByRole('checkbox', { name: /^Phạm Văn Hội .*\(60\)$/, checked: true }).count(), 1);
    assert.equal(await rescore.getByRole('checkbox', { checked: true }).count(), 1);
    await askForRescore(chair, member, itemUrl, 'Thảo luận lại tiêu chí 4.1 về thị trường tiêu thụ');

    // ── The member, told so, re-scores within the limit; the session closes with a 4★ result. ──
    await scoreItem(member, itemUrl, 76);
    await closeSession(chair, sessionUrl, 'Hội đồng thống nhất kết quả sau khi chấm lại.');
    await chair.locator('.session-item').filter({ hasText: FIRST }).locator('.item-result').filter({ hasText: /Kết quả: [\d,]+ điểm · 4 sao OCOP/ }).waitFor();
    assert.equal((await dossierJson(office, id)).status, 'scored');

    // ── The office decides: the certificate number appears, prints as a PDF and verifies as valid, 4★. ──
    firstCertificate = await decide(office, id, 'Công nhận và cấp giấy chứng nhận sản phẩm OCOP 4 sao', '1201/QĐ-UBND');
    assert.match(firstCertificate, /^OCOP-08-/);
    await printsPdf(office, firstCertificate);
    await office.getByTestId('dossier-certificate').getByRole('link', { name: 'Trang xác minh công khai' }).click();
    await office.waitForURL(`${site.url}/xac-minh/${firstCertificate}`);
    const visitor = await as(null);
    await verifyShows(visitor, firstCertificate, 'Còn hiệu lực', 4);
    await visitor.getByText(FIRST).first().waitFor();
    assert.deepEqual(await axeViolations(visitor), []);
    await screenshot(visitor, 'journey-certificate.png');
    const d = await dossierJson(producer, id);
    assert.deepEqual([d.status, d.stars, d.certificateNumber, d.returns.length], ['certified', 4, firstCertificate, 1]);
  });

  test('2. a 5★ at the central council: the Ministry receives, reviews, scores and issues the certificate', async () => {
    const ministry = await as('trunguong');
    // The Ministry finds the dossier the province sent in its queue.
    await ministry.goto(`${site.url}/ho-so?status=sent_to_central`);
    await ministry.locator('.dossier-row').filter({ hasText: FIVE_STAR }).getByRole('link').click();
    await ministry.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    const id = dossierIdOf(ministry);
    await ministry.locator('[data-report="report-province-result"]').waitFor(); // the provincial council's ≥ 90 points

    await officeAccepts(ministry, id);
    // The Ministry's office records the central advisory review itself (its panel opens on scheduling first).
    await officePanel(ministry).getByRole('button', { name: 'Báo cáo của Tổ tư vấn Hội đồng cấp trung ương' }).click();
    const review = ministry.getByRole('form', { name: 'Báo cáo của Tổ tư vấn Hội đồng cấp trung ương' });
    await review.getByLabel('Báo cáo đánh giá gửi Chủ tịch Hội đồng').fill('Tổ tư vấn cấp trung ương đề nghị Hội đồng chấm điểm 5 sao.');
    await review.getByRole('button', { name: 'Lưu báo cáo tư vấn' }).click();
    await stepDone(ministry, 'Đã lưu báo cáo của Tổ tư vấn');

    const sessionUrl = await scheduleSession(ministry, CENTRAL_COUNCIL, 'Phiên họp Hội đồng cấp trung ương đợt 2', 'meeting');
    const item = await addToAgenda(ministry, FIVE_STAR);
    await openWithEveryone(ministry);
    const itemUrl = await itemUrlOf(item, /^(Xem điểm|Chấm điểm)/);
    // The Ministry's officer chairs the central council and scores too, with its two members.
    await membersScore(itemUrl, [['trunguong', 94], ['hoidong.tw1', 92], ['hoidong.tw2', 95]]);
    await closeSession(ministry, sessionUrl, 'Hội đồng cấp trung ương đề nghị công nhận sản phẩm OCOP 5 sao.');
    await ministry.locator('.item-result').filter({ hasText: /5 sao OCOP/ }).waitFor();

    const number = await decide(ministry, id, 'Công nhận và cấp giấy chứng nhận sản phẩm OCOP 5 sao', '2188/QĐ-BNNMT');
    await printsPdf(ministry, number);
    const visitor = await as(null);
    await verifyShows(visitor, number, 'Còn hiệu lực', 5);
    await visitor.getByText(RULES.authorities.central.name).first().waitFor();
    const v = await verifyJson(number);
    assert.deepEqual([v.stars, v.authority], [5, RULES.authorities.central.name], 'issued by the Ministry');
  });

  test('3. the province revokes the certificate of step 1 on a ground of Điều 8; the public page shows it revoked', async () => {
    assert.ok(firstCertificate, 'issued in step 1');
    const office = await as('tinh');
    // The office revokes from the certificate's page in the workspace (the verification page is public, read-only).
    await office.goto(`${site.url}/lam-viec/giay-chung-nhan/${encodeURIComponent(firstCertificate)}`);
    await office.getByRole('status').filter({ hasText: 'Còn hiệu lực' }).waitFor();
    const form = await fillRevocation(office, daysAgo(2), '1305/QĐ-UBND', 'Kết luận kiểm tra về ghi nhãn hàng hóa.');
    await form.getByRole('button', { name: 'Thu hồi giấy chứng nhận' }).click();
    await confirmStep(office);
    await office.getByRole('status').filter({ hasText: 'Đã bị thu hồi' }).waitFor();

    const visitor = await as(null);
    await verifyShows(visitor, firstCertificate, 'Đã bị thu hồi'); // the page seen in step 1: asked again, not cached
    assert.match((await fetch(`${site.url}/api/v1/certificates/${encodeURIComponent(firstCertificate)}/verify`)).headers.get('cache-control') ?? '', /max-age=0\b/);
    await visitor.getByText('1305/QĐ-UBND', { exact: false }).waitFor();
    assert.equal((await verifyJson(firstCertificate)).status, 'revoked');
  });

  test('4. a re-rating inside its window, evaluated by written opinion: the new certificate replaces the old one', async () => {
    const producer = await as('chuthe');
    // The demo certificate of the product to re-rate (read through the public register: not the subject here).
    const register = await (await fetch(`${site.url}/api/v1/certificates?status=valid&q=${encodeURIComponent(RERATE)}`)).json() as { items: { number: string; product: { name: string } }[] };
    const old = register.items.find((c) => c.product.name === RERATE)?.number;
    assert.ok(old, `the demo holds a valid certificate for ${RERATE}`);

    // ── The producer files the re-rating: the window is open. ──
    const id = await openDossier(producer, RERATE, 'Đã công nhận', 'Đánh giá lại');
    await producer.locator('.rerating-window').filter({ hasText: old }).filter({ hasText: 'Đang trong thời hạn nộp hồ sơ' }).waitFor();
    await producer.getByRole('button', { name: '5. Kết quả, kế hoạch' }).click();
    await producer.getByRole('textbox', { name: 'Những thay đổi so với sản phẩm OCOP đã được công nhận' })
      .fill('Mở rộng vùng nuôi ong thêm 200 đàn; phiếu kiểm nghiệm định kỳ năm 2026 kèm theo.');
    await producer.getByRole('button', { name: 'Lưu Mẫu 01 và Mẫu 02' }).click();
    await producer.getByText('Đã lưu mọi thay đổi').waitFor();
    await selfScore(producer, 84);
    await producer.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await confirmStep(producer);
    await producer.getByRole('status').filter({ hasText: /^Đã nộp hồ sơ\./ }).waitFor();
    assert.equal((await dossierJson(producer, id)).type, 'rerating');

    // ── Through the commune and the province. ──
    await communeForwards(id);
    const office = await as('tinh');
    await officeAccepts(office, id);

    // ── The provincial council evaluates it by written opinion: no attendance, every scoring member asked. ──
    const sessionUrl = await scheduleSession(office, PROVINCE_COUNCIL, 'Lấy ý kiến đánh giá lại đợt 2', 'written');
    const item = await addToAgenda(office, RERATE);
    await office.getByRole('button', { name: 'Bắt đầu lấy ý kiến' }).waitFor();
    assert.equal(await office.locator('.open-form').getByRole('checkbox').count(), 0, 'no attendance: nobody meets');
    await office.getByRole('button', { name: 'Bắt đầu lấy ý kiến' }).click();
    await item.getByText('0/3 thành viên đã nộp phiếu · cần tối thiểu 3').waitFor();
    await membersScore(await itemUrlOf(item, 'Xem điểm'), [['chutich.hoidong', 84], ['hoidong', 82], ['thanhvien.hoidong', 86]]);
    await closeSession(office, sessionUrl, 'Hội đồng lấy ý kiến bằng văn bản, thống nhất kết quả đánh giá lại.');
    await item.locator('.item-result').filter({ hasText: /4 sao OCOP/ }).waitFor();

    // ── The office decides: a new certificate replaces the old one. ──
    const renewed = await decide(office, id, 'Công nhận và cấp giấy chứng nhận sản phẩm OCOP 4 sao', '1320/QĐ-UBND');
    assert.notEqual(renewed, old);
    const visitor = await as(null);
    await verifyShows(visitor, old, 'Đã được thay thế', 4);
    await screenshot(visitor, 'journey-replaced.png');
    await visitor.getByRole('link', { name: renewed }).click();
    await visitor.waitForURL(`${site.url}/xac-minh/${renewed}`);
    await visitor.getByRole('status').filter({ hasText: 'Còn hiệu lực' }).waitFor();
    await visitor.getByRole('link', { name: old }).waitFor(); // "Thay thế giấy chứng nhận"
    const [was, now] = await Promise.all([verifyJson(old), verifyJson(renewed)]);
    assert.deepEqual([was.status, was.replacedBy], ['replaced', renewed]);
    assert.deepEqual([now.status, now.kind, now.replaces], ['valid', 're_rating', old]);
  });
});
