// Demo fairs, livestream sessions and tourism destinations, so the fairs and livestream indicators and the tourism map
// tell a believable story: the national OCOP fair in Hà Nội (past, results reported), a trade mission to Japan
// (past, export contracts), Tuyên Quang's livestream sales day (past) and its OCOP fair (coming, open for registration,
// with registrations waiting, approved with booths and rejected: the demo province officer's queue), three livestream
// sessions and six destinations in Tuyên Quang, Thái Nguyên and Lâm Đồng at their real coordinates. The demo producer
// (HTX Mật ong bạc hà Mèo Vạc) exhibited at the national fair and has not yet registered for the province's fair
// (the browser test registers it). Seed data goes straight into the tables.
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { addDays, vnDate } from '../../modules/scoring/index.js';
import { eventRegistration, livestreamProduct, livestreamSession, registrationProduct, tourismDestination, tradeEvent } from '../../modules/trade/index.js';
import { prng } from './names.js';

type Ent = { id: string; name: string; province_code: string; commune_code: string; products: string[] };
const DEMO_PRODUCER = 'HTX Mật ong bạc hà Mèo Vạc';

/** Call inside seedDemo's transaction, after the channels. */
export async function seedDemoTradeEvents(tx: Queryable, now = new Date()) {
  const r = prng(1302);
  const today = vnDate(now);
  const entities = await query<Ent>(tx, sql`
    SELECT e.id, e.name, e.province_code, e.commune_code, array_agg(p.id::text ORDER BY p.status = 'certified' DESC, p.code) AS products
    FROM entity e JOIN product p ON p.entity_id = e.id AND p.status <> 'draft' AND p.product_set <> 26
    WHERE e.status = 'approved' GROUP BY e.id ORDER BY e.id`);
  const [central] = await query<{ id: string }>(tx, sql`SELECT id FROM app_user WHERE role = 'central' ORDER BY email LIMIT 1`);
  const [tinh] = await query<{ id: string }>(tx, sql`SELECT id FROM app_user WHERE role = 'province' AND province_code = '08' ORDER BY email LIMIT 1`);
  const demo = entities.find((e) => e.name === DEMO_PRODUCER)!;
  const others = entities.filter((e) => e.province_code !== '08');
  // Tuyên Quang's own producers first; its fair also takes producers from elsewhere when the demo has few of its own.
  const of08 = [...entities.filter((e) => e.province_code === '08' && e.id !== demo.id), ...others.slice(20)];

  const ev = async (v: typeof tradeEvent.$inferInsert) => (await tx.insert(tradeEvent).values({ createdAt: now, updatedAt: now, ...v }).returning())[0];
  const national = await ev({
    kind: 'fair', name: 'Hội chợ sản phẩm OCOP toàn quốc 2026', level: 'national', organiser: 'Văn phòng Điều phối nông thôn mới Trung ương', createdBy: central?.id,
    venue: 'Trung tâm Triển lãm Việt Nam (VEC), Đông Anh, Hà Nội', country: 'VN', venueProvinceCode: '01', startsOn: addDays(today, -62), endsOn: addDays(today, -58),
    registrationDeadline: addDays(today, -80), booths: 400, description: 'Hội chợ thường niên giới thiệu sản phẩm OCOP 3 sao trở lên của 34 tỉnh, thành phố.',
  });
  const japan = await ev({
    kind: 'trade_mission', name: 'Đoàn xúc tiến thương mại sản phẩm OCOP tại FOODEX Japan', level: 'national', organiser: 'Văn phòng Điều phối nông thôn mới Trung ương, Bộ Công Thương',
    venue: 'Makuhari Messe, Chiba', country: 'JP', startsOn: addDays(today, -130), endsOn: addDays(today, -127), registrationDeadline: addDays(today, -170), booths: 12,
    description: 'Gian hàng chung Việt Nam giới thiệu sản phẩm OCOP tới nhà nhập khẩu Nhật Bản.', createdBy: central?.id,
  });
  const liveDay = await ev({
    kind: 'livestream_day', name: 'Ngày hội livestream bán hàng OCOP Tuyên Quang', level: 'province', provinceCode: '08', organiser: 'Văn phòng OCOP tỉnh Tuyên Quang',
    venue: 'Trực tuyến (TikTok, Facebook) và điểm phát tại Trung tâm Xúc tiến thương mại tỉnh', country: 'VN', venueProvinceCode: '08', startsOn: addDays(today, -16), endsOn: addDays(today, -16),
    registrationDeadline: addDays(today, -25), booths: null, createdBy: tinh?.id,
  });
  const fair08 = await ev({
    kind: 'fair', name: 'Hội chợ OCOP và đặc sản vùng cao Tuyên Quang', level: 'province', provinceCode: '08', organiser: 'Văn phòng OCOP tỉnh Tuyên Quang',
    venue: 'Quảng trường Nguyễn Tất Thành, phường Minh Xuân', country: 'VN', venueProvinceCode: '08', startsOn: addDays(today, 24), endsOn: addDays(today, 28),
    registrationDeadline: addDays(today, 12), booths: 60, description: 'Hội chợ giới thiệu sản phẩm OCOP, đặc sản vùng cao và du lịch cộng đồng của tỉnh.', createdBy: tinh?.id,
  });

  let booth = 0;
  let registrations = 0;
  const reg = async (eventId: string, e: Ent, status: 'pending' | 'approved' | 'rejected', results?: [number, number, number], boothPrefix = 'A') => {
    const [row] = await tx.insert(eventRegistration).values({
      eventId, entityId: e.id, status, provinceCode: e.province_code, communeCode: e.commune_code, createdAt: now, updatedAt: now,
      booth: status === 'approved' && boothPrefix ? `${boothPrefix}${String(++booth).padStart(2, '0')}` : null,
      statusReason: status === 'rejected' ? 'Sản phẩm đăng ký chưa có giấy chứng nhận OCOP còn hiệu lực' : null,
      decidedBy: status === 'pending' ? null : central?.id ?? null, decidedAt: status === 'pending' ? null : now,
      ...(results ? { salesVnd: results[0], contracts: results[1], newPartners: results[2], resultsAt: now, resultsBy: null } : {}),
    }).returning();
    await tx.insert(registrationProduct).values(e.products.slice(0, 1 + r.int(2)).map((productId) => ({ registrationId: row.id, productId })));
    registrations++;
  };
  const money = (lo: number, hi: number) => (lo + r.int(hi - lo)) * 500_000;

  await reg(national.id, demo, 'approved', [86_500_000, 2, 3]);
  for (const e of others.slice(0, 7)) await reg(national.id, e, 'approved', [money(20, 300), r.int(4), r.int(6)]);
  await reg(national.id, others[7], 'rejected');
  booth = 0;
  for (const e of others.slice(8, 11)) await reg(japan.id, e, 'approved', [money(200, 1200), 1 + r.int(3), 1 + r.int(4)], 'JP');
  for (const e of of08.slice(0, 3)) await reg(liveDay.id, e, 'approved', [money(10, 120), 0, r.int(3)], '');
  booth = 0;
  await reg(fair08.id, of08[3], 'approved');
  await reg(fair08.id, of08[4], 'approved');
  await reg(fair08.id, of08[5], 'pending');
  await reg(fair08.id, of08[6], 'pending');
  await reg(fair08.id, of08[7], 'rejected');

  const session = async (e: Ent, v: Omit<typeof livestreamSession.$inferInsert, 'entityId' | 'provinceCode' | 'communeCode'>) => {
    const [row] = await tx.insert(livestreamSession).values({ ...v, entityId: e.id, provinceCode: e.province_code, communeCode: e.commune_code, createdAt: now, updatedAt: now }).returning();
    await tx.insert(livestreamProduct).values(e.products.slice(0, 2).map((productId) => ({ sessionId: row.id, productId })));
  };
  await session(demo, { platform: 'tiktok', title: 'Mật ong bạc hà mùa hoa tháng 11', host: 'Sùng Thị Mỷ', heldOn: addDays(today, -9), url: 'https://www.tiktok.com/@htxmatongmeovac', viewers: 12_400, orders: 186, salesVnd: 33_480_000 });
  await session(of08[0], { platform: 'facebook', title: 'Đặc sản vùng cao trong Ngày hội livestream', host: 'KOC Hà Giang Quê Tôi', heldOn: addDays(today, -16), eventId: liveDay.id, viewers: 5_800, orders: 74, salesVnd: 11_100_000 });
  await session(others[0], { platform: 'shopee', title: 'Phiên live sản phẩm OCOP 4 sao', host: 'Nhân viên bán hàng của chủ thể', heldOn: addDays(today, -30), viewers: 2_150, orders: 39, salesVnd: 6_240_000 });

  // A tourism product (sector VI, set 26) of Tuyên Quang, when the demo has one, rates the first destination.
  const [tour] = await query<{ id: string; entity_id: string }>(tx, sql`SELECT p.id, p.entity_id FROM product p JOIN entity e ON e.id = p.entity_id
    WHERE p.product_set = 26 AND p.status <> 'draft' AND e.status = 'approved' AND p.province_code = '08' ORDER BY p.status = 'certified' DESC, p.code LIMIT 1`);
  const zone = 'Khu du lịch quốc gia Cao nguyên đá Đồng Văn (Công viên địa chất toàn cầu UNESCO)';
  const destinations: (typeof tourismDestination.$inferInsert)[] = [
    { name: 'Làng văn hóa du lịch cộng đồng Pả Vi', kind: 'community', provinceCode: '08', communeCode: '00769', latitude: 23.1689, longitude: 105.4062, seasonMonths: [1, 2, 3, 10, 11, 12], seasonNote: 'Hoa tam giác mạch tháng 10–11, hoa đào, hoa mận mùa xuân',
      services: ['homestay', 'food', 'culture', 'guide', 'shop'], planningZone: zone, description: 'Làng của đồng bào Mông dưới chân đèo Mã Pì Lèng: nhà trình tường, homestay, ẩm thực, khèn Mông, mật ong bạc hà.',
      entityId: tour?.entity_id ?? null, productId: tour?.id ?? null },
    { name: 'Làng văn hóa Lô Lô Chải', kind: 'community', provinceCode: '08', communeCode: '00715', latitude: 23.3612, longitude: 105.3188, seasonMonths: [1, 2, 3, 9, 10, 11], services: ['homestay', 'food', 'trekking', 'culture'], planningZone: zone,
      description: 'Làng người Lô Lô dưới chân cột cờ Lũng Cú, điểm cực Bắc của Tổ quốc.' },
    { name: 'Phố cổ Đồng Văn', kind: 'site', provinceCode: '08', communeCode: '00721', latitude: 23.2786, longitude: 105.3631, seasonMonths: [1, 2, 10, 11, 12], services: ['food', 'shop', 'culture'], planningZone: zone,
      description: 'Dãy nhà cổ trình tường lợp ngói âm dương, phiên chợ Chủ nhật.' },
    { name: 'Khu du lịch sinh thái Lâm Bình – hồ Na Hang', kind: 'eco', provinceCode: '08', communeCode: '02266', latitude: 22.4660, longitude: 105.2245, seasonMonths: [3, 4, 5, 6, 7, 8, 9], services: ['boat', 'homestay', 'trekking', 'food'],
      planningZone: 'Khu du lịch sinh thái Na Hang – Lâm Bình', description: 'Lòng hồ thủy điện giữa núi đá vôi, thác Khuổi Nhi, bản Tày Nặm Đíp.' },
    { name: 'Đồi chè Tân Cương', kind: 'eco', provinceCode: '19', communeCode: '05503', latitude: 21.5640, longitude: 105.7648, seasonMonths: [3, 4, 5, 6, 7, 8, 9, 10], services: ['farm', 'food', 'shop', 'guide'],
      planningZone: 'Vùng chè đặc sản Tân Cương', description: 'Trải nghiệm hái, sao chè cùng người làm chè, thưởng trà Tân Cương.' },
    { name: 'Làng Cù Lần', kind: 'eco', provinceCode: '68', communeCode: '24848', latitude: 12.0953, longitude: 108.4386, seasonMonths: [11, 12, 1, 2, 3, 4], services: ['camping', 'trekking', 'food', 'culture'],
      planningZone: 'Khu du lịch quốc gia Langbiang', description: 'Rừng thông, suối và nhà gỗ của người K\'Ho ở chân núi Langbiang.' },
  ];
  await tx.insert(tourismDestination).values(destinations.map((d) => ({ ...d, createdAt: now, updatedAt: now })));
  return { events: 4, registrations, sessions: 3, destinations: destinations.length };
}
