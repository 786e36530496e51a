// The trace module's reads of lots and the products they belong to (reads may join across modules).
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';

export type LotView = {
  id: string; gtin: string; lot: string; producedOn: string | null; expiresOn: string | null;
  productId: string; productName: string; stars: number | null; published: boolean;
  entityId: string; provinceCode: string; communeCode: string;
};

const day = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

export async function getLot(db: Queryable, id: string): Promise<LotView | undefined> {
  const [r] = await query<Record<string, unknown>>(db, sql`
    SELECT l.id, l.gtin, l.lot, l.produced_on, l.expires_on, p.id AS product_id, p.name, p.stars, p.entity_id, p.province_code, p.commune_code,
      (p.status <> 'draft' AND e.status = 'approved') AS published
    FROM trace_lot l JOIN product p ON p.id = l.product_id JOIN entity e ON e.id = p.entity_id WHERE l.id = ${id}`);
  if (!r) return undefined;
  return {
    id: String(r.id), gtin: String(r.gtin), lot: String(r.lot), producedOn: day(r.produced_on), expiresOn: day(r.expires_on),
    productId: String(r.product_id), productName: String(r.name), stars: r.stars === null ? null : Number(r.stars), published: Boolean(r.published),
    entityId: String(r.entity_id), provinceCode: String(r.province_code), communeCode: String(r.commune_code),
  };
}

/** A product's GTIN and whether the public may see it. */
export async function productGtin(db: Queryable, id: string): Promise<{ gtin: string | null; published: boolean } | undefined> {
  const [r] = await query<{ gtin: string | null; published: boolean }>(db, sql`
    SELECT p.gtin, (p.status <> 'draft' AND e.status = 'approved') AS published FROM product p JOIN entity e ON e.id = p.entity_id WHERE p.id = ${id}`);
  return r;
}

export type LotByKey = { id: string; lot: string; producedOn: string | null; expiresOn: string | null };

export async function lotByKey(db: Queryable, gtin: string, lot: string): Promise<LotByKey | undefined> {
  const [r] = await query<Record<string, unknown>>(db, sql`SELECT id, lot, produced_on, expires_on FROM trace_lot WHERE gtin = ${gtin} AND lot = ${lot}`);
  return r && lotKeyRow(r);
}

/** The batch of a GTIN produced last (then opened last): what the product's own code, without a lot, shows. */
export async function latestLot(db: Queryable, gtin: string): Promise<LotByKey | undefined> {
  const [r] = await query<Record<string, unknown>>(db, sql`
    SELECT id, lot, produced_on, expires_on FROM trace_lot WHERE gtin = ${gtin} ORDER BY produced_on DESC NULLS LAST, created_at DESC LIMIT 1`);
  return r && lotKeyRow(r);
}

const lotKeyRow = (r: Record<string, unknown>): LotByKey => ({ id: String(r.id), lot: String(r.lot), producedOn: day(r.produced_on), expiresOn: day(r.expires_on) });

export type PlaceRow = { gln: string; name: string; kind: string; provinceCode: string | null; latitude: number | null; longitude: number | null; description: string | null };

const place = (r: Record<string, unknown>): PlaceRow => ({
  gln: String(r.gln), name: String(r.name), kind: String(r.kind), provinceCode: (r.province_code as string | null) ?? null,
  latitude: r.latitude === null ? null : Number(r.latitude), longitude: r.longitude === null ? null : Number(r.longitude),
  description: (r.description as string | null) ?? null,
});

/** The entity's raw-material areas (trace_location kind raw_material_area), the first few. */
export async function rawMaterialAreas(db: Queryable, entityId: string): Promise<PlaceRow[]> {
  return (await query<Record<string, unknown>>(db, sql`
    SELECT gln, name, kind, province_code, latitude, longitude, description FROM trace_location
    WHERE entity_id = ${entityId} AND kind = 'raw_material_area' ORDER BY created_at LIMIT 5`)).map(place);
}

export async function placesByGln(db: Queryable, glns: string[]): Promise<Map<string, PlaceRow>> {
  if (!glns.length) return new Map();
  const rows = await query<Record<string, unknown>>(db, sql`
    SELECT gln, name, kind, province_code, latitude, longitude, description FROM trace_location WHERE gln IN (${sql.join(glns.map((g) => sql`${g}`), sql`, `)})`);
  return new Map(rows.map((r) => [String(r.gln), place(r)]));
}

export type JourneyEvent = {
  seq: number; eventType: string; eventTime: string; bizStep: string | null; disposition: string | null; bizLocation: string | null; readPoint: string | null;
  inputs: string[];
};

/**
 * The events of an identifier's journey, oldest first: the events naming it, and, back through transformations
 * (its inputs) and forward through aggregations (the case or pallet it travelled in), the events of those — at most
 * `depth` steps away and `limit` events. Events later declared in error are left out.
 */
export async function journeyEvents(db: Queryable, ids: string[], depth = 4, limit = 60): Promise<JourneyEvent[]> {
  const rows = await query<Record<string, unknown>>(db, sql`
    WITH RECURSIVE chain(epc, depth) AS (
      SELECT x, 0 FROM unnest(ARRAY[${sql.join(ids.map((i) => sql`${i}`), sql`, `)}]::text[]) AS x
      UNION
      SELECT n.epc, chain.depth + 1 FROM chain
      JOIN epcis_event_epc o ON o.epc = chain.epc AND o.role IN ('output', 'outputClass', 'child', 'childClass')
      JOIN epcis_event_epc n ON n.event_seq = o.event_seq AND (
        (o.role IN ('output', 'outputClass') AND n.role IN ('input', 'inputClass')) OR (o.role IN ('child', 'childClass') AND n.role = 'parent'))
      WHERE chain.depth < ${depth}
    ), hits AS (
      SELECT DISTINCT x.event_seq FROM (SELECT DISTINCT epc FROM chain) c JOIN epcis_event_epc x ON x.epc = c.epc
    )
    SELECT e.seq, e.event_type, e.event_time, e.biz_step, e.disposition, e.biz_location, e.read_point,
      (SELECT coalesce(array_agg(i.epc ORDER BY i.epc), ARRAY[]::text[]) FROM epcis_event_epc i WHERE i.event_seq = e.seq AND i.role IN ('input', 'inputClass')) AS inputs
    FROM hits JOIN epcis_event e ON e.seq = hits.event_seq
    WHERE NOT e.has_error_declaration
    ORDER BY e.event_time, e.seq LIMIT ${limit}`);
  return rows.map((r) => ({
    seq: Number(r.seq), eventType: String(r.event_type), eventTime: new Date(r.event_time as string).toISOString(),
    bizStep: (r.biz_step as string | null) ?? null, disposition: (r.disposition as string | null) ?? null, bizLocation: (r.biz_location as string | null) ?? null, readPoint: (r.read_point as string | null) ?? null,
    inputs: Array.isArray(r.inputs) ? r.inputs.map(String) : [],
  }));
}

/** The names of products by GTIN (a transformation's inputs shown by name). */
export async function productNamesByGtin(db: Queryable, gtins: string[]): Promise<Map<string, string>> {
  if (!gtins.length) return new Map();
  const rows = await query<{ gtin: string; name: string }>(db, sql`SELECT gtin, name FROM product WHERE gtin IN (${sql.join(gtins.map((g) => sql`${g}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.gtin, r.name]));
}

/** One more scan of a product (and lot) on a Việt Nam day, in the province the reader chose ('' when not said). */
export async function countScan(db: Queryable, productId: string, lot: string, provinceCode: string, vnDay: string) {
  await db.execute(sql`INSERT INTO trace_scan (product_id, lot, province_code, day, scans) VALUES (${productId}, ${lot}, ${provinceCode}, ${vnDay}, 1)
    ON CONFLICT (product_id, lot, province_code, day) DO UPDATE SET scans = trace_scan.scans + 1`);
}

export type LotAreaRow = { name: string; provinceCode: string; farmingStandard: string; areaHa: number | null; produce: string[]; latitude: number; longitude: number };

/** The registry's raw-material area a batch names as its origin (trace_lot.raw_material_area_id), if any. */
export async function lotArea(db: Queryable, lotId: string): Promise<LotAreaRow | undefined> {
  const [r] = await query<Record<string, unknown>>(db, sql`
    SELECT a.name, a.province_code, a.farming_standard, a.area_ha, a.produce, a.latitude, a.longitude
    FROM trace_lot l JOIN raw_material_area a ON a.id = l.raw_material_area_id WHERE l.id = ${lotId}`);
  return r && {
    name: String(r.name), provinceCode: String(r.province_code), farmingStandard: String(r.farming_standard),
    areaHa: r.area_ha === null ? null : Number(r.area_ha), produce: (typeof r.produce === 'string' ? JSON.parse(r.produce) : r.produce) as string[],
    latitude: Number(r.latitude), longitude: Number(r.longitude),
  };
}
