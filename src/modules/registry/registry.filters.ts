// The list filters of GET /entities and GET /products, over what the actor may see; the exports use the same.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import type { entityListQuery, productListQuery } from './registry.contract.js';
import { entityVisibility, productVisibility } from './registry.policy.js';
import { nameMatches } from './registry.repo.js';
import { entity, product, productSet } from './registry.tables.js';

type Filters<T extends z.ZodType> = Omit<z.infer<T>, 'page' | 'pageSize' | 'sort'>;

export function entityFilter(actor: Actor, qy: Filters<typeof entityListQuery>): SQL | undefined {
  return and(
    entityVisibility(actor),
    nameMatches(sql`${entity}.name_fold`, qy.q),
    qy.province ? eq(entity.provinceCode, qy.province) : undefined,
    qy.commune ? eq(entity.communeCode, qy.commune) : undefined,
    qy.type ? eq(entity.type, qy.type) : undefined,
    qy.status ? eq(entity.status, qy.status) : undefined,
  );
}

export function productFilter(actor: Actor, qy: Filters<typeof productListQuery>): SQL | undefined {
  return and(
    productVisibility(actor),
    nameMatches(sql`${product}.name_fold`, qy.q),
    qy.province ? eq(product.provinceCode, qy.province) : undefined,
    qy.commune ? eq(product.communeCode, qy.commune) : undefined,
    qy.productSet ? eq(product.productSet, qy.productSet) : undefined,
    qy.sector ? eq(productSet.sectorCode, qy.sector) : undefined,
    qy.group ? eq(productSet.groupCode, qy.group) : undefined,
    qy.status ? eq(product.status, qy.status) : undefined,
    qy.entityType ? eq(entity.type, qy.entityType) : undefined,
    qy.entity ? eq(product.entityId, qy.entity) : undefined,
    qy.stars ? eq(product.stars, qy.stars) : undefined,
  );
}
