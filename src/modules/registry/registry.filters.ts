// The list filters of GET /entities and GET /products, over what the actor may see; the exports use the same.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import type { entityListQuery, productListQuery } from './registry.contract.js';
import { entityVisibility, productVisibility } from './registry.policy.js';
import { nameMatches } from './registry.repo.js';
import { entity, product, productSet } from './registry.tables.js';

type Filters<T extends z.ZodType> = Omit<z.infer<T>, 'page' | 'pageSize' | 'sort'>;

/**
 * A search over a folded name: the words in order (nameMatches), and each word on its own as well (for a one-word
 * search, the same pattern again). The extra clauses change no result (they hold whenever the whole pattern does)
 * but make the planner take a match for as rare as it is: it multiplies the clauses' selectivities. Without them
 * it takes a search's matches to be spread evenly over the list's order and walks the name index (migration 0017)
 * until a page is found; but matches cluster ("mat ong" finds the names that start with "Mật ong"), so that walk
 * read half the table: 147 ms against 21 ms through the trigram index on 200,000 products. With them a search
 * reads its matches through the trigram index, its cost bounded by the matches (test/explain.test.ts checks it).
 * Entities search so; a product search reads its words' index instead (registry.repo.ts listProducts).
 */
function searchMatches(foldColumn: SQL, q: string | undefined): SQL | undefined {
  const words = (q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
  return and(nameMatches(foldColumn, q), ...words.map((w) => nameMatches(foldColumn, w)));
}

export function entityFilter(actor: Actor, qy: Filters<typeof entityListQuery>): SQL | undefined {
  return and(
    entityVisibility(actor),
    searchMatches(sql`${entity}.name_fold`, qy.q),
    qy.province ? eq(entity.provinceCode, qy.province) : undefined,
    qy.commune ? eq(entity.communeCode, qy.commune) : undefined,
    qy.type ? eq(entity.type, qy.type) : undefined,
    qy.status ? eq(entity.status, qy.status) : undefined,
  );
}

/** The filters of a product list; its search words (`q`) are listProducts' own (registry.repo.ts). */
export function productFilter(actor: Actor, qy: Omit<Filters<typeof productListQuery>, 'q'>): SQL | undefined {
  return and(
    productVisibility(actor),
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
