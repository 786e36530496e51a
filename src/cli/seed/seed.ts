// Writes generated registry data and the demo accounts. Bulk rows go straight into the tables (they are seed
// data, not anyone's change); the demo accounts go through the accounts module.
import { sql } from 'drizzle-orm';
import { PUBLIC } from '../../app/actor.js';
import { query, type Database, type Queryable } from '../../app/db.js';
import { createUser } from '../../modules/accounts/index.js';
import { assignMissingGtins, communeProductSeq, entity, product } from '../../modules/registry/index.js';
import { DEFAULT_GS1_PREFIX } from '../../app/config.js';
import { seedDemoCertificates } from './certificates.js';
import { seedDemoChannels } from './channels.js';
import { seedDemoContent } from './content.js';
import { seedDemoDossiers } from './dossiers.js';
import { seedDemoIntegrity } from './integrity.js';
import { seedDemoPlans } from './plans.js';
import { seedDemoTradeEvents } from './fairs.js';
import { seedDemoInspections } from './inspections.js';
import { seedDemoReports } from './reports.js';
import { seedDemoTrace } from './trace.js';
import { seedDemoCapacity } from './capacity.js';
import { generateRegistry, type Commune } from './generate.js';

const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

export const DEMO_PASSWORD = 'OcopDemo@2026';
export const DEMO_ACCOUNTS = [
  { email: 'trunguong@demo.ocop.vn', fullName: 'Nguyễn Văn Trung (VPĐP Trung ương)', role: 'central' as const },
  { email: 'tinh@demo.ocop.vn', fullName: 'Lê Thị Tỉnh (VP OCOP Tuyên Quang)', role: 'province' as const, provinceCode: '08' },
  { email: 'xa@demo.ocop.vn', fullName: 'Giàng A Xã (UBND xã Mèo Vạc)', role: 'commune' as const, communeCode: '00769' },
  { email: 'hoidong@demo.ocop.vn', fullName: 'Phạm Văn Hội (Hội đồng tỉnh Tuyên Quang)', role: 'council' as const, provinceCode: '08' },
  { email: 'tuvan@demo.ocop.vn', fullName: 'Đỗ Thị Tư (Tổ tư vấn tỉnh Tuyên Quang)', role: 'advisory' as const, provinceCode: '08' },
  { email: 'thanhtra@demo.ocop.vn', fullName: 'Hoàng Văn Tra (Thanh tra tỉnh Tuyên Quang)', role: 'inspector' as const, provinceCode: '08' },
  { email: 'chuthe@demo.ocop.vn', fullName: 'Sùng Thị Mỷ (HTX Mật ong bạc hà Mèo Vạc)', role: 'entity' as const, communeCode: '00769' },
];

async function communes(db: Queryable): Promise<Commune[]> {
  return query<Commune>(db, sql`SELECT code, province_code AS "provinceCode", name FROM commune ORDER BY code`);
}

async function writeRegistry(tx: Queryable, data: ReturnType<typeof generateRegistry>) {
  for (const part of chunks(data.entities, 1000)) await tx.insert(entity).values(part);
  for (const part of chunks(data.products, 1000)) await tx.insert(product).values(part);
  const seq = [...data.sequence.entries()];
  for (const part of chunks(seq, 1000)) {
    await tx.insert(communeProductSeq).values(part.map(([communeCode, lastValue]) => ({ communeCode, lastValue })))
      .onConflictDoUpdate({ target: communeProductSeq.communeCode, set: { lastValue: sql`GREATEST(${communeProductSeq.lastValue}, excluded.last_value)` } });
  }
}

/** The national sample a newcomer explores: 300 entities, 600 products, one account per role. */
/** `gs1Prefix`: the programme's GS1 company prefix the demo products' GTINs and locations' GLNs are numbered under. */
export async function seedDemo(database: Database, opts: { gs1Prefix?: string } = {}) {
  const gs1Prefix = opts.gs1Prefix ?? DEFAULT_GS1_PREFIX;
  await database.db.transaction(async (tx) => {
    const data = generateRegistry({ entities: 300, products: 600, communes: await communes(tx), seed: 26 });
    // The entity behind the demo producer account, with a recognisable product.
    const demo = data.entities[2];
    Object.assign(demo, { name: 'HTX Mật ong bạc hà Mèo Vạc', type: 'htx', communeCode: '00769', provinceCode: '08', address: 'Thôn Tả Chải, Xã Mèo Vạc', status: 'approved', statusReason: null });
    for (const p of data.products.filter((x) => x.entityId === demo.id)) Object.assign(p, { provinceCode: '08', communeCode: '00769' });
    // A producer registered in Mèo Vạc waiting for the commune's approval (the commune officer's to-do list).
    const waiting = data.entities.find((e) => e.status === 'pending' && e.communeCode !== '00769')!;
    Object.assign(waiting, { communeCode: '00769', provinceCode: '08', address: `${waiting.address.split(', ')[0]}, Xã Mèo Vạc` });
    for (const p of data.products.filter((x) => x.entityId === waiting.id)) Object.assign(p, { provinceCode: '08', communeCode: '00769' });
    const honey = data.products.find((x) => x.entityId === demo.id)!;
    Object.assign(honey, { name: 'Mật ong bạc hà Mèo Vạc', productSet: 4, status: 'certified', stars: 4, description: 'Mật ong bạc hà thu từ đàn ong nội của đồng bào Mông trên cao nguyên đá Đồng Văn, vị ngọt thanh, thơm mùi hoa bạc hà.' });
    // Re-number the demo commune's codes after the move above.
    let seq = 0;
    for (const p of data.products.filter((x) => x.communeCode === '00769')) p.code = `08-00769-${++seq}-${p.code.slice(-4)}`;
    data.sequence.set('00769', seq);
    await writeRegistry(tx, data);
    const ctx = { actor: PUBLIC, tx, log: console as never, now: new Date() };
    for (const a of DEMO_ACCOUNTS) {
      await createUser(ctx, { ...a, password: DEMO_PASSWORD, entityId: a.role === 'entity' ? demo.id : null }, { checkPolicy: false, checkPassword: false });
    }
    await seedDemoCertificates(tx);
    await seedDemoDossiers(tx);
    await seedDemoIntegrity(tx);
    await assignMissingGtins(tx, gs1Prefix);
    await seedDemoTrace(tx, gs1Prefix);
    await seedDemoChannels(tx);
    await seedDemoPlans(tx);
    await seedDemoContent(tx);
    await seedDemoTradeEvents(tx);
    await seedDemoReports(tx);
    await seedDemoInspections(tx);
    await seedDemoCapacity(tx);
  });
  await database.db.execute(sql`ANALYZE`);
}

/** National-scale test data (deterministic): `ocop seed --synthetic --entities N --products M`. */
export async function seedSynthetic(database: Database, entities: number, products: number) {
  await database.db.transaction(async (tx) => {
    const start = new Map((await query<{ commune_code: string; last_value: number }>(tx, sql`SELECT commune_code, last_value FROM commune_product_seq`)).map((r) => [r.commune_code, Number(r.last_value)]));
    const [{ n }] = await query<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM entity`);
    const data = generateRegistry({ entities, products, communes: await communes(tx), seed: 1_000_003 + Number(n), startSequence: start });
    // Registration numbers must stay unique when synthetic data is added to a database that has some already.
    for (const e of data.entities) e.registrationNumber = `S${Number(n)}-${e.registrationNumber}`.slice(0, 30);
    await writeRegistry(tx, data);
  });
  await database.db.execute(sql`ANALYZE`); // fresh statistics, so the planner uses the search indexes
}

export async function isEmpty(db: Queryable): Promise<boolean> {
  const [{ n }] = await query<{ n: number }>(db, sql`SELECT (SELECT count(*) FROM entity) + (SELECT count(*) FROM app_user) AS n`);
  return Number(n) === 0;
}
