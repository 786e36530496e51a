// Demo certificates: one valid certificate for every certified demo product, issued in the last three years, a few
// inside the re-rating window (so the office's reminders have work), and a couple revoked. Seed data goes straight
// into the tables, like the registry's demo rows; the numbers use the same per-province sequence as real issues.
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { addDays, addMonths, authorityName, certificate, certificateNumber, expiryOf, vnDate } from '../../modules/scoring/index.js';
import { prng } from './names.js';

type Certified = { id: string; entity_id: string; province_code: string; stars: number; province_name: string; name: string };
const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

/** Call inside seedDemo's transaction, after the registry rows are written. Returns how many it wrote. */
export async function seedDemoCertificates(tx: Queryable, now = new Date()): Promise<{ certificates: number; nearExpiry: number; revoked: number }> {
  const r = prng(2612);
  const today = vnDate(now);
  const products = await query<Certified>(tx, sql`
    SELECT p.id, p.entity_id, p.province_code, p.stars, pr.full_name AS province_name, p.name
    FROM product p JOIN province pr ON pr.code = p.province_code
    WHERE p.status = 'certified' AND p.stars BETWEEN 3 AND 5 ORDER BY p.code`);
  // Tuyên Quang (the demo province officer's) first, so its to-do list has reminders; the demo honey stays plain.
  const tq = products.filter((p) => p.province_code === '08' && p.name !== 'Mật ong bạc hà Mèo Vạc');
  const nearOpen = new Set([...tq.slice(0, 3), ...products.filter((p) => p.province_code !== '08').slice(0, 3)].map((p) => p.id));
  const nearClosed = new Set([...tq.slice(3, 4), ...products.filter((p) => p.province_code !== '08').slice(3, 5)].map((p) => p.id));
  const revoked = new Set([...tq.slice(4, 5), ...products.filter((p) => p.province_code !== '08' && p.stars < 5).slice(5, 6)].map((p) => p.id));

  const seq = new Map<string, number>();
  const rows: (typeof certificate.$inferInsert)[] = [];
  for (const p of products) {
    // 36-month validity: an issue date this many days before today leaves (36 months − age) to run.
    const expiresIn = nearOpen.has(p.id) ? 125 + r.int(50) : nearClosed.has(p.id) ? 30 + r.int(80) : 190 + r.int(800);
    const issuedOn = addDays(addMonths(today, -36), expiresIn);
    const year = Number(issuedOn.slice(0, 4));
    const key = `${p.province_code}|${year}`;
    seq.set(key, (seq.get(key) ?? 0) + 1);
    const central = p.stars === 5;
    const decisionNumber = `${100 + r.int(2800)}/QĐ-${central ? 'BNNMT' : 'UBND'}`;
    const base = {
      number: certificateNumber(p.province_code, year, seq.get(key)!), productId: p.id, entityId: p.entity_id, provinceCode: p.province_code,
      stars: p.stars, kind: 'first' as const, authorityLevel: central ? 'central' as const : 'province' as const,
      authority: authorityName(p.stars, p.province_name), decisionNumber, decidedOn: issuedOn, issuedOn, expiresOn: expiryOf(issuedOn),
      // Ratings decided before 22/05/2026 were made under QĐ 148/2023 (with QĐ 1489/2025), and keep that instrument.
      instrument: issuedOn < '2026-05-22' ? 'QĐ 148/QĐ-TTg' : 'QĐ 26/2026/QĐ-TTg',
      score: p.stars === 5 ? 90 + r.int(8) : p.stars === 4 ? 70 + r.int(19) : 50 + r.int(19), source: 'system' as const,
    };
    if (revoked.has(p.id)) {
      const found = addDays(today, -20 - r.int(30));
      rows.push({ ...base, status: 'revoked', revocationGround: r.pick(['b', 'c', 'dd']), revocationGroundFoundOn: found, revocationDecisionNumber: `${200 + r.int(500)}/QĐ-UBND`, revokedOn: addDays(found, 5 + r.int(9)), revocationAuthority: base.authority, revocationNote: 'Dữ liệu minh họa' });
    } else {
      rows.push({ ...base, status: 'valid' });
    }
  }
  for (const part of chunks(rows, 500)) await tx.insert(certificate).values(part);
  for (const [key, last] of seq) {
    const [province, year] = key.split('|');
    await tx.execute(sql`INSERT INTO certificate_seq (province_code, year, last_value) VALUES (${province}, ${Number(year)}, ${last})
      ON CONFLICT (province_code, year) DO UPDATE SET last_value = GREATEST(certificate_seq.last_value, excluded.last_value)`);
  }
  if (revoked.size) await tx.execute(sql`UPDATE product SET status = 'revoked', stars = NULL WHERE id IN (${sql.join([...revoked].map((id) => sql`${id}::uuid`), sql`, `)})`);
  return { certificates: rows.length, nearExpiry: nearOpen.size + nearClosed.size, revoked: revoked.size };
}
