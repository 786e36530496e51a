// EPCIS repository queries: captures, events and their identifiers, the hash chain. No decisions here.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import type { IndexedEvent } from './epcis.rules.js';

/** A text[] parameter (drizzle spreads a JS array into a parameter list, so the array is built in SQL). */
export const textArray = (list: readonly string[]): SQL => (list.length ? sql`ARRAY[${sql.join(list.map((v) => sql`${v}`), sql`, `)}]::text[]` : sql`ARRAY[]::text[]`);

/** The chain a capture extends: an entity's, or the central office's and its partners' (null). */
export type ChainKey = string | null;
const NO_ENTITY = '00000000-0000-0000-0000-000000000000';

/** Serialises the captures of one chain (the transaction holds the lock until it ends): two captures of the same
 * entity can never both read the same last link. */
export async function lockChain(tx: Queryable, chain: ChainKey): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`epcis_chain:${chain ?? 'central'}`}))`);
}

export async function lastLink(tx: Queryable, chain: ChainKey): Promise<{ chainSeq: number; hash: string } | null> {
  const [row] = await query<{ chain_seq: number; hash: string }>(tx, sql`
    SELECT chain_seq, hash FROM epcis_capture
    WHERE COALESCE(entity_id, ${NO_ENTITY}::uuid) = COALESCE(${chain}::uuid, ${NO_ENTITY}::uuid) AND chain_seq IS NOT NULL
    ORDER BY chain_seq DESC LIMIT 1`);
  return row ? { chainSeq: Number(row.chain_seq), hash: row.hash } : null;
}

/** Which of these event IDs are stored already. */
export async function existingEventIds(tx: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await query<{ event_id: string }>(tx, sql`SELECT event_id FROM epcis_event WHERE event_id = ANY(${textArray(ids)})`);
  return new Set(rows.map((r) => r.event_id));
}

/** The GTINs of an entity's products and the GLNs of its locations: what its users may capture events about. */
export async function entityKeys(tx: Queryable, entityId: string): Promise<{ gtins: Set<string>; glns: Set<string> }> {
  const gtins = await query<{ gtin: string }>(tx, sql`SELECT gtin FROM product WHERE entity_id = ${entityId} AND gtin IS NOT NULL`);
  const glns = await query<{ gln: string }>(tx, sql`SELECT gln FROM trace_location WHERE entity_id = ${entityId}`);
  return { gtins: new Set(gtins.map((r) => r.gtin)), glns: new Set(glns.map((r) => r.gln)) };
}

export async function insertCapture(tx: Queryable, c: { id: string; entityId: ChainKey; createdBy: string | null; createdAt: Date; errorBehaviour: string }): Promise<void> {
  await tx.execute(sql`
    INSERT INTO epcis_capture (id, entity_id, created_by, created_at, error_behaviour, running)
    VALUES (${c.id}, ${c.entityId}, ${c.createdBy}, ${c.createdAt.toISOString()}, ${c.errorBehaviour}, true)`);
}

export async function finishCapture(tx: Queryable, c: {
  id: string; chainSeq: number; prevHash: string | null; hash: string; finishedAt: Date; success: boolean; errors: unknown; eventCount: number;
}): Promise<void> {
  await tx.execute(sql`
    UPDATE epcis_capture SET chain_seq = ${c.chainSeq}, prev_hash = ${c.prevHash}, hash = ${c.hash}, finished_at = ${c.finishedAt.toISOString()},
      running = false, success = ${c.success}, errors = ${JSON.stringify(c.errors)}::jsonb, event_count = ${c.eventCount}
    WHERE id = ${c.id}`);
}

/** The digest of a stored event row, computed by the database (see eventDigest in epcis.rules.ts). NULLs are spelled
 * out so that no column can slide into its neighbour's place. */
const ROW_DIGEST = (e: string) => sql.raw(`encode(sha256(convert_to(concat_ws('|', ${e}.event_id, ${e}.capture_id, COALESCE(${e}.entity_id::text, '-'), ${e}.event_type,
  to_char(${e}.event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), ${e}.event_time_zone, to_char(${e}.record_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
  COALESCE(${e}.action, '-'), COALESCE(${e}.biz_step, '-'), COALESCE(${e}.disposition, '-'), COALESCE(${e}.read_point, '-'), COALESCE(${e}.biz_location, '-'),
  ${e}.has_error_declaration::text, COALESCE(${e}.context::text, '-'), ${e}.body::text), 'UTF8')), 'hex')`);

export type NewEvent = { eventId: string; body: Record<string, unknown>; context: unknown; indexed: IndexedEvent };

/** A PostgreSQL array literal of texts (`{"a","b\\"c"}`), sent as one text parameter and cast in SQL (drizzle would
 * spread a JS array into a parameter list). Inside a quoted element only `"` and `\\` are escaped, with a backslash,
 * as JSON escapes them: JSON.stringify writes the literal unless it escaped something else (a control character). */
export function textArrayLiteral(list: readonly string[]): string {
  const json = JSON.stringify(list);
  if (!/\\[^"\\]/.test(json.replace(/\\\\/g, ''))) return `{${json.slice(1, -1)}}`;
  let out = '{';
  for (let i = 0; i < list.length; i++) out += `${i ? ',' : ''}"${list[i].replace(/[\\"]/g, '\\$&')}"`;
  return `${out}}`;
}

/**
 * Stores events and their identifiers in one statement whatever their number (a 1,000-event document is one round
 * trip each way). What travels is kept small, since the database parses all of it: the events as one JSON array of
 * positional rows (no key repeated per row), the document's @context once (each row names it by its place in a list
 * of the distinct contexts), the identifier rows as three array literals (the event's place in the list, role,
 * identifier). An event whose ID is already stored is skipped (ON CONFLICT); the events actually stored come back
 * with their row digests.
 */
export async function insertEvents(tx: Queryable, captureId: string, entityId: ChainKey, recordTime: Date, events: readonly NewEvent[]): Promise<Map<string, string>> {
  if (!events.length) return new Map();
  const contexts: unknown[] = [];
  const contextIndex = new Map<unknown, number>();
  const places: string[] = [];
  const roles: string[] = [];
  const epcs: string[] = [];
  const rows = events.map((e, n) => {
    let c: number | null = null;
    if (e.context !== undefined && e.context !== null) {
      c = contextIndex.get(e.context) ?? null;
      if (c === null) { c = contexts.push(e.context) - 1; contextIndex.set(e.context, c); }
    }
    for (const x of e.indexed.epcs) { places.push(String(n + 1)); roles.push(x.role); epcs.push(x.epc); }
    const ix = e.indexed;
    return [e.eventId, ix.eventType, ix.eventTime, ix.eventTimeZone, ix.action, ix.bizStep, ix.disposition, ix.readPoint, ix.bizLocation, ix.hasErrorDeclaration, c, e.body];
  });
  const stored = await query<{ event_id: string; digest: string }>(tx, sql`
    WITH r AS MATERIALIZED (
      SELECT v, n FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS a(v, n)
    ), ins AS (
      INSERT INTO epcis_event (event_id, capture_id, entity_id, event_type, event_time, event_time_zone, record_time, action, biz_step, disposition,
                               read_point, biz_location, has_error_declaration, context, body)
      SELECT v->>0, ${captureId}, ${entityId}::uuid, v->>1, (v->>2)::timestamptz, v->>3, ${recordTime.toISOString()}::timestamptz, v->>4,
             v->>5, v->>6, v->>7, v->>8, (v->>9)::boolean, ${JSON.stringify(contexts)}::jsonb -> ((v->>10)::int), v->11
      FROM r
      ON CONFLICT (event_id) DO NOTHING
      RETURNING seq, event_id, ${ROW_DIGEST('epcis_event')} AS digest
    ), idx AS (
      INSERT INTO epcis_event_epc (event_seq, role, epc)
      SELECT ins.seq, x.role, x.epc
      FROM unnest(${textArrayLiteral(places)}::int[], ${textArrayLiteral(roles)}::text[], ${textArrayLiteral(epcs)}::text[]) AS x(n, role, epc)
      JOIN r ON r.n = x.n JOIN ins ON ins.event_id = r.v->>0
    )
    SELECT event_id, digest FROM ins`);
  return new Map(stored.map((r) => [r.event_id, r.digest]));
}

export type CaptureRow = {
  id: string; entity_id: string | null; chain_seq: number | null; prev_hash: string | null; hash: string | null; created_at: Date | string;
  finished_at: Date | string | null; running: boolean; success: boolean | null; error_behaviour: string; errors: unknown; event_count: number; created_by: string | null;
};

export async function getCapture(db: Queryable, id: string): Promise<CaptureRow | undefined> {
  const [row] = await query<CaptureRow>(db, sql`SELECT * FROM epcis_capture WHERE id = ${id}`);
  return row;
}

/** The captures of a chain in order, from `afterSeq` (exclusive), at most `limit`. */
export async function chainCaptures(db: Queryable, chain: ChainKey, afterSeq: number, limit: number): Promise<CaptureRow[]> {
  return query<CaptureRow>(db, sql`
    SELECT * FROM epcis_capture
    WHERE COALESCE(entity_id, ${NO_ENTITY}::uuid) = COALESCE(${chain}::uuid, ${NO_ENTITY}::uuid) AND chain_seq > ${afterSeq}
    ORDER BY chain_seq LIMIT ${limit}`);
}

export type StoredEventRow = {
  seq: number; event_id: string; capture_id: string; entity_id: string | null; event_type: string; event_time: string; event_time_zone: string;
  record_time: string; action: string | null; biz_step: string | null; disposition: string | null; read_point: string | null; biz_location: string | null;
  has_error_declaration: boolean; context: unknown; body: Record<string, unknown>;
};

/** The events one capture stored, as their row digests and identifier rows. */
export async function captureEventDigests(db: Queryable, captureId: string): Promise<{ digest: string; epcs: { role: string; epc: string }[] }[]> {
  return query(db, sql`
    SELECT ${ROW_DIGEST('e')} AS digest, COALESCE((SELECT json_agg(json_build_object('role', x.role, 'epc', x.epc)) FROM epcis_event_epc x WHERE x.event_seq = e.seq), '[]'::json) AS epcs
    FROM epcis_event e WHERE e.capture_id = ${captureId} ORDER BY e.seq`);
}
