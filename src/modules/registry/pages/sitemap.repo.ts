// The sitemap's queries: what the public may see (the same visibility as the catalogue), a page of ids at a time.
import { asc, count, eq } from 'drizzle-orm';
import { PUBLIC } from '../../../app/actor.js';
import type { Queryable } from '../../../app/db.js';
import { entityVisibility, productVisibility } from '../registry.policy.js';
import { entity, product } from '../registry.tables.js';

export async function countPublicProducts(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(product).innerJoin(entity, eq(entity.id, product.entityId)).where(productVisibility(PUBLIC));
  return Number(row.n);
}

export async function countPublicEntities(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(entity).where(entityVisibility(PUBLIC));
  return Number(row.n);
}

export function publicProductsPage(db: Queryable, page: number, size: number) {
  return db.select({ id: product.id, updatedAt: product.updatedAt }).from(product).innerJoin(entity, eq(entity.id, product.entityId))
    .where(productVisibility(PUBLIC)).orderBy(asc(product.id)).limit(size).offset((page - 1) * size);
}

export function publicEntitiesPage(db: Queryable, page: number, size: number) {
  return db.select({ id: entity.id, updatedAt: entity.updatedAt }).from(entity)
    .where(entityVisibility(PUBLIC)).orderBy(asc(entity.id)).limit(size).offset((page - 1) * size);
}
