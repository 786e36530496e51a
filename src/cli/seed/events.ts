// `ocop seed --events N`: a deterministic generator of realistic EPCIS supply chains, captured through the real
// capture command (validation, hash IDs, identifier index, hash chain) in documents of 1,000 events. Each lot of an
// OCOP product makes ten events: harvest at the raw-material area, inspection, bottling (a transformation from the
// raw lot to 12 serialised jars), packing into two cartons, storage, the shipment's transaction and departure, receipt at a
// shop and a retail sale. Lot k is the same on every run, so a second run continues after the events already stored
// instead of repeating them.
import { sql } from 'drizzle-orm';
import { systemActor } from '../../app/actor.js';
import { query, type Database } from '../../app/db.js';
import { captureDocument, EPCIS_CONTEXT } from '../../modules/trace/index.js';

export const EVENTS_PER_LOT = 10;
export const JARS_PER_LOT = 12;
const COMPANIES = 500;
const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);

const checkDigit = (body: string) => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
};
const withCheck = (body: string) => body + checkDigit(body);

/** A small deterministic PRNG (mulberry32): the same lot number always draws the same values. */
function draw(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = [
  { raw: 'mật ong thô', uom: 'KGM' }, { raw: 'chè búp tươi', uom: 'KGM' }, { raw: 'cá cơm', uom: 'KGM' }, { raw: 'lúa ST25', uom: 'KGM' },
];

/** The keys of one synthetic company (GS1 prefix 893 + 4 digits: Việt Nam's GS1 prefix). */
export function companyKeys(c: number) {
  const prefix = `893${String(9000 + (c % COMPANIES)).padStart(4, '0')}`; // 7 digits
  const gtin = (item: number) => `0${withCheck(prefix + String(item).padStart(5, '0'))}`;
  const gln = (loc: number) => withCheck(prefix + String(loc).padStart(5, '0'));
  return { prefix, raw: gtin(1), jar: gtin(2), area: gln(1), workshop: gln(2), warehouse: gln(3), shop: withCheck(`8939999${String(c % 97).padStart(5, '0')}`) };
}

const DL = 'https://id.gs1.org';
/** A time as Việt Nam's clocks read it, with its offset (`2025-01-01T07:00:00.000+07:00`). */
const iso = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().replace('Z', '+07:00');

/** The identifiers of lot k: what a benchmark or a test looks events up by. */
export function lotIdentifiers(k: number) {
  const keys = companyKeys(k);
  const lot = `L${k}`;
  return {
    keys, lot,
    rawLot: `${DL}/01/${keys.raw}/10/${lot}`,
    jarLot: `${DL}/01/${keys.jar}/10/${lot}`,
    jars: Array.from({ length: JARS_PER_LOT }, (_, j) => `${DL}/01/${keys.jar}/21/${lot}-${j + 1}`),
    cartons: [0, 1].map((c) => `urn:epc:id:sscc:${keys.prefix}.${String(k * 2 + c).padStart(10, '0').slice(-10)}`),
  };
}

/** The ten events of lot k, times spread over two years (a lot every few minutes, its steps days apart). */
export function lotEvents(k: number): Record<string, unknown>[] {
  const r = draw(k + 1);
  const { keys, lot, rawLot, jarLot, jars, cartons } = lotIdentifiers(k);
  const product = PRODUCTS[k % PRODUCTS.length];
  const t0 = START + (k % 200_000) * 5 * 60_000;
  const at = (days: number) => iso(t0 + days * DAY + Math.floor(r() * 3_600_000));
  const kg = Math.round((50 + r() * 200) * 10) / 10;
  const base = { eventTimeZoneOffset: '+07:00' };
  return [
    { type: 'ObjectEvent', eventTime: at(0), ...base, action: 'ADD', bizStep: 'commissioning', disposition: 'active',
      quantityList: [{ epcClass: rawLot, quantity: kg, uom: product.uom }], readPoint: { id: `${DL}/414/${keys.area}` }, bizLocation: { id: `${DL}/414/${keys.area}` },
      ilmd: { 'cbvmda:harvestStartDate': at(0).slice(0, 10), 'ocop:rawMaterial': product.raw },
      sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: Math.round((18 + r() * 14) * 10) / 10, uom: 'CEL' }] }] },
    { type: 'ObjectEvent', eventTime: at(1), ...base, action: 'OBSERVE', bizStep: 'inspecting', disposition: 'conformant',
      quantityList: [{ epcClass: rawLot, quantity: kg, uom: product.uom }], readPoint: { id: `${DL}/414/${keys.workshop}` } },
    { type: 'TransformationEvent', eventTime: at(2), ...base, bizStep: 'commissioning', disposition: 'active', transformationID: `urn:ocop:tf:${keys.prefix}:${lot}`,
      inputQuantityList: [{ epcClass: rawLot, quantity: kg, uom: product.uom }], outputQuantityList: [{ epcClass: jarLot, quantity: JARS_PER_LOT, uom: 'H87' }],
      outputEPCList: jars, readPoint: { id: `${DL}/414/${keys.workshop}` }, ilmd: { 'cbvmda:bestBeforeDate': at(730).slice(0, 10), 'cbvmda:lotNumber': lot } },
    ...cartons.map((carton, c) => ({ type: 'AggregationEvent', eventTime: at(3), ...base, action: 'ADD', bizStep: 'packing', disposition: 'in_progress',
      parentID: carton, childEPCs: jars.slice(c * 6, c * 6 + 6), readPoint: { id: `${DL}/414/${keys.workshop}` } })),
    { type: 'TransactionEvent', eventTime: at(5), ...base, action: 'ADD', bizStep: 'shipping', disposition: 'in_transit', epcList: cartons,
      bizTransactionList: [{ type: 'po', bizTransaction: `urn:ocop:po:${keys.prefix}:${k}` }],
      sourceList: [{ type: 'owning_party', source: `${DL}/417/${keys.area}` }], destinationList: [{ type: 'location', destination: `${DL}/414/${keys.shop}` }] },
    { type: 'ObjectEvent', eventTime: at(4), ...base, action: 'OBSERVE', bizStep: 'storing', disposition: 'sellable_not_accessible', epcList: cartons,
      readPoint: { id: `${DL}/414/${keys.warehouse}` }, bizLocation: { id: `${DL}/414/${keys.warehouse}` } },
    { type: 'ObjectEvent', eventTime: at(5), ...base, action: 'OBSERVE', bizStep: 'departing', disposition: 'in_transit', epcList: cartons, readPoint: { id: `${DL}/414/${keys.warehouse}` } },
    { type: 'ObjectEvent', eventTime: at(7), ...base, action: 'OBSERVE', bizStep: 'receiving', disposition: 'sellable_accessible', epcList: cartons,
      readPoint: { id: `${DL}/414/${keys.shop}` }, bizLocation: { id: `${DL}/414/${keys.shop}` } },
    { type: 'ObjectEvent', eventTime: at(9), ...base, action: 'OBSERVE', bizStep: 'retail_selling', disposition: 'retail_sold', epcList: [jars[Math.floor(r() * JARS_PER_LOT)]],
      readPoint: { id: `${DL}/414/${keys.shop}` } },
  ];
}

/** An EPCISDocument of the lots [from, from + lots). */
export function lotsDocument(from: number, lots: number) {
  const events = [];
  for (let k = from; k < from + lots; k++) events.push(...lotEvents(k));
  return { '@context': [EPCIS_CONTEXT, { ocop: 'https://ocop.gov.vn/epcis/' }], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: iso(START), epcisBody: { eventList: events } };
}

/** Captures about `count` events (whole lots) after those already stored, 1,000 per document; returns what it did. */
export async function seedEvents(database: Database, count: number, progress: (done: number) => void = () => {}): Promise<{ events: number; lots: number; firstLot: number; ms: number }> {
  const [{ n }] = await query<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM epcis_event`);
  const firstLot = Math.ceil(Number(n) / EVENTS_PER_LOT);
  const lots = Math.ceil(count / EVENTS_PER_LOT);
  const perDoc = 1000 / EVENTS_PER_LOT;
  const t = Date.now();
  const actor = systemActor('seed-events');
  for (let k = firstLot; k < firstLot + lots; k += perDoc) {
    const doc = lotsDocument(k, Math.min(perDoc, firstLot + lots - k));
    await database.db.transaction((tx) => captureDocument({ actor, tx, log: console as never, now: new Date() }, doc, { maxEvents: 10_000 }));
    progress((k - firstLot + perDoc) * EVENTS_PER_LOT);
  }
  return { events: lots * EVENTS_PER_LOT, lots, firstLot, ms: Date.now() - t };
}
