// Demo programme data (issue 15, parts 1–2): Tuyên Quang's approved OCOP plan of the current year (2026) with targets broken down by
// commune, the national plan of the same year, and product ideas in Mèo Vạc at the cycle's early steps (submitted, returned,
// accepted with its business plan, and one a commune officer recorded for a producer not registered yet). Progress is
// never seeded: the plans' achievements are counted from the demo certificates and channels when read. Seed data
// goes straight into the tables (the demo has no history to audit).
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { vnDate } from '../../modules/scoring/index.js';
import { productIdea, programmePlan, programmePlanVersion } from '../../modules/programme/index.js';

type Target = { key: string; kind: string; label?: string; stars?: number; sector?: string; target: number; byCommune?: { communeCode: string; target: number }[] };
const full = (ts: Target[]) => ts.map((t) => ({ label: null, stars: null, sector: null, byCommune: [], note: null, ...t }));

/** Call inside seedDemo's transaction, after the accounts, certificates and channels. */
export async function seedDemoPlans(tx: Queryable, now = new Date()): Promise<{ plans: number; ideas: number }> {
  const users = new Map((await query<{ email: string; id: string }>(tx, sql`SELECT email, id FROM app_user WHERE email LIKE '%@demo.ocop.vn'`)).map((u) => [u.email, u.id]));
  const [tinh, trunguong, xa, chuthe] = ['tinh@demo.ocop.vn', 'trunguong@demo.ocop.vn', 'xa@demo.ocop.vn', 'chuthe@demo.ocop.vn'].map((e) => users.get(e) ?? null);
  const year = Number(vnDate(now).slice(0, 4)); // the current year's plan (2026 when this was written)
  const communes = (await query<{ code: string }>(tx, sql`SELECT code FROM commune WHERE province_code = '08' AND code IN ('00769', '00721') ORDER BY code DESC`)).map((c) => c.code);
  const [third] = await query<{ commune_code: string }>(tx, sql`
    SELECT p.commune_code FROM product p WHERE p.province_code = '08' AND p.commune_code NOT IN ('00769', '00721') GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  if (third) communes.push(third.commune_code);
  const split = (shares: number[]) => communes.map((communeCode, i) => ({ communeCode, target: shares[i] ?? 1 }));

  const province = full([
    { key: 't1', kind: 'new_products', target: 12, byCommune: split([3, 2, 2]) },
    { key: 't2', kind: 'new_products', stars: 4, target: 3 },
    { key: 't3', kind: 'new_products', sector: 'I', target: 8 },
    { key: 't4', kind: 'upgrades', target: 2 },
    { key: 't5', kind: 're_ratings', target: 5 },
    { key: 't6', kind: 'modern_channel_share', target: 45, byCommune: split([60, 40, 40]) },
    { key: 't7', kind: 'trainings', target: 6 },
    { key: 't8', kind: 'fairs', target: 4 },
    { key: 't9', kind: 'budget', label: 'Ngân sách tỉnh hỗ trợ chủ thể OCOP', target: 2_500_000_000 },
    { key: 't10', kind: 'budget', label: 'Vốn Chương trình MTQG xây dựng nông thôn mới', target: 1_200_000_000 },
  ]);
  const nation = full([
    { key: 't1', kind: 'new_products', target: 2000 },
    { key: 't2', kind: 'new_products', stars: 5, target: 60 },
    { key: 't3', kind: 'upgrades', target: 300 },
    { key: 't4', kind: 're_ratings', target: 1500 },
    { key: 't5', kind: 'modern_channel_share', target: 50 },
    { key: 't6', kind: 'fairs', target: 12 },
    { key: 't7', kind: 'budget', label: 'Kinh phí Trung ương: xúc tiến thương mại, hội chợ OCOP quốc gia', target: 45_000_000_000 },
  ]);
  // Approved in February (or now, early in January): never a date to come.
  const approvedAt = new Date(Math.min(now.getTime(), Date.parse(`${year}-02-20T03:00:00Z`)));
  const submittedAt = new Date(Math.min(now.getTime(), Date.parse(`${year}-02-10T03:00:00Z`)));
  for (const [provinceCode, targets, author, approver, note] of [
    ['08', province, tinh, trunguong, `Kế hoạch thực hiện Chương trình OCOP tỉnh Tuyên Quang năm ${year}`],
    [null, nation, trunguong, trunguong, `Kế hoạch thực hiện Chương trình OCOP toàn quốc năm ${year}`],
  ] as const) {
    const [plan] = await tx.insert(programmePlan).values({ year, provinceCode, latestVersion: 1, approvedVersion: 1, createdAt: submittedAt, updatedAt: approvedAt }).returning();
    await tx.insert(programmePlanVersion).values({
      planId: plan.id, number: 1, status: 'approved', targets: [...targets], note, createdBy: author, createdAt: submittedAt,
      submittedBy: author, submittedAt, approvedBy: approver, approvedAt,
    });
  }

  const [demo] = await query<{ id: string; name: string }>(tx, sql`SELECT id, name FROM entity WHERE name = 'HTX Mật ong bạc hà Mèo Vạc' LIMIT 1`);
  const place = { communeCode: '00769', provinceCode: '08' };
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  const ideas: (typeof productIdea.$inferInsert)[] = [];
  if (demo) {
    ideas.push({
      ...place, entityId: demo.id, producerName: demo.name, title: 'Trà shan tuyết cổ thụ Mèo Vạc', productSet: 11, createdBy: chuthe, createdAt: at(12), updatedAt: at(12),
      description: 'Trà búp shan tuyết hái từ cây cổ thụ trên 100 năm ở thôn Tả Chải, sao thủ công trên chảo gang, đóng gói hộp giấy tái chế.',
      rawMaterials: 'Khoảng 300 cây chè shan tuyết cổ thụ của 25 hộ thành viên', market: 'Khách du lịch cao nguyên đá Đồng Văn; cửa hàng đặc sản tại Hà Giang và Hà Nội',
    });
    ideas.push({
      ...place, entityId: demo.id, producerName: demo.name, title: 'Mật ong bạc hà dạng que tiện dụng', productSet: 4, status: 'accepted', step: 'business_plan',
      createdBy: chuthe, decidedBy: xa, decidedAt: at(40), createdAt: at(60), updatedAt: at(20), version: 3,
      description: 'Đóng mật ong bạc hà trong que 12 g cho khách du lịch và bếp ăn, dùng lại nguồn mật của HTX.',
      rawMaterials: 'Mật ong bạc hà của 120 đàn ong HTX', market: 'Khách du lịch, quầy đặc sản sân bay, sàn thương mại điện tử',
      businessPlan: { summary: 'Đầu tư máy chiết rót que 12 g (công suất 2.000 que/giờ), thiết kế bao bì, đăng ký công bố tiêu chuẩn cơ sở; sản lượng năm đầu 150.000 que.', investmentVnd: 420_000_000, expectedOutput: '150.000 que/năm', startsOn: `${year + 1}-01-15`, submittedAt: at(20).toISOString(), submittedBy: chuthe },
    });
  }
  ideas.push({
    ...place, entityId: null, producerName: 'Vàng Seo Páo', producerPhone: '0912 345 678', title: 'Rượu ngô men lá Tả Chải', productSet: 14, createdBy: xa, createdAt: at(8), updatedAt: at(8),
    description: 'Rượu ngô nấu bằng men lá truyền thống của người Mông, ngâm ủ trong chum sành; hộ gia đình chưa đăng ký kinh doanh.',
    rawMaterials: 'Ngô tẻ địa phương của các hộ trong thôn', market: 'Chợ phiên Mèo Vạc, khách du lịch',
  });
  ideas.push({
    ...place, entityId: null, producerName: 'Lù Thị Mai', title: 'Thổ cẩm lanh Mông thêu tay', productSet: 22, status: 'returned', createdBy: xa, decidedBy: xa, decidedAt: at(25), createdAt: at(30), updatedAt: at(25), version: 2,
    statusReason: 'Cần ghi rõ số hộ tham gia dệt và nguồn sợi lanh; bổ sung ảnh sản phẩm mẫu.',
    description: 'Khăn và túi vải lanh dệt, thêu tay hoa văn Mông của nhóm phụ nữ thôn Sán Tỉn.',
  });
  if (ideas.length) await tx.insert(productIdea).values(ideas);
  return { plans: 2, ideas: ideas.length };
}
