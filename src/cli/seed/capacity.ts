// Demo capacity building, standards and raw-material areas (issue 15, parts 3, 5, 6). In Tuyên Quang (08): a
// provincial training on product stories with the demo producer checked in by QR and others ticked at the door, a
// workshop in Mèo Vạc and a study tour planned ahead; the demo honey's checklist with its food-safety certificate
// lapsing within the warning lead time (so the checklist and the commune's expiring list show it), and two more
// products' checklists; the raw-material areas of the trace demo's chains (honey, Shan tuyết tea, ST25 rice),
// verified, linked to their products, and named by their batches so the trace pages show them. Seed data goes
// straight into the tables.
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { complianceItem, training, trainingAttendee, trainingEvaluation, trainingInvitation } from '../../modules/programme/index.js';
import { rawMaterialArea, rawMaterialAreaProduct, type FarmingStandard } from '../../modules/registry/index.js';
import { addDays, vnDate } from '../../modules/scoring/index.js';

type Area = { product: string; lot: string; name: string; kind: 'crop' | 'livestock'; produce: string[]; standard: FarmingStandard; ring: [number, number][]; ha: number; cert?: { number: string; issuer: string } };
const square = (lon: number, lat: number, d: number): [number, number][] => [[lon, lat], [lon + d, lat], [lon + d, lat + d * 0.9], [lon, lat + d * 0.9], [lon, lat]];
const AREAS: Area[] = [
  { product: 'Mật ong bạc hà Mèo Vạc', lot: 'MO2603-01', name: 'Vùng hoa bạc hà cao nguyên đá Mèo Vạc', kind: 'livestock', produce: ['Ong nội (Apis cerana)', 'Hoa bạc hà'], standard: 'vietgap', ring: square(105.405, 23.155, 0.02), ha: 0,
    cert: { number: 'VG-08-2025-031', issuer: 'Trung tâm Kiểm nghiệm và Chứng nhận chất lượng nông lâm thủy sản' } },
  { product: 'Chè Shan tuyết%', lot: 'CST2603-01', name: 'Vùng chè Shan tuyết cổ thụ', kind: 'crop', produce: ['Chè Shan tuyết'], standard: 'organic', ring: square(104.79, 22.345, 0.015), ha: 0,
    cert: { number: 'HC-2025-1187', issuer: 'Tổ chức chứng nhận hữu cơ theo TCVN 11041' } },
  { product: 'Gạo ST25%', lot: 'ST2603-01', name: 'Cánh đồng lúa ST25 luân canh tôm', kind: 'crop', produce: ['Lúa ST25', 'Tôm càng xanh'], standard: 'none', ring: [], ha: 85 },
];

export async function seedDemoCapacity(tx: Queryable, now = new Date()): Promise<{ trainings: number; areas: number; checklists: number }> {
  const today = vnDate(now);
  const [province] = await query<{ id: string }>(tx, sql`SELECT id FROM app_user WHERE email = 'tinh@demo.ocop.vn'`);
  const [commune] = await query<{ id: string }>(tx, sql`SELECT id FROM app_user WHERE email = 'xa@demo.ocop.vn'`);
  const [producer] = await query<{ id: string; full_name: string; entity_id: string }>(tx, sql`SELECT id, full_name, entity_id FROM app_user WHERE email = 'chuthe@demo.ocop.vn'`);
  if (!province || !producer) return { trainings: 0, areas: 0, checklists: 0 };
  const others = await query<{ id: string; name: string }>(tx, sql`SELECT id, name FROM entity WHERE province_code = '08' AND status = 'approved' AND id <> ${producer.entity_id} ORDER BY registration_number LIMIT 4`);

  // Trainings: one done (with attendance), one coming in the commune, one study tour.
  const past = addDays(today, -40);
  const [tr] = await tx.insert(training).values({
    kind: 'training', title: 'Tập huấn xây dựng câu chuyện sản phẩm và truy xuất nguồn gốc cho chủ thể OCOP', topic: 'product_innovation', level: 'province', provinceCode: '08',
    startsOn: past, endsOn: addDays(past, 1), place: 'Hội trường Trung tâm Khuyến nông tỉnh Tuyên Quang', trainers: 'ThS. Lê Minh Châu (Viện Nghiên cứu Phát triển); KS. Hoàng Văn Bình (Chi cục Phát triển nông thôn)',
    budgetVnd: 86_500_000, description: 'Hai ngày: kể câu chuyện sản phẩm theo bộ tiêu chí OCOP, ghi chép nhật ký sản xuất, in tem truy xuất theo lô.', organiserId: province.id,
  }).returning();
  const upcoming = addDays(today, 21);
  const [ws] = await tx.insert(training).values({
    kind: 'workshop', title: 'Hội thảo liên kết chuỗi giá trị mật ong bạc hà', topic: 'cooperation', level: 'commune', provinceCode: '08', communeCode: '00769',
    startsOn: upcoming, endsOn: upcoming, place: 'Nhà văn hóa thôn Tả Chải, xã Mèo Vạc', trainers: 'Đại diện HTX và doanh nghiệp thu mua', budgetVnd: 12_000_000, organiserId: commune?.id ?? province.id,
  }).returning();
  const tour = addDays(today, 50);
  await tx.insert(training).values({
    kind: 'study_tour', title: 'Tham quan học tập mô hình HTX chè hữu cơ tại Thái Nguyên', topic: 'production', level: 'province', provinceCode: '08',
    startsOn: tour, endsOn: addDays(tour, 2), place: 'Xã Tân Cương, tỉnh Thái Nguyên', trainers: null, budgetVnd: 154_000_000, organiserId: province.id,
  });
  await tx.insert(trainingInvitation).values([producer.entity_id, ...others.map((o) => o.id)].flatMap((entityId) => [
    { trainingId: tr.id, entityId, invitedBy: province.id }, { trainingId: ws.id, entityId, invitedBy: province.id },
  ]));
  const at = new Date(`${past}T08:10:00+07:00`);
  const [me] = await tx.insert(trainingAttendee).values({ trainingId: tr.id, userId: producer.id, entityId: producer.entity_id, fullName: producer.full_name, position: 'Giám đốc HTX', registeredAt: at, attendedAt: at, checkinMethod: 'qr' }).returning();
  const walkIns = ['Vàng Thị Dở', 'Lò Văn Sáng', 'Nguyễn Thị Hạnh', 'Sầm Văn Tuấn'];
  await tx.insert(trainingAttendee).values(walkIns.map((fullName, i) => ({
    trainingId: tr.id, entityId: others[i % Math.max(others.length, 1)]?.id ?? producer.entity_id, fullName, position: i % 2 ? 'Xã viên' : 'Tổ trưởng sản xuất',
    registeredAt: at, ...(i < 3 ? { attendedAt: new Date(at.getTime() + (i + 1) * 60_000), checkinMethod: 'manual' as const, markedBy: province.id } : {}),
  })));
  await tx.insert(trainingEvaluation).values({ attendeeId: me.id, trainingId: tr.id, content: 5, trainers: 4, organisation: 4, usefulness: 5, comment: 'Phần in tem truy xuất theo lô rất thiết thực; mong có thêm buổi thực hành.' });

  // Raw-material areas of the trace chains, verified by the province, named by their batches.
  let areas = 0;
  for (const a of AREAS) {
    const [p] = await query<{ id: string; entity_id: string; province_code: string; commune_code: string }>(tx, sql`
      SELECT p.id, p.entity_id, p.province_code, p.commune_code FROM trace_lot l JOIN product p ON p.id = l.product_id WHERE p.name LIKE ${a.product} AND l.lot = ${a.lot} LIMIT 1`);
    if (!p) continue;
    const polygon = a.ring.length > 0;
    const lon = polygon ? a.ring[0][0] + 0.01 : 105.97;
    const lat = polygon ? a.ring[0][1] + 0.009 : 9.6;
    const ha = polygon ? Math.round(111_320 * Math.cos((lat * Math.PI) / 180) * (a.ring[1][0] - a.ring[0][0]) * 110_540 * (a.ring[2][1] - a.ring[1][1]) / 100) / 100 : a.ha;
    const [row] = await tx.insert(rawMaterialArea).values({
      entityId: p.entity_id, name: a.name, provinceCode: p.province_code, communeCode: p.commune_code,
      location: polygon ? { type: 'Polygon', coordinates: [a.ring] } : { type: 'Point', coordinates: [lon, lat] }, latitude: lat, longitude: lon, areaHa: ha,
      kind: a.kind, produce: a.produce, farmingStandard: a.standard,
      certificates: a.cert ? [{ ...a.cert, standard: a.standard, issuedOn: addDays(today, -300), expiresOn: addDays(today, 795) }] : [],
      status: a.standard === 'none' ? 'unverified' : 'verified', verifiedBy: a.standard === 'none' ? null : province.id, verifiedAt: a.standard === 'none' ? null : now,
    }).returning();
    await tx.insert(rawMaterialAreaProduct).values({ areaId: row.id, productId: p.id });
    await tx.execute(sql`UPDATE trace_lot SET raw_material_area_id = ${row.id} WHERE product_id = ${p.id} AND lot = ${a.lot}`);
    areas++;
  }

  // Checklists: the demo honey's food-safety certificate lapses within the lead time; two more products in 08.
  const honey = await query<{ id: string; entity_id: string; province_code: string; commune_code: string }>(tx, sql`
    SELECT p.id, p.entity_id, p.province_code, p.commune_code FROM product p WHERE p.entity_id = ${producer.entity_id} AND p.name = 'Mật ong bạc hà Mèo Vạc' LIMIT 1`);
  const more = await query<{ id: string; entity_id: string; province_code: string; commune_code: string }>(tx, sql`
    SELECT p.id, p.entity_id, p.province_code, p.commune_code FROM product p WHERE p.province_code = '08' AND p.status = 'certified' AND p.product_set <= 13 AND p.entity_id <> ${producer.entity_id} ORDER BY p.code LIMIT 2`);
  const lines: (typeof complianceItem.$inferInsert)[] = [];
  const line = (p: (typeof honey)[number], requirement: string, status: 'met' | 'in_progress', extra: Partial<typeof complianceItem.$inferInsert> = {}) =>
    lines.push({ productId: p.id, requirement, status, entityId: p.entity_id, provinceCode: p.province_code, communeCode: p.commune_code, ...extra });
  for (const [i, p] of [...honey, ...more].entries()) {
    line(p, 'food_safety_certificate', 'met', { certificateNumber: `${120 + i * 7}/${2023 + (i % 2)}/ATTP-CNĐK`, issuer: 'Chi cục Quản lý chất lượng nông lâm thủy sản tỉnh Tuyên Quang', issuedOn: addDays(today, [-1055, -700, -1110][i]), expiresOn: addDays(today, [40, 395, -15][i]) });
    line(p, 'conformity_certificate', i === 1 ? 'in_progress' : 'met', i === 1 ? {} : { certificateNumber: `HQ-${2025 - i}-0${417 + i}`, issuer: 'Trung tâm Chứng nhận phù hợp (QUACERT)', issuedOn: addDays(today, -400), expiresOn: addDays(today, 695) });
    line(p, 'label', 'met');
    line(p, 'product_self_declaration', 'met', { certificateNumber: `0${3 + i}/${p.id.slice(0, 4).toUpperCase()}/2024`, issuedOn: addDays(today, -500) });
  }
  if (lines.length) await tx.insert(complianceItem).values(lines);
  return { trainings: 3, areas, checklists: honey.length + more.length };
}
