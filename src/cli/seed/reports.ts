// Demo consumer reports in Tuyên Quang (province 08), so the triage queue (/lam-viec/phan-anh) has one of every
// status: two just received (one from the trace page), a duplicate merged into the first, one being triaged and past
// its service level, one under investigation, one typed in from a phone call and closed. They go through the
// module's own commands (audited as officers would leave them), dated back so the service-level clock shows.
import { sql } from 'drizzle-orm';
import { PUBLIC, type Actor, type UserActor } from '../../app/actor.js';
import { query, type Queryable } from '../../app/db.js';
import { closeReport, fileReport, mergeReport, triageReport, type NewReport } from '../../modules/supervision/index.js';

const DAY = 86_400_000;

/** Call inside seedDemo's transaction, after the certificates. Returns how many reports it wrote. */
export async function seedDemoReports(tx: Queryable, now = new Date()): Promise<{ reports: number }> {
  const products = await query<{ id: string; name: string }>(tx, sql`
    SELECT p.id, p.name FROM product p JOIN entity e ON e.id = p.entity_id
    WHERE p.province_code = '08' AND p.status IN ('certified', 'registered') AND e.status = 'approved'
    ORDER BY (p.name = 'Mật ong bạc hà Mèo Vạc') DESC, (p.status = 'certified') DESC, p.code LIMIT 4`);
  if (products.length === 0) return { reports: 0 };
  const users = await query<{ id: string; role: UserActor['role']; province_code: string | null; commune_code: string | null }>(tx, sql`
    SELECT id, role, province_code, commune_code FROM app_user WHERE email IN ('tinh@demo.ocop.vn', 'thanhtra@demo.ocop.vn') ORDER BY role DESC`);
  const actor = (role: string): Actor => {
    const u = users.find((x) => x.role === role);
    return u ? { kind: 'user', id: u.id, role: u.role, provinceCode: u.province_code, communeCode: u.commune_code, entityId: null, via: 'session' } : PUBLIC;
  };
  const province = actor('province');
  const inspector = actor('inspector');
  const at = (daysAgo: number, hour = 9) => new Date(now.getTime() - daysAgo * DAY - (now.getUTCHours() - hour) * 3_600_000);
  const ctx = (who: Actor, when: Date) => ({ actor: who, tx, log: console as never, now: when });
  const p = (i: number) => products[i % products.length];
  const file = (who: Actor, when: Date, r: Omit<NewReport, 'productId'> & { product: number }) =>
    fileReport(ctx(who, when), undefined, { ...r, productId: p(r.product).id });

  const fake = await file(PUBLIC, at(3), { product: 0, category: 'counterfeit_label', source: 'public', contact: '0912 468 135',
    message: `Mua hũ "${p(0).name}" ở chợ Hà Giang, tem OCOP in mờ, không có mã truy xuất, giá rẻ hơn hẳn nơi khác. Nghi hàng giả.` });
  const dup = await file(PUBLIC, at(2, 14), { product: 0, category: 'counterfeit_label', source: 'public',
    message: 'Thấy bán sản phẩm mang logo OCOP 4 sao nhưng nhãn khác với ảnh trên trang này, chữ sai chính tả.' });
  await mergeReport(ctx(province, at(1)), dup.reference, { version: 1, into: fake.reference });
  await file(PUBLIC, at(1, 16), { product: 1, category: 'other', source: 'trace', lot: null,
    message: 'Quét mã QR trên bao bì nhưng thông tin lô không khớp với ngày in trên gói.' });
  const late = await file(PUBLIC, at(16), { product: 1, category: 'quality', source: 'public', contact: 'nguyenlan.tq@gmail.com',
    message: `"${p(1).name}" mua tại siêu thị bị ẩm, vón cục dù còn hạn sử dụng 8 tháng.` });
  await triageReport(ctx(province, at(14)), late.reference, { version: 1, assignedTo: inspector.kind === 'user' ? inspector.id : null });
  const probe = await file(PUBLIC, at(9), { product: 2, category: 'food_safety', source: 'public', contact: '0987 202 026',
    message: `Cả nhà bị đau bụng sau khi dùng "${p(2).name}", lô in trên bao bì L2026-03.`, lot: 'L2026-03' });
  await triageReport(ctx(inspector, at(8)), probe.reference, { version: 1, assignedTo: inspector.kind === 'user' ? inspector.id : null, investigate: true });
  if (province.kind === 'user') {
    const call = await file(province, at(30), { product: 3, category: 'misleading_claims', source: 'officer', channel: 'phone', contact: '0207 3822 xxx',
      message: `Người dân gọi đường dây nóng: cửa hàng quảng cáo "${p(3).name}" chữa được bệnh tiểu đường.` });
    await closeReport(ctx(province, at(22)), call.reference, { version: 1, resolution: 'Đã làm việc với chủ thể và cửa hàng: gỡ nội dung quảng cáo sai, chủ thể cam kết không tái phạm; đã nhắc nhở bằng văn bản.' });
  }
  const [{ n }] = await query<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM report`);
  return { reports: Number(n) };
}
