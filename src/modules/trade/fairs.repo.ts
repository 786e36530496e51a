// Queries of fairs, registrations and livestream sessions: no decisions. Lists fetch the page's ids through an index,
// then decorate those rows only.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { query, type Queryable } from '../../app/db.js';
import { after, countCapped, keyFields, limits, orderBy, pageEnd, type Cursor, type SortKey, type Total } from '../../app/paging.js';
import { entity, product } from '../registry/index.js';
import { eventRegistration, livestreamProduct, livestreamSession, registrationProduct, tradeEvent, type EventRow, type LivestreamRow, type RegistrationRow } from './fairs.tables.js';

type Page = { page: number; pageSize: number; after?: Cursor };

/** One keyset page of ids of `table` in the order of `keys`, its next cursor and its total (capped). */
export async function idPage(db: Queryable, table: PgTable, id: PgColumn, keys: SortKey[], where: SQL | undefined, p: Page, list: string, sort: string): Promise<Total & { ids: string[]; nextCursor: string | null }> {
  const l = limits(p);
  const found = await db.select({ id, ...keyFields(keys) }).from(table).where(and(where, p.after && after(keys, p.after))).orderBy(...orderBy(keys)).limit(l.limit).offset(l.offset);
  const { rows, nextCursor, whole } = pageEnd(found as Record<string, unknown>[], p, list, sort, keys);
  const counted = await countCapped(db, db.select({ id }).from(table).where(where), whole);
  return { ...counted, nextCursor, ids: rows.map((r) => String(r.id)) };
}

export const eventKeys = (): SortKey[] => [{ expr: tradeEvent.startsOn, kind: 'date', dir: 'desc' }, { expr: tradeEvent.id, kind: 'uuid', dir: 'desc' }];
export const registrationKeys = (): SortKey[] => [{ expr: eventRegistration.createdAt, kind: 'timestamp', dir: 'desc' }, { expr: eventRegistration.id, kind: 'uuid', dir: 'desc' }];
export const sessionKeys = (): SortKey[] => [{ expr: livestreamSession.heldOn, kind: 'date', dir: 'desc' }, { expr: livestreamSession.id, kind: 'uuid', dir: 'desc' }];

export type EventView = EventRow & { provinceName: string | null; communeName: string | null; venueProvinceName: string | null; boothsTaken: number; participants: number; pending: number };

const list = (ids: string[]) => sql.join(ids.map((x) => sql`${x}::uuid`), sql`, `);

/** Events with their places' names and their registrations counted. */
export async function eventsByIds(db: Queryable, ids: string[]): Promise<EventView[]> {
  if (!ids.length) return [];
  const rows = await db.select({
    e: tradeEvent,
    provinceName: sql<string | null>`(SELECT full_name FROM province WHERE code = ${tradeEvent.provinceCode})`,
    communeName: sql<string | null>`(SELECT full_name FROM commune WHERE code = ${tradeEvent.communeCode})`,
    venueProvinceName: sql<string | null>`(SELECT full_name FROM province WHERE code = ${tradeEvent.venueProvinceCode})`,
    boothsTaken: sql<number>`(SELECT count(*)::int FROM trade_event_registration r WHERE r.event_id = trade_event.id AND r.booth IS NOT NULL)`,
    participants: sql<number>`(SELECT count(*)::int FROM trade_event_registration r WHERE r.event_id = trade_event.id AND r.status = 'approved')`,
    pending: sql<number>`(SELECT count(*)::int FROM trade_event_registration r WHERE r.event_id = trade_event.id AND r.status = 'pending')`,
  }).from(tradeEvent).where(inArray(tradeEvent.id, ids));
  const byId = new Map(rows.map((r) => [r.e.id, { ...r.e, provinceName: r.provinceName, communeName: r.communeName, venueProvinceName: r.venueProvinceName, boothsTaken: Number(r.boothsTaken), participants: Number(r.participants), pending: Number(r.pending) }]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}
export const getEvent = async (db: Queryable, id: string) => (await eventsByIds(db, [id]))[0];
export async function lockEvent(db: Queryable, id: string) {
  const [row] = await db.select().from(tradeEvent).where(eq(tradeEvent.id, id)).for('update');
  return row;
}

export type RegistrationView = RegistrationRow & { event: EventRow; entityName: string; products: { id: string; name: string }[] };

export async function registrationsByIds(db: Queryable, ids: string[]): Promise<RegistrationView[]> {
  if (!ids.length) return [];
  const rows = await db.select({ r: eventRegistration, e: tradeEvent, entityName: entity.name }).from(eventRegistration)
    .innerJoin(tradeEvent, eq(tradeEvent.id, eventRegistration.eventId)).innerJoin(entity, eq(entity.id, eventRegistration.entityId))
    .where(inArray(eventRegistration.id, ids));
  const products = await db.select({ rid: registrationProduct.registrationId, id: product.id, name: product.name }).from(registrationProduct)
    .innerJoin(product, eq(product.id, registrationProduct.productId)).where(inArray(registrationProduct.registrationId, ids)).orderBy(product.name);
  const byId = new Map(rows.map((x) => [x.r.id, { ...x.r, event: x.e, entityName: x.entityName, products: products.filter((p) => p.rid === x.r.id).map(({ id, name }) => ({ id, name })) }]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}
export const getRegistration = async (db: Queryable, id: string) => (await registrationsByIds(db, [id]))[0];
export async function lockRegistration(db: Queryable, id: string) {
  const [row] = await db.select().from(eventRegistration).where(eq(eventRegistration.id, id)).for('update');
  return row;
}
export async function registrationOf(db: Queryable, eventId: string, entityId: string) {
  const [row] = await db.select({ id: eventRegistration.id }).from(eventRegistration).where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.entityId, entityId)));
  return row;
}
/** Booths given in an event (the event row locked first keeps two approvals from taking the last one together). */
export async function boothsTaken(db: Queryable, eventId: string): Promise<number> {
  const [row] = await query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM trade_event_registration WHERE event_id = ${eventId} AND booth IS NOT NULL`);
  return Number(row.n);
}
export async function boothHolder(db: Queryable, eventId: string, booth: string) {
  const [row] = await db.select({ id: eventRegistration.id }).from(eventRegistration).where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.booth, booth)));
  return row;
}

/** Which of `ids` are published products of the entity (not drafts; the entity approved). */
export async function publishedProductsOf(db: Queryable, entityId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await query<{ id: string }>(db, sql`SELECT p.id FROM product p JOIN entity e ON e.id = p.entity_id
    WHERE p.id IN (${list(ids)}) AND p.entity_id = ${entityId} AND p.status <> 'draft' AND e.status = 'approved'`);
  return rows.map((r) => r.id);
}

export type SessionView = LivestreamRow & { entityName: string; eventName: string | null; products: { id: string; name: string }[] };
export async function sessionsByIds(db: Queryable, ids: string[]): Promise<SessionView[]> {
  if (!ids.length) return [];
  const rows = await db.select({ s: livestreamSession, entityName: entity.name, eventName: tradeEvent.name }).from(livestreamSession)
    .innerJoin(entity, eq(entity.id, livestreamSession.entityId)).leftJoin(tradeEvent, eq(tradeEvent.id, livestreamSession.eventId))
    .where(inArray(livestreamSession.id, ids));
  const products = await db.select({ sid: livestreamProduct.sessionId, id: product.id, name: product.name }).from(livestreamProduct)
    .innerJoin(product, eq(product.id, livestreamProduct.productId)).where(inArray(livestreamProduct.sessionId, ids)).orderBy(product.name);
  const byId = new Map(rows.map((x) => [x.s.id, { ...x.s, entityName: x.entityName, eventName: x.eventName, products: products.filter((p) => p.sid === x.s.id).map(({ id, name }) => ({ id, name })) }]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}
export const getSession = async (db: Queryable, id: string) => (await sessionsByIds(db, [id]))[0];
export async function lockSession(db: Queryable, id: string) {
  const [row] = await db.select().from(livestreamSession).where(eq(livestreamSession.id, id)).for('update');
  return row;
}
