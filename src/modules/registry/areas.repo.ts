// Raw-material area queries: no decisions. Lists fetch the page's ids through an index, then decorate those rows.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../app/db.js';
import { after, countCapped, inOrder, keyFields, limits, orderBy, pageEnd, type KeysetPage, type KeyValues, type SortKey } from '../../app/paging.js';
import { rawMaterialArea, rawMaterialAreaProduct, type AreaRow } from './areas.tables.js';
import { entity, product } from './registry.tables.js';

export type AreaView = { area: AreaRow; entityName: string; products: { id: string; name: string }[] };

async function decorate(db: Queryable, rows: { area: AreaRow; entityName: string }[]): Promise<AreaView[]> {
  if (!rows.length) return [];
  const links = await db.select({ areaId: rawMaterialAreaProduct.areaId, id: product.id, name: product.name }).from(rawMaterialAreaProduct)
    .innerJoin(product, eq(product.id, rawMaterialAreaProduct.productId))
    .where(inArray(rawMaterialAreaProduct.areaId, rows.map((r) => r.area.id))).orderBy(asc(product.name));
  return rows.map((r) => ({ ...r, products: links.filter((l) => l.areaId === r.area.id).map((l) => ({ id: l.id, name: l.name })) }));
}

const base = (db: Queryable) => db.select({ area: rawMaterialArea, entityName: entity.name }).from(rawMaterialArea).innerJoin(entity, eq(entity.id, rawMaterialArea.entityId));

export async function getArea(db: Queryable, id: string): Promise<AreaView | undefined> {
  const rows = await base(db).where(eq(rawMaterialArea.id, id));
  return (await decorate(db, rows))[0];
}

export async function getAreaForUpdate(db: Queryable, id: string): Promise<AreaRow | undefined> {
  const [row] = await db.select().from(rawMaterialArea).where(eq(rawMaterialArea.id, id)).for('update');
  return row;
}

export const areaKeys: SortKey[] = [{ expr: rawMaterialArea.createdAt, kind: 'timestamp', dir: 'desc' }, { expr: rawMaterialArea.id, kind: 'uuid', dir: 'desc' }];

export async function listAreas(db: Queryable, where: SQL | undefined, page: number, pageSize: number, after_?: KeyValues): Promise<KeysetPage<AreaView>> {
  const p = { page, pageSize, after: after_ };
  const found = await db.select({ id: rawMaterialArea.id, ...keyFields(areaKeys) }).from(rawMaterialArea)
    .where(and(where, after_ && after(areaKeys, after_))).orderBy(...orderBy(areaKeys)).limit(limits(p).limit).offset(limits(p).offset);
  const { rows: ids, nextCursor, whole } = pageEnd(found, p, 'raw_material_area', '-createdAt', areaKeys);
  const rows = ids.length ? await decorate(db, await base(db).where(inArray(rawMaterialArea.id, ids.map((r) => r.id)))) : [];
  const counted = await countCapped(db, db.select({ id: rawMaterialArea.id }).from(rawMaterialArea).where(where), whole);
  return { ...counted, nextCursor, rows: inOrder(ids, rows, (r) => r.area.id) };
}

/** Of these product ids, those that are not the entity's. */
export async function foreignProducts(db: Queryable, entityId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const own = await db.select({ id: product.id }).from(product).where(and(inArray(product.id, ids), eq(product.entityId, entityId)));
  return ids.filter((id) => !own.some((o) => o.id === id));
}

export async function linkProducts(db: Queryable, areaId: string, productIds: string[]) {
  await db.delete(rawMaterialAreaProduct).where(eq(rawMaterialAreaProduct.areaId, areaId));
  if (productIds.length) await db.insert(rawMaterialAreaProduct).values([...new Set(productIds)].map((productId) => ({ areaId, productId })));
}

/** What a trace lot may name: an area of the product's entity (or one linked to the product). */
export async function areaOfProduct(db: Queryable, areaId: string, productId: string): Promise<AreaRow | undefined> {
  const [row] = await db.select({ area: rawMaterialArea }).from(rawMaterialArea).innerJoin(product, eq(product.id, productId))
    .where(and(eq(rawMaterialArea.id, areaId), sql`(${rawMaterialArea.entityId} = ${product.entityId}
      OR EXISTS (SELECT 1 FROM raw_material_area_product l WHERE l.area_id = ${rawMaterialArea.id} AND l.product_id = ${product.id}))`));
  return row?.area;
}
