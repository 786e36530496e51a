// The queries an import of steps plans with: the products a file names, the entity's batches and places, and the
// steps already recorded on those batches. No decisions.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../app/db.js';
import { product } from '../../registry/index.js';
import { eventsOfLot, listLocations, type LocationRow } from '../producer.repo.js';
import { stepOfEvent, type TimedStep } from '../recording.rules.js';
import { traceLot } from '../trace.tables.js';

export type ProductRef = { id: string; code: string; gtin: string | null; name: string; entityId: string };
export type LotRef = { id: string; lot: string; gtin: string; productId: string; productName: string };
export type Lookups = { products: ProductRef[]; lots: LotRef[]; places: LocationRow[]; recorded: Map<string, TimedStep[]> };

/** Products by code or GTIN, whoever owns them (the plan tells the entity's own from another's). */
async function productsNamed(db: Queryable, codes: string[], gtins: string[]): Promise<ProductRef[]> {
  if (!codes.length && !gtins.length) return [];
  return db.select({ id: product.id, code: product.code, gtin: product.gtin, name: product.name, entityId: product.entityId }).from(product)
    .where(or(codes.length ? inArray(sql`upper(${product.code})`, codes.map((c) => c.toUpperCase())) : undefined, gtins.length ? inArray(product.gtin, gtins) : undefined));
}

/** The entity's batches bearing these lot codes (any of its products). */
async function lotsOfEntity(db: Queryable, entityId: string, codes: string[]): Promise<LotRef[]> {
  if (!codes.length) return [];
  return db.select({ id: traceLot.id, lot: traceLot.lot, gtin: traceLot.gtin, productId: traceLot.productId, productName: product.name })
    .from(traceLot).innerJoin(product, eq(product.id, traceLot.productId))
    .where(and(eq(product.entityId, entityId), inArray(traceLot.lot, codes)));
}

export async function importLookups(db: Queryable, entityId: string, names: { codes: string[]; gtins: string[]; lots: string[] }): Promise<Lookups> {
  const [products, lots, places] = [await productsNamed(db, names.codes, names.gtins), await lotsOfEntity(db, entityId, names.lots), await listLocations(db, entityId)];
  const recorded = new Map<string, TimedStep[]>();
  for (const l of lots) {
    const events = await eventsOfLot(db, { id: l.id, gtin: l.gtin, lot: l.lot });
    recorded.set(l.id, events.flatMap((e) => {
      const step = stepOfEvent(e.eventType, e.bizStep);
      return step ? [{ step, at: e.eventTime }] : [];
    }));
  }
  return { products, lots, places, recorded };
}

/** The entity's products for the template's lists (the newest 500: a household has a handful). */
export function productsOfEntity(db: Queryable, entityId: string): Promise<{ code: string; gtin: string | null; name: string }[]> {
  return db.select({ code: product.code, gtin: product.gtin, name: product.name }).from(product).where(eq(product.entityId, entityId)).orderBy(product.name).limit(500);
}
