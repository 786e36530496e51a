// Tourism destination queries: no decisions. The public lists are bounded (a map shows at most a few hundred points).
import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { entity, product } from '../registry/index.js';
import type { Bbox } from './fairs.rules.js';
import { tourismDestination, type DestinationRow } from './fairs.tables.js';

export type DestinationView = DestinationRow & {
  provinceName: string; communeName: string; entityName: string | null; entityStatus: string | null;
  productName: string | null; productStars: number | null; productStatus: string | null;
};

const decorated = (db: Queryable) => db.select({
  d: tourismDestination, entityName: entity.name, entityStatus: entity.status, productName: product.name, productStars: product.stars, productStatus: product.status,
  provinceName: sql<string>`(SELECT full_name FROM province WHERE code = ${tourismDestination.provinceCode})`,
  communeName: sql<string>`(SELECT full_name FROM commune WHERE code = ${tourismDestination.communeCode})`,
}).from(tourismDestination).leftJoin(entity, eq(entity.id, tourismDestination.entityId)).leftJoin(product, eq(product.id, tourismDestination.productId));

const flat = (r: Awaited<ReturnType<ReturnType<typeof decorated>['where']>>[number]): DestinationView => ({
  ...r.d, provinceName: r.provinceName, communeName: r.communeName, entityName: r.entityName, entityStatus: r.entityStatus,
  productName: r.productName, productStars: r.productStars, productStatus: r.productStatus,
});

export async function listDestinations(db: Queryable, where: SQL | undefined, limit: number): Promise<{ total: number; rows: DestinationView[] }> {
  const rows = await decorated(db).where(where).orderBy(asc(tourismDestination.provinceCode), asc(tourismDestination.name), asc(tourismDestination.id)).limit(limit);
  const [{ n }] = await query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${tourismDestination} WHERE ${where ?? sql`TRUE`}`);
  return { total: Number(n), rows: rows.map(flat) };
}
export async function getDestination(db: Queryable, id: string): Promise<DestinationView | undefined> {
  const [row] = await decorated(db).where(eq(tourismDestination.id, id));
  return row ? flat(row) : undefined;
}
export async function lockDestination(db: Queryable, id: string) {
  const [row] = await db.select().from(tourismDestination).where(eq(tourismDestination.id, id)).for('update');
  return row;
}

/** What the public sees: published destinations, whose managing entity (if any) is approved. */
export const publicDestinations = (): SQL => sql`${tourismDestination.published} AND (${tourismDestination.entityId} IS NULL OR EXISTS (SELECT 1 FROM entity e WHERE e.id = ${tourismDestination.entityId} AND e.status = 'approved'))`;

export const inBox = (b: Bbox): SQL => and(gte(tourismDestination.longitude, b.west), lte(tourismDestination.longitude, b.east), gte(tourismDestination.latitude, b.south), lte(tourismDestination.latitude, b.north))!;

/** Near a product: the published destinations of its commune first, then the nearest others to its entity's located
 * places (trace locations with coordinates) within `km`, or, with no located place, others of its province. */
export async function destinationsNear(db: Queryable, productId: string, limit: number, km = 60) {
  return query<{ id: string; name: string; kind: string; commune_name: string; same_commune: boolean; km: number | null }>(db, sql`
    WITH p AS (SELECT p.commune_code, p.province_code, p.entity_id FROM product p WHERE p.id = ${productId}),
    origin AS (SELECT avg(l.latitude) AS lat, avg(l.longitude) AS lon FROM trace_location l, p WHERE l.entity_id = p.entity_id AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL),
    d AS (
      SELECT t.id, t.name, t.kind, (SELECT full_name FROM commune WHERE code = t.commune_code) AS commune_name, t.commune_code = p.commune_code AS same_commune,
        t.province_code = p.province_code AS same_province,
        CASE WHEN o.lat IS NULL THEN NULL ELSE 2 * 6371 * asin(least(1, sqrt(power(sin(radians(t.latitude - o.lat) / 2), 2)
          + cos(radians(o.lat)) * cos(radians(t.latitude)) * power(sin(radians(t.longitude - o.lon) / 2), 2)))) END AS km
      FROM tourism_destination t, p, origin o
      WHERE t.published AND (t.entity_id IS NULL OR EXISTS (SELECT 1 FROM entity e WHERE e.id = t.entity_id AND e.status = 'approved')) AND (t.province_code = p.province_code OR o.lat IS NOT NULL)
    )
    SELECT id, name, kind, commune_name, same_commune, round(km::numeric, 1)::float8 AS km FROM d
    WHERE same_commune OR (km IS NULL AND same_province) OR km <= ${km}
    ORDER BY same_commune DESC, km ASC NULLS LAST, name LIMIT ${limit}`);
}
