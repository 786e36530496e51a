// Queries of the producer's traceability records: locations, lots and the events recorded about a lot. No decisions.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { entity, product } from '../registry/index.js';
import { lotClass, rawMaterialClass } from './recording.rules.js';
import { traceLocation, traceLot } from './trace.tables.js';

const communeName = sql<string | null>`(SELECT full_name FROM commune WHERE code = ${traceLocation.communeCode})`;
export type LocationRow = typeof traceLocation.$inferSelect & { communeName: string | null };

export async function listLocations(db: Queryable, entityId: string): Promise<LocationRow[]> {
  const rows = await db.select({ l: traceLocation, communeName }).from(traceLocation).where(eq(traceLocation.entityId, entityId)).orderBy(traceLocation.createdAt, traceLocation.id).limit(500);
  return rows.map((r) => ({ ...r.l, communeName: r.communeName }));
}

export async function getLocations(db: Queryable, ids: string[]): Promise<LocationRow[]> {
  if (!ids.length) return [];
  const rows = await db.select({ l: traceLocation, communeName }).from(traceLocation).where(inArray(traceLocation.id, ids));
  return rows.map((r) => ({ ...r.l, communeName: r.communeName }));
}

export async function locationNamesByGln(db: Queryable, glns: string[]): Promise<Map<string, string>> {
  if (!glns.length) return new Map();
  const rows = await db.select({ gln: traceLocation.gln, name: traceLocation.name }).from(traceLocation).where(inArray(traceLocation.gln, glns));
  return new Map(rows.map((r) => [r.gln, r.name]));
}

/** The entity a record belongs to, with its scope (for the policy). */
export async function getEntityScope(db: Queryable, id: string) {
  const [row] = await db.select({ id: entity.id, provinceCode: entity.provinceCode, communeCode: entity.communeCode, status: entity.status, gs1CompanyPrefix: entity.gs1CompanyPrefix })
    .from(entity).where(eq(entity.id, id));
  return row;
}

const lotColumns = {
  lot: traceLot, productName: product.name, entityId: product.entityId,
  provinceCode: product.provinceCode, communeCode: product.communeCode,
};
export type LotRow = { lot: typeof traceLot.$inferSelect; productName: string; entityId: string; provinceCode: string; communeCode: string };

export async function getLot(db: Queryable, id: string): Promise<LotRow | undefined> {
  const [row] = await db.select(lotColumns).from(traceLot).innerJoin(product, eq(product.id, traceLot.productId)).where(eq(traceLot.id, id));
  return row;
}

export async function findLot(db: Queryable, gtin: string, lot: string): Promise<LotRow | undefined> {
  const [row] = await db.select(lotColumns).from(traceLot).innerJoin(product, eq(product.id, traceLot.productId)).where(and(eq(traceLot.gtin, gtin), eq(traceLot.lot, lot)));
  return row;
}

/** The newest lots of a product or of an entity, at most `limit`. */
export function listLots(db: Queryable, by: { productId?: string; entityId?: string }, limit: number): Promise<LotRow[]> {
  return db.select(lotColumns).from(traceLot).innerJoin(product, eq(product.id, traceLot.productId))
    .where(and(by.productId ? eq(traceLot.productId, by.productId) : undefined, by.entityId ? eq(product.entityId, by.entityId) : undefined))
    .orderBy(desc(traceLot.createdAt), desc(traceLot.id)).limit(limit);
}

/** How many lots of a product are labelled `L{yymmdd}-…` (the next automatic code's counter). */
export async function countLotsOfDay(db: Queryable, productId: string, prefix: string): Promise<number> {
  const [row] = await query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM trace_lot WHERE product_id = ${productId} AND lot LIKE ${`${prefix}%`}`);
  return Number(row.n);
}

export type LotEvent = { eventId: string; eventType: string; bizStep: string | null; eventTime: string; bizLocation: string | null; readPoint: string | null };

/** The events that name a lot or its raw material (any role), oldest first. */
export async function eventsOfLot(db: Queryable, l: { id: string; gtin: string; lot: string }): Promise<LotEvent[]> {
  return query<LotEvent>(db, sql`
    SELECT e.event_id AS "eventId", e.event_type AS "eventType", e.biz_step AS "bizStep", to_json(e.event_time) #>> '{}' AS "eventTime",
           e.biz_location AS "bizLocation", e.read_point AS "readPoint"
    FROM epcis_event e
    WHERE e.seq IN (SELECT x.event_seq FROM epcis_event_epc x WHERE x.epc IN (${lotClass(l.gtin, l.lot)}, ${rawMaterialClass(l.id)}))
    ORDER BY e.event_time, e.seq LIMIT 500`);
}
