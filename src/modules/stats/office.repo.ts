// The office dashboard's live counts of records by status (entities, products, dossiers, sales channels) within an
// area: figures about records not yet published, for the officers of the area only (stats.policy.ts). Each is one
// grouped count over the module's table with its own province and commune columns.
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import type { Area } from './counts.repo.js';

export const STATUS_TABLES = { entity: 'entity', product: 'product', dossier: 'dossier', channel: 'sales_channel' } as const;
export type StatusOf = keyof typeof STATUS_TABLES;

export async function countByStatus(db: Queryable, a: Area, of: StatusOf): Promise<{ key: string; n: number }[]> {
  const table = sql.raw(STATUS_TABLES[of]);
  const where = a.commune ? sql`WHERE commune_code = ${a.commune}` : a.province ? sql`WHERE province_code = ${a.province}` : sql``;
  const rows = await query<{ key: string; n: number }>(db, sql`SELECT status AS key, count(*)::int AS n FROM ${table} ${where} GROUP BY 1 ORDER BY 1`);
  return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
}

/** The province of a commune (undefined when it does not exist). */
export async function provinceOfCommune(db: Queryable, commune: string): Promise<string | undefined> {
  return (await query<{ p: string }>(db, sql`SELECT province_code AS p FROM commune WHERE code = ${commune}`))[0]?.p;
}
