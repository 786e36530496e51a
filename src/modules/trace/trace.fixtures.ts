// A traced product for the trace module's tests: an entity and its published product (through the API), a GTIN,
// a lot, the entity's places (a raw-material area, a workshop, a warehouse, a shop) and the journey's EPCIS events
// (harvest of the raw honey, its transformation into the lot, packing, shipping, retail). The GTIN, places and
// events are written with SQL: the producer UI (branch `ids`) and the capture interface (branch `epcis`) are
// another engineer's, and these tests are about reading them.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { MEO_VAC, type Session, type TestApp } from '../../../test/harness.js';
import { makeEntity, makeProduct } from '../../../test/api-helpers.js';
import { checkDigit, gtinUnderPrefix } from './gs1.rules.js';

let item = Math.floor(Math.random() * 50_000);
const gln = () => { const body = `893${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`; return body + checkDigit(body); };
const dl = (path: string) => `https://id.gs1.org${path}`;

export type Traced = {
  central: Session; entity: Session; entityId: string; productId: string; productName: string;
  gtin: string; rawGtin: string; lot: string; lotId: string; certificate: string; glns: Record<'area' | 'workshop' | 'warehouse' | 'shop', string>;
};

export async function tracedProduct(t: TestApp, opts: { central?: Session } = {}): Promise<Traced> {
  const central = opts.central ?? await t.user('central');
  const e = await makeEntity(t, central, MEO_VAC);
  const entity = await t.user('entity', { entityId: e.id });
  const productName = `Mật ong bạc hà Mèo Vạc ${randomBytes(2).toString('hex')}`;
  const p = await makeProduct(t, central, e.id, { name: productName, status: 'registered', description: 'Ong ăn hoa bạc hà trên cao nguyên đá.' });
  const raw = await makeProduct(t, central, e.id, { name: 'Mật ong thô', status: 'registered' });
  const gtin = gtinUnderPrefix('8930001', ++item);
  const rawGtin = gtinUnderPrefix('8930001', ++item);
  const db = t.database.db;
  await db.execute(sql`UPDATE product SET gtin = ${gtin}, stars = 4 WHERE id = ${p.id}`);
  await db.execute(sql`UPDATE product SET gtin = ${rawGtin} WHERE id = ${raw.id}`);
  const lot = `L${randomBytes(3).toString('hex').toUpperCase()}`;
  const lotId = randomUUID();
  await db.execute(sql`INSERT INTO trace_lot (id, product_id, gtin, lot, produced_on, expires_on) VALUES (${lotId}, ${p.id}, ${gtin}, ${lot}, '2026-03-01', '2028-03-01')`);
  const glns = { area: gln(), workshop: gln(), warehouse: gln(), shop: gln() };
  const places: [keyof typeof glns, string, string, string, number | null, number | null][] = [
    ['area', 'raw_material_area', 'Vùng bạc hà Pải Lủng', '08', 105.4, 23.15],
    ['workshop', 'workshop', 'Xưởng chế biến Mèo Vạc', '08', null, null],
    ['warehouse', 'warehouse', 'Kho Long Biên', '01', 105.88, 21.04],
    ['shop', 'shop', 'Cửa hàng OCOP Quận 1', '79', 106.7, 10.78],
  ];
  for (const [k, kind, name, province, lon, lat] of places) {
    await db.execute(sql`INSERT INTO trace_location (entity_id, gln, kind, name, province_code, longitude, latitude, description)
      VALUES (${e.id}, ${glns[k]}, ${kind}, ${name}, ${province}, ${lon}, ${lat}, ${kind === 'raw_material_area' ? 'Hoa bạc hà dại, 1.200 m' : null})`);
  }
  // The journey: raw honey harvested → transformed into the lot → packed → shipped → sold.
  const capture = `cap-${randomBytes(6).toString('hex')}`;
  await db.execute(sql`INSERT INTO epcis_capture (id, entity_id, running, success) VALUES (${capture}, ${e.id}, false, true)`);
  const rawLot = dl(`/01/${rawGtin}/10/R${lot}`);
  const theLot = dl(`/01/${gtin}/10/${lot}`);
  const events: [string, string, string, keyof typeof glns, [string, string][]][] = [
    ['ObjectEvent', '2026-02-20T07:00:00+07:00', 'commissioning', 'area', [['class', rawLot]]],
    ['TransformationEvent', '2026-02-25T08:00:00+07:00', 'https://ref.gs1.org/cbv/BizStep-creating_class_instance', 'workshop', [['inputClass', rawLot], ['outputClass', theLot]]],
    ['ObjectEvent', '2026-03-01T09:00:00+07:00', 'packing', 'workshop', [['class', theLot]]],
    ['ObjectEvent', '2026-03-05T10:00:00+07:00', 'shipping', 'warehouse', [['class', theLot]]],
    ['ObjectEvent', '2026-03-09T11:00:00+07:00', 'retail_selling', 'shop', [['class', theLot]]],
  ];
  for (const [type, time, step, where, ids] of events) {
    const [row] = (await db.execute(sql`INSERT INTO epcis_event (event_id, capture_id, entity_id, event_type, event_time, event_time_zone, biz_step, biz_location, body)
      VALUES (${`ni:///sha-256;${randomBytes(32).toString('hex')}?ver=CBV2.0`}, ${capture}, ${e.id}, ${type}, ${time}, '+07:00', ${step}, ${dl(`/414/${glns[where]}`)}, ${JSON.stringify({ type })}::jsonb)
      RETURNING seq`) as unknown as { rows: { seq: number }[] }).rows;
    for (const [role, epc] of ids) await db.execute(sql`INSERT INTO epcis_event_epc (event_seq, role, epc) VALUES (${row.seq}, ${role}, ${epc})`);
  }
  // Its OCOP certificate, in force.
  const certificate = `OCOP-T-${randomBytes(3).toString('hex').toUpperCase()}`;
  await db.execute(sql`INSERT INTO certificate (number, product_id, entity_id, province_code, stars, kind, authority_level, authority, decision_number, decided_on, issued_on, expires_on, instrument)
    VALUES (${certificate}, ${p.id}, ${e.id}, '08', 4, 'first', 'province', 'UBND tỉnh Tuyên Quang', '123/QĐ-UBND', '2026-01-10', '2026-01-10', '2099-01-10', 'QĐ 26/2026/QĐ-TTg')`);
  return { central, entity, entityId: e.id, productId: p.id, productName, gtin, rawGtin, lot, lotId, certificate, glns };
}
