// The registry writes of a committed import, in batches: the same rows, codes and audit records that createEntity,
// updateEntity, createProduct and updateProduct write one by one, but a few statements per thousand records, so
// a 10,000-row workbook commits in seconds. Every created or updated record still gets its own audit row.
import { getTableColumns, getTableName, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../../app/actor.js';
import type { AuditEntry } from '../../../app/audit.js';
import { query } from '../../../app/db.js';
import { productCode } from '../registry.rules.js';
import { snapshot } from '../registry.present.js';
import { entity, product } from '../registry.tables.js';
import type { EntityRecord, ProductRecord } from './import.contract.js';

const CHUNK = 500;
function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** One audit row per record, as recordAudit writes it, a batch per statement (in order, so ids follow the rows). */
export async function recordAuditMany(ctx: Ctx, entries: AuditEntry[]): Promise<void> {
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  for (const part of chunks(entries, 1000)) {
    const json = JSON.stringify(part.map((e) => ({
      action: e.action, record_type: e.recordType, record_id: e.recordId, province_code: e.provinceCode ?? null,
      commune_code: e.communeCode ?? null, before: e.before ?? null, after: e.after ?? null,
    })));
    await ctx.tx.execute(sql`
      INSERT INTO audit_log (at, actor_id, action, record_type, record_id, province_code, commune_code, before, after)
      SELECT ${ctx.now.toISOString()}, ${actorId}, x.item->>'action', x.item->>'record_type', x.item->>'record_id',
             x.item->>'province_code', x.item->>'commune_code', NULLIF(x.item->'before', 'null'::jsonb), NULLIF(x.item->'after', 'null'::jsonb)
      FROM jsonb_array_elements(${json}::jsonb) WITH ORDINALITY AS x(item, n)
      ORDER BY x.n`);
  }
}

/**
 * INSERT … SELECT from one JSON parameter, RETURNING the rows under the Drizzle table's own keys: on the embedded
 * engine this is about twice as fast as a multi-row VALUES insert with thousands of parameters.
 */
async function insertMany<T extends PgTable>(ctx: Ctx, table: T, rows: Record<string, unknown>[]): Promise<T['$inferSelect'][]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]);
  const names = keys.map((k) => `"${columns[k].name}"`).join(', ');
  const types = keys.map((k) => `"${columns[k].name}" ${columns[k].getSQLType()}`).join(', ');
  const returning = Object.entries(columns).map(([k, c]) => `"${c.name}" AS "${k}"`).join(', ');
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(keys.map((k) => [columns[k].name, r[k] ?? null]))));
  return query<T['$inferSelect']>(ctx.tx, sql`
    INSERT INTO ${sql.raw(`"${getTableName(table)}"`)} (${sql.raw(names)})
    SELECT ${sql.raw(names)} FROM jsonb_to_recordset(${json}::jsonb) AS x(${sql.raw(types)})
    RETURNING ${sql.raw(returning)}`);
}

export type EntityRow = typeof entity.$inferSelect;
export type ProductRow = typeof product.$inferSelect;

/** Entities an officer enters are approved at once, as createEntity does for officers. */
export async function insertEntities(ctx: Ctx, records: EntityRecord[]): Promise<EntityRow[]> {
  const created: EntityRow[] = [];
  for (const part of chunks(records, 2000)) {
    created.push(...await insertMany(ctx, entity, part.map((r) => ({
      name: r.name, type: r.type, registrationNumber: r.registrationNumber, registrationDate: r.registrationDate, taxCode: r.taxCode,
      address: r.address, communeCode: r.communeCode, provinceCode: r.provinceCode, phone: r.phone, email: r.email,
      representative: r.representative, workers: r.workers, localWorkers: r.localWorkers, status: 'approved',
      createdAt: ctx.now.toISOString(), updatedAt: ctx.now.toISOString(),
    }))));
  }
  await recordAuditMany(ctx, created.map((row) => ({ action: 'entity.create', recordType: 'entity', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: snapshot(row) })));
  return created;
}

/** Locks the rows about to change and returns them as they are now (the caller compares versions). */
export async function lockEntities(ctx: Ctx, ids: string[]): Promise<Map<string, EntityRow>> {
  const out = new Map<string, EntityRow>();
  for (const part of chunks(ids, 1000)) for (const row of await ctx.tx.select().from(entity).where(inArray(entity.id, part)).for('update')) out.set(row.id, row);
  return out;
}
export async function lockProducts(ctx: Ctx, ids: string[]): Promise<Map<string, ProductRow>> {
  const out = new Map<string, ProductRow>();
  for (const part of chunks(ids, 1000)) for (const row of await ctx.tx.select().from(product).where(inArray(product.id, part)).for('update')) out.set(row.id, row);
  return out;
}

/** Updates locked entities (versions already checked); the representative keeps the fields the sheet has no column for. */
export async function updateEntities(ctx: Ctx, updates: { before: EntityRow; record: EntityRecord }[]): Promise<void> {
  for (const part of chunks(updates, 2000)) {
    const json = JSON.stringify(part.map(({ before, record: r }) => ({
      id: before.id, name: r.name, type: r.type, registration_date: r.registrationDate, tax_code: r.taxCode, address: r.address,
      commune_code: r.communeCode, province_code: r.provinceCode, phone: r.phone, email: r.email, representative: r.representative,
      workers: r.workers, local_workers: r.localWorkers,
    })));
    await ctx.tx.execute(sql`
      UPDATE entity AS e SET name = v.name, type = v.type, registration_date = v.registration_date, tax_code = v.tax_code,
        address = v.address, commune_code = v.commune_code, province_code = v.province_code, phone = v.phone, email = v.email,
        representative = e.representative || v.representative, workers = v.workers, local_workers = v.local_workers,
        updated_at = ${ctx.now.toISOString()}, version = e.version + 1
      FROM jsonb_to_recordset(${json}::jsonb) AS v(id uuid, name text, type text, registration_date date, tax_code text, address text,
        commune_code text, province_code text, phone text, email text, representative jsonb, workers int, local_workers int)
      WHERE e.id = v.id`);
    const after = await ctx.tx.select().from(entity).where(inArray(entity.id, part.map((u) => u.before.id)));
    const byId = new Map(after.map((a) => [a.id, a]));
    await recordAuditMany(ctx, part.map(({ before }) => {
      const a = byId.get(before.id)!;
      return { action: 'entity.update', recordType: 'entity', recordId: a.id, provinceCode: a.provinceCode, communeCode: a.communeCode, before: snapshot(before), after: snapshot(a) };
    }));
  }
}

export type Owner = { id: string; provinceCode: string; communeCode: string };

/** New products get their codes T-X-STT-YYYY from their commune's sequence, a block of numbers per commune at once. */
export async function insertProducts(ctx: Ctx, items: { record: ProductRecord; owner: Owner }[]): Promise<ProductRow[]> {
  if (!items.length) return [];
  const perCommune = new Map<string, number>();
  for (const { owner } of items) perCommune.set(owner.communeCode, (perCommune.get(owner.communeCode) ?? 0) + 1);
  // Communes in code order, so two imports touching the same communes lock them in the same order.
  const blocks = [...perCommune].sort(([a], [b]) => a.localeCompare(b)).map(([commune_code, n]) => ({ commune_code, n }));
  const rows = await query<{ commune_code: string; last_value: number }>(ctx.tx, sql`
    INSERT INTO commune_product_seq (commune_code, last_value)
    SELECT x.commune_code, x.n FROM jsonb_to_recordset(${JSON.stringify(blocks)}::jsonb) AS x(commune_code text, n int) ORDER BY x.commune_code
    ON CONFLICT (commune_code) DO UPDATE SET last_value = commune_product_seq.last_value + EXCLUDED.last_value
    RETURNING commune_code, last_value`);
  const next = new Map(rows.map((r) => [r.commune_code, Number(r.last_value) - perCommune.get(r.commune_code)! + 1]));
  const year = ctx.now.getUTCFullYear();
  const values = items.map(({ record, owner }) => {
    const seq = next.get(owner.communeCode)!;
    next.set(owner.communeCode, seq + 1);
    return {
      code: productCode(owner.provinceCode, owner.communeCode, seq, year), entityId: owner.id, name: record.name,
      productSet: record.productSet, description: record.description, ingredients: record.ingredients,
      rawMaterialArea: record.rawMaterialArea, standard: record.standard, status: record.status ?? 'draft',
      provinceCode: owner.provinceCode, communeCode: owner.communeCode, createdAt: ctx.now.toISOString(), updatedAt: ctx.now.toISOString(),
    };
  });
  const created: ProductRow[] = [];
  for (const part of chunks(values, 2000)) created.push(...await insertMany(ctx, product, part));
  await recordAuditMany(ctx, created.map((row) => ({ action: 'product.create', recordType: 'product', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: snapshot(row) })));
  return created;
}

/** Updates locked products (versions checked); an empty status cell keeps the status the product has. */
export async function updateProducts(ctx: Ctx, updates: { before: ProductRow; record: ProductRecord }[]): Promise<void> {
  for (const part of chunks(updates, 2000)) {
    const json = JSON.stringify(part.map(({ before, record: r }) => ({
      id: before.id, name: r.name, product_set: r.productSet, description: r.description, ingredients: r.ingredients,
      raw_material_area: r.rawMaterialArea, standard: r.standard, status: r.status ?? null,
    })));
    await ctx.tx.execute(sql`
      UPDATE product AS p SET name = v.name, product_set = v.product_set, description = v.description, ingredients = v.ingredients,
        raw_material_area = v.raw_material_area, standard = v.standard, status = COALESCE(v.status, p.status),
        updated_at = ${ctx.now.toISOString()}, version = p.version + 1
      FROM jsonb_to_recordset(${json}::jsonb) AS v(id uuid, name text, product_set int, description text, ingredients text,
        raw_material_area text, standard text, status text)
      WHERE p.id = v.id`);
    const after = await ctx.tx.select().from(product).where(inArray(product.id, part.map((u) => u.before.id)));
    const byId = new Map(after.map((a) => [a.id, a]));
    await recordAuditMany(ctx, part.map(({ before }) => {
      const a = byId.get(before.id)!;
      return { action: 'product.update', recordType: 'product', recordId: a.id, provinceCode: a.provinceCode, communeCode: a.communeCode, before: snapshot(before), after: snapshot(a) };
    }));
  }
}
