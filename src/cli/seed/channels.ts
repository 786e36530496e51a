// Demo sales channels, so the modern-channel indicator tells a believable story: about a third of the OCOP entities
// with a verified current modern channel (more in some provinces than others), others only at markets or online
// shops that do not count, some waiting in the verification queue, a few rejected or ended. The demo producer (HTX Mật
// ong bạc hà Mèo Vạc) sells its honey at a supermarket (verified, priced) and waits for the commune to check its
// e-commerce shop. Seed data goes straight into the table; no contract file is attached (the demo has no file store).
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { addDays, vnDate } from '../../modules/scoring/index.js';
import { salesChannel, type ChannelType } from '../../modules/trade/index.js';
import { prng } from './names.js';

type Ocop = { id: string; name: string; province_code: string; commune_code: string; product_id: string; product_name: string };

const PARTNERS: Partial<Record<ChannelType, { name: string; url?: string }[]>> = {
  supermarket: [{ name: 'Co.op Mart', url: 'https://cooponline.vn' }, { name: 'WinMart', url: 'https://winmart.vn' }, { name: 'GO! / Big C', url: 'https://go-vietnam.vn' }, { name: 'MM Mega Market', url: 'https://online.mmvietnam.com' }],
  convenience_store: [{ name: 'Circle K' }, { name: 'WinMart+' }, { name: 'Bách hóa Xanh', url: 'https://www.bachhoaxanh.com' }],
  ocop_point_of_sale: [{ name: 'Điểm bán sản phẩm OCOP của tỉnh' }, { name: 'Trung tâm trưng bày sản phẩm OCOP' }],
  ecommerce: [{ name: 'Shopee', url: 'https://shopee.vn' }, { name: 'Lazada', url: 'https://www.lazada.vn' }, { name: 'Tiki', url: 'https://tiki.vn' }, { name: 'Postmart', url: 'https://postmart.vn' }],
  export: [{ name: 'Công ty xuất khẩu nông sản' }],
  social_shop: [{ name: 'Trang Facebook của chủ thể' }, { name: 'Zalo OA của chủ thể' }],
  traditional_market: [{ name: 'Chợ phiên' }, { name: 'Chợ trung tâm huyện cũ' }],
  agent: [{ name: 'Đại lý phân phối tỉnh' }],
};
const MODERN: ChannelType[] = ['supermarket', 'convenience_store', 'ocop_point_of_sale', 'ecommerce', 'export'];
const OTHER: ChannelType[] = ['social_shop', 'traditional_market', 'agent'];

/** Call inside seedDemo's transaction, after the certificates. Returns how many channels it wrote. */
export async function seedDemoChannels(tx: Queryable, now = new Date()): Promise<{ channels: number; verifiedModern: number }> {
  const r = prng(1306);
  const today = vnDate(now);
  const ocop = await query<Ocop>(tx, sql`
    SELECT DISTINCT ON (e.id) e.id, e.name, e.province_code, e.commune_code, p.id AS product_id, p.name AS product_name
    FROM entity e JOIN certificate c ON c.entity_id = e.id AND c.status = 'valid' JOIN product p ON p.id = c.product_id
    WHERE e.status = 'approved' ORDER BY e.id, p.code`);
  const [verifier] = await query<{ id: string }>(tx, sql`SELECT id FROM app_user WHERE role = 'province' ORDER BY email LIMIT 1`);
  const rows: (typeof salesChannel.$inferInsert)[] = [];
  let verifiedModern = 0;
  let queued08 = 0;
  const add = (e: Ocop, type: ChannelType, status: 'unverified' | 'verified' | 'rejected', extra: Partial<typeof salesChannel.$inferInsert> = {}) => {
    const partner = r.pick(PARTNERS[type] ?? [{ name: 'Đối tác' }]);
    rows.push({
      entityId: e.id, type, partnerName: partner.name, shopUrl: partner.url ?? null, startsOn: addDays(today, -30 - r.int(700)),
      status, statusReason: status === 'rejected' ? 'Hợp đồng đã hết hạn, chưa có hợp đồng mới' : null,
      verifiedBy: status === 'verified' ? verifier?.id ?? null : null, verifiedAt: status === 'verified' ? now : null,
      provinceCode: e.province_code, communeCode: e.commune_code, note: 'Dữ liệu minh họa', ...extra,
    });
    if (status === 'verified' && MODERN.includes(type) && !extra.endsOn) verifiedModern++;
  };
  for (const e of ocop) {
    if (e.name === 'HTX Mật ong bạc hà Mèo Vạc') {
      add(e, 'supermarket', 'verified', { partnerName: 'Co.op Mart Tuyên Quang', shopUrl: 'https://cooponline.vn', productId: e.product_id, priceVnd: 185_000 });
      add(e, 'ecommerce', 'unverified', { partnerName: 'Shopee', shopUrl: 'https://shopee.vn', productId: e.product_id, priceVnd: 179_000 });
      add(e, 'traditional_market', 'verified', { partnerName: 'Chợ phiên Mèo Vạc', shopUrl: null });
      continue;
    }
    // Provinces move at different speeds: a province's share between about 20 % and 55 %.
    const provinceBias = (Number(e.province_code) % 7) / 20;
    const roll = r.next();
    if (roll < 0.2 + provinceBias) {
      const type = r.pick(MODERN);
      add(e, type, 'verified', r.next() < 0.5 ? { productId: e.product_id, priceVnd: (50 + r.int(400)) * 1000 } : {});
    } else if (roll < 0.2 + provinceBias + 0.12) {
      add(e, r.pick(MODERN), 'unverified'); // waiting in the queue: does not count yet
    } else if (roll < 0.2 + provinceBias + 0.16) {
      add(e, r.pick(MODERN), 'rejected');
    } else if (roll < 0.2 + provinceBias + 0.2) {
      const startsOn = addDays(today, -800);
      add(e, r.pick(MODERN), 'verified', { startsOn, endsOn: addDays(today, -30 - r.int(200)) }); // ended
    }
    if (r.next() < 0.45) add(e, r.pick(OTHER), r.next() < 0.7 ? 'verified' : 'unverified');
    // The demo province officer (Tuyên Quang) finds a few channels to check.
    if (e.province_code === '08' && queued08 < 3) { add(e, r.pick(MODERN), 'unverified'); queued08++; }
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(salesChannel).values(rows.slice(i, i + 500));
  return { channels: rows.length, verifiedModern };
}
