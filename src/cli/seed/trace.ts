// Demo traceability (issue 12): the demo's flagship products — the Mèo Vạc mint honey, a Shan tuyết tea, a fish
// sauce, an ST25 rice — get their entity's places as GLNs (raw-material area, workshop, shop) and one batch each
// with its whole journey from the raw-material area to the shop, captured through the EPCIS repository's own
// captureDocument on the entity's hash chain, so the QR code on their product pages opens a real trace page.
import { sql } from 'drizzle-orm';
import { systemActor } from '../../app/actor.js';
import { query, type Queryable } from '../../app/db.js';
import { glnUnderPrefix } from '../../app/gs1.js';
import { captureDocument, epcisDocument, stepEvent, traceLocation, traceLot, type LocationKind, type Step } from '../../modules/trace/index.js';

type Chain = { product: string; area: string; lat: number; lon: number; lot: string; quantity: number; uom: 'KGM' | 'LTR' };
/** The flagship of each chain: the product found by name (the first published one), its raw-material area. */
const CHAINS: Chain[] = [
  { product: 'Mật ong bạc hà Mèo Vạc', area: 'Vùng hoa bạc hà cao nguyên đá Mèo Vạc', lat: 23.16, lon: 105.41, lot: 'MO2603-01', quantity: 180, uom: 'KGM' },
  { product: 'Chè Shan tuyết%', area: 'Vùng chè Shan tuyết cổ thụ', lat: 22.35, lon: 104.8, lot: 'CST2603-01', quantity: 250, uom: 'KGM' },
  { product: 'Nước mắm%', area: 'Vùng khai thác cá cơm ven biển', lat: 10.2, lon: 106.4, lot: 'NM2603-01', quantity: 900, uom: 'LTR' },
  { product: 'Gạo ST25%', area: 'Cánh đồng lúa ST25 luân canh tôm', lat: 9.6, lon: 105.97, lot: 'ST2603-01', quantity: 2000, uom: 'KGM' },
];

const PLACES: { kind: LocationKind; name: (c: Chain) => string; at: Step[] }[] = [
  { kind: 'raw_material_area', name: (c) => c.area, at: ['harvest'] },
  { kind: 'workshop', name: () => 'Xưởng sơ chế và đóng gói', at: ['processing', 'packing', 'shipping'] },
  { kind: 'shop', name: () => 'Điểm bán sản phẩm OCOP', at: ['receiving'] },
];
/** Days after the batch's start, and the local hour, of each step. */
const SCHEDULE: Record<Step, [number, number]> = { harvest: [0, 6], processing: [1, 9], packing: [3, 8], shipping: [4, 7], receiving: [4, 16] };

async function nextGln(tx: Queryable, prefix: string) {
  const [row] = await query<{ v: number | string }>(tx, sql`SELECT nextval('programme_gln_location_seq') AS v`);
  return glnUnderPrefix(prefix, Number(row.v));
}

/** Call inside seedDemo's transaction, after the products have their GTINs. `start`: the first batch's harvest day. */
export async function seedDemoTrace(tx: Queryable, gs1Prefix: string, start = new Date('2026-03-02T00:00:00+07:00')): Promise<number> {
  let events = 0;
  for (const chain of CHAINS) {
    const [p] = await query<{ id: string; gtin: string; entity_id: string; commune_code: string; province_code: string }>(tx, sql`
      SELECT p.id, p.gtin, p.entity_id, p.commune_code, p.province_code FROM product p JOIN entity e ON e.id = p.entity_id
      WHERE p.name LIKE ${chain.product} AND p.gtin IS NOT NULL AND p.status <> 'draft' AND e.status = 'approved'
      ORDER BY (p.status = 'certified') DESC, p.stars DESC NULLS LAST, p.code LIMIT 1`);
    if (!p) continue;
    const gln = new Map<Step, string>();
    for (const place of PLACES) {
      const [row] = await tx.insert(traceLocation).values({
        entityId: p.entity_id, gln: await nextGln(tx, gs1Prefix), kind: place.kind, name: place.name(chain),
        communeCode: p.commune_code, provinceCode: p.province_code,
        ...(place.kind === 'raw_material_area' ? { latitude: chain.lat, longitude: chain.lon } : {}),
      }).returning();
      for (const step of place.at) gln.set(step, row.gln);
    }
    const producedOn = new Date(start.getTime() + 7 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    const expiresOn = `${Number(producedOn.slice(0, 4)) + 2}${producedOn.slice(4)}`;
    const [lot] = await tx.insert(traceLot).values({ productId: p.id, gtin: p.gtin, lot: chain.lot, producedOn, expiresOn, quantity: String(chain.quantity), uom: chain.uom }).returning();
    const steps = Object.keys(SCHEDULE) as Step[];
    const list = steps.map((step) => stepEvent({
      step, at: new Date(start.getTime() + SCHEDULE[step][0] * 86_400_000 + SCHEDULE[step][1] * 3600_000),
      gtin: p.gtin, lot: lot.lot, lotId: lot.id, gln: gln.get(step)!, destinationGln: step === 'shipping' ? gln.get('receiving') : null,
      sourceGln: step === 'receiving' ? gln.get('shipping') : null, quantity: step === 'harvest' ? chain.quantity * 1.25 : chain.quantity,
      uom: chain.uom, producedOn, expiresOn,
    }));
    const ctx = { actor: systemActor('demo-seed'), tx, log: console as never, now: new Date() };
    const result = await captureDocument(ctx, epcisDocument(list, ctx.now), { entityId: p.entity_id });
    events += result.eventIds.length;
  }
  return events;
}
