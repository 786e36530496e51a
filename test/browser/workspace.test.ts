// The workspaces in a real browser: an entity member edits a product (with a field error first), and a province
// officer imports a workbook: the preview shows the bad row and writes nothing; fixed, it commits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { axeViolations, browserSuite, screenshot } from './browser.js';

type EntityRow = { reg: string; name: string; type: string; address: string; commune: string; rep: string; sex: string; ethnicity: string; workers: number };
type ProductRow = { reg: string; name: string; set: number; description: string };

const ENTITIES: EntityRow[] = [
  { reg: 'TQ-IMP-0001', name: 'HTX Chè Shan tuyết Lũng Cú', type: 'Hợp tác xã', address: 'Thôn Lô Lô Chải', commune: '00721', rep: 'Lò Văn Pủa', sex: 'Nam', ethnicity: 'Lô Lô', workers: 24 },
  { reg: 'TQ-IMP-0002', name: 'Tổ hợp tác Tam giác mạch Sủng Là', type: 'Tổ hợp tác', address: 'Thôn Lao Xa', commune: '99999', rep: 'Vàng Thị Mai', sex: 'Nữ', ethnicity: 'Mông', workers: 12 },
  { reg: 'TQ-IMP-0003', name: 'Hộ kinh doanh Thịt bò khô Mèo Vạc', type: 'Hộ kinh doanh', address: 'Tổ 3, thị trấn cũ', commune: '00769', rep: 'Nguyễn Văn Hùng', sex: 'Nam', ethnicity: 'Kinh', workers: 6 },
];
const PRODUCTS: ProductRow[] = [
  { reg: 'TQ-IMP-0001', name: 'Chè Shan tuyết cổ thụ Lũng Cú', set: 9, description: 'Chè búp từ cây cổ thụ trên 100 năm tuổi.' },
  { reg: 'TQ-IMP-0002', name: 'Bánh tam giác mạch Sủng Là', set: 2, description: 'Bánh làm từ bột hạt tam giác mạch.' },
  { reg: 'TQ-IMP-0003', name: 'Thịt bò khô gác bếp Mèo Vạc', set: 1, description: 'Thịt bò vàng vùng cao, hun khói bếp củi.' },
];

async function workbook(entities: EntityRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const es = wb.addWorksheet('Chủ thể');
  es.addRow(['Số ĐKKD', 'Tên chủ thể', 'Loại hình', 'Địa chỉ', 'Mã xã', 'Người đại diện', 'Giới tính', 'Dân tộc', 'Số lao động']);
  for (const e of entities) es.addRow([e.reg, e.name, e.type, e.address, e.commune, e.rep, e.sex, e.ethnicity, e.workers]);
  const ps = wb.addWorksheet('Sản phẩm');
  ps.addRow(['Số ĐKKD chủ thể', 'Tên sản phẩm', 'Bộ sản phẩm', 'Mô tả', 'Trạng thái']);
  for (const p of PRODUCTS) ps.addRow([p.reg, p.name, p.set, p.description, 'Đã đăng ký']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

browserSuite((site) => {
  /** The workspace's section links (a navigation landmark, not tabs: each section is a page of its own). */
  const section = (page: Page, name: string) => page.getByRole('navigation', { name: 'Không gian làm việc' }).getByRole('link', { name, exact: true });

  test('an entity member lands on their producer, sees a field error beside the field, then edits a product', async () => {
    const page = await site.pageAs('chuthe@demo.ocop.vn');
    await page.getByRole('heading', { level: 1, name: 'HTX Mật ong bạc hà Mèo Vạc' }).waitFor();
    // The section links: the page shown is marked current, and the workspace passes axe (no tab without its panel).
    assert.equal(await section(page, 'Hồ sơ chủ thể').getAttribute('aria-current'), 'page');
    assert.deepEqual(await axeViolations(page), []);
    await section(page, 'Sản phẩm của tôi').click();
    await page.waitForURL(/\/lam-viec\/san-pham$/);
    // The URL changes before React re-renders: wait for the mark to move, then check it left the other link.
    await page.locator('nav a[aria-current="page"]', { hasText: 'Sản phẩm của tôi' }).waitFor();
    assert.equal(await section(page, 'Hồ sơ chủ thể').getAttribute('aria-current'), null);
    await page.getByRole('link', { name: 'Sửa: Mật ong bạc hà Mèo Vạc' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mật ong bạc hà Mèo Vạc' }).waitFor();
    const id = page.url().split('/').pop()!;

    // Too long a name: the server's message appears beside the name field, in Vietnamese, and nothing is saved.
    const name = page.locator('input[name="name"]');
    // Reduced motion, which every test page asks for (STILL), takes the fields' transition away; without, it stays.
    const transition = () => name.evaluate((el) => getComputedStyle(el).transitionDuration);
    assert.equal(await transition(), '0s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    assert.equal(await transition(), '0.1s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await name.fill('M'.repeat(301));
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Giá trị quá lớn hoặc quá dài (tối đa 300)').waitFor();
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    assert.equal((await site.t.call({ url: `/api/v1/products/${id}` })).json().name, 'Mật ong bạc hà Mèo Vạc');

    await name.fill('Mật ong bạc hà Mèo Vạc');
    await page.locator('textarea[name="description"]').fill('Mật ong bạc hà thu hoạch vụ thu 2026, đóng chai thuỷ tinh 500 ml.');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu').first().waitFor();
    const saved = (await site.t.call({ url: `/api/v1/products/${id}` })).json();
    assert.equal(saved.description, 'Mật ong bạc hà thu hoạch vụ thu 2026, đóng chai thuỷ tinh 500 ml.');

    await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
    await page.getByText('Sửa sản phẩm').first().waitFor();
    await page.getByRole('cell', { name: 'description' }).waitFor();

    // English on demand: its strings load when asked for, the choice holds on the next visit, and Vietnamese returns.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Workspace' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.reload();
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'My products' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await section(page, 'Sản phẩm của tôi').waitFor();
    await page.context().close();
  });

  test('an officer imports a workbook: the bad row is shown and nothing is written; fixed, it commits', async () => {
    const page = await site.pageAs('tinh@demo.ocop.vn');
    await section(page, 'Nhập / xuất Excel').click();
    await page.getByRole('heading', { level: 1, name: 'Nhập và xuất danh sách bằng Excel' }).waitFor();

    await page.locator('input[type="file"]').setInputFiles({ name: 'danh-sach-ocop-tuyen-quang.xlsx', mimeType: XLSX, buffer: await workbook(ENTITIES) });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const badRow = page.locator('tr.import-error-row', { hasText: 'Mã xã' });
    await badRow.first().waitFor({ timeout: 20_000 });
    assert.match(await badRow.first().innerText(), /3/); // spreadsheet row 3 (header is row 1)
    assert.equal(await page.getByRole('button', { name: 'Xác nhận nhập' }).isDisabled(), true);
    // The rows come a page at a time; the filter asks the server for all of them (errors were shown first).
    await page.locator('label', { hasText: /^Tất cả \(/ }).click(); // the segment's label (its radio is visually hidden)
    await page.locator('tr[data-row]:not(.import-error-row)').first().waitFor();
    await page.getByRole('heading', { name: '3. Kiểm tra và xác nhận' }).evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 90));
    await page.waitForTimeout(200);
    await screenshot(page, 'import-preview.png');
    const none = (await site.t.call({ url: '/api/v1/entities?q=Che%20Shan%20tuyet%20Lung%20Cu' })).json();
    assert.equal(none.total, 0, 'the preview wrote nothing');

    const fixed = ENTITIES.map((e) => (e.commune === '99999' ? { ...e, commune: '00721' } : e));
    await page.locator('input[type="file"]').setInputFiles({ name: 'danh-sach-ocop-tuyen-quang.xlsx', mimeType: XLSX, buffer: await workbook(fixed) });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByText('Không có lỗi.').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Xác nhận nhập' }).click();
    await page.getByText(/Đã nhập: \d+ tạo mới/).first().waitFor({ timeout: 20_000 });
    const written = (await site.t.call({ url: '/api/v1/entities?q=Che%20Shan%20tuyet%20Lung%20Cu' })).json();
    assert.equal(written.total, 1);
    const products = (await site.t.call({ url: `/api/v1/products?entity=${written.items[0].id}` })).json();
    assert.deepEqual(products.items.map((p: { name: string }) => p.name), ['Chè Shan tuyết cổ thụ Lũng Cú']);
    await page.context().close();
  });

  test('each demo account lands on its own to-do list, its scope named, never coded', async () => {
    // [account, the scope the header names, an item its list must hold]
    const cases: [string, string, string][] = [
      ['xa', 'Xã Mèo Vạc, Tỉnh Tuyên Quang', 'Mật ong hoa cải Mèo Vạc'], // Mẫu 03 due in 15 working days
      ['tinh', 'Tỉnh Tuyên Quang', 'Mật ong bạc hà hồ sơ chuyển tiếp'], // to accept, overdue (Điều 12.2)
      ['hoidong', 'Tỉnh Tuyên Quang', 'Phiên họp đánh giá, phân hạng đợt 2'],
      ['tuvan', 'Tỉnh Tuyên Quang', 'Mật ong bạc hà mùa xuân'],
      ['thanhtra', 'Tỉnh Tuyên Quang', 'Mật ong bạc hà nguyên chất'], // certified by the demo session: to check
      ['chuthe', 'Xã Mèo Vạc, Tỉnh Tuyên Quang', 'Mật ong bạc hà chai thủy tinh'], // returned by the province
      ['trunguong', 'Toàn quốc', 'Mật ong bạc hà quà tặng'],
    ];
    for (const [who, scope, item] of cases) {
      const page = await site.pageAs(`${who}@demo.ocop.vn`);
      const todo = page.getByRole('list', { name: 'Việc cần làm' });
      await todo.getByRole('link', { name: item }).waitFor();
      await page.getByText(`Phạm vi: ${scope}`).waitFor();
      assert.equal(await page.getByText('phiên bản sau').count(), 0, `${who}: no placeholder home`);
      if (who === 'tinh') {
        const first = todo.getByRole('listitem').first();
        assert.match(await first.innerText(), /Mật ong bạc hà hồ sơ chuyển tiếp[\s\S]*Quá hạn/, 'the overdue dossier first, said in words');
        assert.deepEqual(await axeViolations(page), []);
        await screenshot(page, 'workspace-todo.png');
      }
      if (who === 'xa') {
        await todo.getByRole('link', { name: item }).click();
        await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
      }
      await page.context().close();
    }
  });

  test('a commune officer sees the pending registrations to decide, and the export buttons carry the filters', async () => {
    const page = await site.pageAs('xa@demo.ocop.vn');
    await page.getByRole('heading', { level: 1, name: 'Không gian làm việc' }).waitFor();
    await section(page, 'Chủ thể').click();
    await page.getByRole('textbox', { name: 'Trạng thái' }).click();
    await page.getByRole('option', { name: 'Đã duyệt' }).click();
    await page.waitForURL(/status=approved/);
    const csv = page.getByRole('link', { name: 'Xuất CSV' });
    await page.locator('a[href*="status=approved"]', { hasText: 'Xuất CSV' }).waitFor();
    assert.match(await csv.getAttribute('href') ?? '', /^\/api\/v1\/entities\/export\?.*status=approved.*format=csv/);
    // The commune is picked by name, typed without diacritics; nobody types a code. The search filters too.
    await page.getByRole('textbox', { name: 'Xã, phường' }).fill('meo vac');
    await page.getByRole('option', { name: 'Xã Mèo Vạc, Tỉnh Tuyên Quang' }).click();
    await page.waitForURL(/commune=00769/);
    await page.locator('a[href*="commune=00769"]', { hasText: 'Xuất CSV' }).waitFor();
    await page.getByRole('searchbox', { name: 'Tìm theo tên' }).fill('mat ong');
    await page.waitForURL(/q=mat\+ong/);
    await page.getByRole('link', { name: 'HTX Mật ong bạc hà Mèo Vạc' }).waitFor();
    assert.match(page.url(), /status=approved/, 'the other filters are kept');
    await page.context().close();
  });
});
