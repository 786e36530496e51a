// The EPCIS 2.0 query language over the REST binding (GET /epcis/events?…): parameters parsed into filters (rules,
// no I/O), the SQL they become, keyset paging with nextPageToken, and the EPCISQueryDocument around the results.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../app/db.js';
import { AppError } from '../../app/errors.js';
import { cbvUri, EPCIS_CONTEXT, EPCIS_EXCEPTION, indexKey } from './epcis.rules.js';
import type { ReadScope } from './epcis.policy.js';
import { textArrayLiteral, type StoredEventRow } from './epcis.repo.js';

export const EVENT_TYPES = ['ObjectEvent', 'AggregationEvent', 'TransformationEvent', 'TransactionEvent', 'AssociationEvent'] as const;
export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 1000;

export const queryParameterError = (param: string, en: string, vi: string) => new AppError('invalid', 'epcis_query_parameter', { vi, en },
  { type: EPCIS_EXCEPTION.queryParameter, field: param, errors: [{ path: param, code: 'epcis_query_parameter', message: { vi, en } }] });

/** Which identifier roles each MATCH_ parameter reads (EPCIS 2.0 §8.2.7.1). */
const MATCH_ROLES: Record<string, string[]> = {
  MATCH_epc: ['epc', 'child'],
  MATCH_parentID: ['parent'],
  MATCH_inputEPC: ['input'],
  MATCH_outputEPC: ['output'],
  MATCH_anyEPC: ['epc', 'child', 'parent', 'input', 'output'],
  MATCH_epcClass: ['class', 'childClass'],
  MATCH_inputEPCClass: ['inputClass'],
  MATCH_outputEPCClass: ['outputClass'],
  MATCH_anyEPCClass: ['class', 'childClass', 'inputClass', 'outputClass'],
};

export type EventFilter = {
  eventTypes?: string[];
  eventTime?: { ge?: string; lt?: string };
  recordTime?: { ge?: string; lt?: string };
  actions?: string[];
  bizSteps?: string[];
  dispositions?: string[];
  readPoints?: string[];
  bizLocations?: string[];
  /** Each: identifiers (exact) or prefixes (patterns) in the given roles; all must hold. */
  matches: { roles: string[]; exact: string[]; prefixes: string[] }[];
  eventIds?: string[];
  errorDeclaration?: boolean;
  orderBy: 'eventTime' | 'recordTime';
  orderDirection: 'ASC' | 'DESC';
  eventCountLimit?: number;
  maxEventCount?: number;
  perPage: number;
  nextPageToken?: string;
};

type Raw = Record<string, string | string[] | undefined>;

/** A parameter's values: repeated parameters and `|`-separated lists both give several (a value taken from a
 * resource path is one value, whatever it contains). */
function values(raw: Raw, name: string, literal?: string): string[] | undefined {
  const v = raw[name];
  if (v === undefined) return undefined;
  const list = [v].flat().flatMap((s) => (name === literal ? [s] : s.split('|'))).map((s) => s.trim()).filter(Boolean);
  if (!list.length) throw queryParameterError(name, `${name} needs a value`, `${name} cần có giá trị`);
  return list;
}

function one(raw: Raw, name: string): string | undefined {
  const v = raw[name];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) throw queryParameterError(name, `${name} may appear once`, `${name} chỉ được có một lần`);
  return v;
}

function time(raw: Raw, name: string): string | undefined {
  const v = one(raw, name);
  if (v === undefined) return undefined;
  const d = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw queryParameterError(name, `${name} must be a date-time with a time zone (e.g. 2026-01-31T00:00:00Z)`, `${name} phải là ngày giờ có múi giờ (ví dụ 2026-01-31T00:00:00Z)`);
  return d.toISOString();
}

function positive(raw: Raw, name: string): number | undefined {
  const v = one(raw, name);
  if (v === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(v)) throw queryParameterError(name, `${name} must be a positive integer`, `${name} phải là số nguyên dương`);
  return Number(v);
}

function keys(list: string[] | undefined, name: string): string[] | undefined {
  if (!list) return undefined;
  return list.map((id) => {
    try { return indexKey(id); } catch (err) { throw queryParameterError(name, `${name}: ${(err as Error).message}`, `${name}: mã định danh không hợp lệ (${id})`); }
  });
}

const KNOWN = new Set(['eventType', 'GE_eventTime', 'LT_eventTime', 'GE_recordTime', 'LT_recordTime', 'EQ_action', 'EQ_bizStep', 'EQ_disposition', 'EQ_readPoint', 'EQ_bizLocation',
  'EQ_eventID', 'EXISTS_errorDeclaration', 'orderBy', 'orderDirection', 'eventCountLimit', 'maxEventCount', 'perPage', 'nextPageToken', ...Object.keys(MATCH_ROLES)]);

/** Query parameters → a filter. Unknown parameters and bad values are QueryParameterException (EPCIS 2.0 §8.2.7).
 * `literal` names a parameter whose value came from the resource path (/epcis/epcs/{epc}/events): never split. */
export function parseEventQuery(raw: Raw, literal?: string): EventFilter {
  for (const name of Object.keys(raw)) {
    if (!KNOWN.has(name)) throw queryParameterError(name, `Unknown or unsupported query parameter: ${name}`, `Tham số truy vấn không được hỗ trợ: ${name}`);
  }
  const eventTypes = values(raw, 'eventType', literal);
  for (const t of eventTypes ?? []) if (!(EVENT_TYPES as readonly string[]).includes(t)) throw queryParameterError('eventType', `Unknown event type: ${t}`, `Loại sự kiện không hợp lệ: ${t}`);
  const actions = values(raw, 'EQ_action', literal);
  for (const a of actions ?? []) if (!['ADD', 'OBSERVE', 'DELETE'].includes(a)) throw queryParameterError('EQ_action', 'EQ_action is ADD, OBSERVE or DELETE', 'EQ_action là ADD, OBSERVE hoặc DELETE');
  const orderBy = one(raw, 'orderBy') ?? 'eventTime';
  if (orderBy !== 'eventTime' && orderBy !== 'recordTime') throw queryParameterError('orderBy', 'orderBy is eventTime or recordTime', 'orderBy là eventTime hoặc recordTime');
  const orderDirection = (one(raw, 'orderDirection') ?? 'ASC').toUpperCase();
  if (orderDirection !== 'ASC' && orderDirection !== 'DESC') throw queryParameterError('orderDirection', 'orderDirection is ASC or DESC', 'orderDirection là ASC hoặc DESC');
  const perPage = positive(raw, 'perPage') ?? DEFAULT_PER_PAGE;
  if (perPage > MAX_PER_PAGE) throw queryParameterError('perPage', `perPage is at most ${MAX_PER_PAGE}`, `perPage tối đa ${MAX_PER_PAGE}`);
  const matches: EventFilter['matches'] = [];
  for (const [name, roles] of Object.entries(MATCH_ROLES)) {
    const list = values(raw, name, literal);
    if (!list) continue;
    const exact: string[] = [];
    const prefixes: string[] = [];
    for (const v of list) {
      // A pattern (an EPC pattern URN, or a trailing *) names every instance or lot of its class.
      const pattern = v.startsWith('urn:epc:idpat:') || v.endsWith('*');
      const key = keys([pattern && !v.startsWith('urn:') ? v.slice(0, -1) : v], name)![0];
      if (pattern) prefixes.push(key.replace(/\/$/, '')); else exact.push(key);
    }
    matches.push({ roles, exact, prefixes });
  }
  const ge = time(raw, 'GE_eventTime'), lt = time(raw, 'LT_eventTime'), rge = time(raw, 'GE_recordTime'), rlt = time(raw, 'LT_recordTime');
  return {
    eventTypes, actions, matches, perPage, orderBy, orderDirection,
    eventTime: ge || lt ? { ge, lt } : undefined,
    recordTime: rge || rlt ? { ge: rge, lt: rlt } : undefined,
    bizSteps: values(raw, 'EQ_bizStep', literal)?.map((s) => cbvUri('bizStep', s)),
    dispositions: values(raw, 'EQ_disposition', literal)?.map((s) => cbvUri('disposition', s)),
    readPoints: keys(values(raw, 'EQ_readPoint', literal), 'EQ_readPoint'),
    bizLocations: keys(values(raw, 'EQ_bizLocation', literal), 'EQ_bizLocation'),
    eventIds: values(raw, 'EQ_eventID', literal),
    errorDeclaration: raw.EXISTS_errorDeclaration !== undefined ? true : undefined,
    eventCountLimit: positive(raw, 'eventCountLimit'),
    maxEventCount: positive(raw, 'maxEventCount'),
    nextPageToken: one(raw, 'nextPageToken'),
  };
}

// ── Paging tokens ────────────────────────────────────────────────────────────────────────────────────────────

type Token = { k: [string, number]; q: string; n: number };

/** What a token belongs to: the filter without its page position (a token replayed on another query is refused). */
function filterFingerprint(f: EventFilter, scope: ReadScope): string {
  const { nextPageToken: _t, perPage: _p, ...rest } = f;
  return createHash('sha256').update(JSON.stringify([rest, scope])).digest('base64url').slice(0, 16);
}

function readToken(f: EventFilter, scope: ReadScope): Token | undefined {
  if (!f.nextPageToken) return undefined;
  try {
    const t = JSON.parse(Buffer.from(f.nextPageToken, 'base64url').toString('utf8')) as Token;
    if (Array.isArray(t.k) && typeof t.k[0] === 'string' && Number.isInteger(t.k[1]) && t.q === filterFingerprint(f, scope) && Number.isInteger(t.n)) return t;
  } catch { /* falls through */ }
  throw queryParameterError('nextPageToken', 'nextPageToken is invalid or belongs to another query', 'nextPageToken không hợp lệ hoặc thuộc về truy vấn khác');
}

const writeToken = (t: Token) => Buffer.from(JSON.stringify(t)).toString('base64url');

// ── SQL ──────────────────────────────────────────────────────────────────────────────────────────────────────

const PUBLIC_VISIBILITY = `EXISTS (SELECT 1 FROM epcis_event_epc v JOIN product p ON p.gtin = substring(v.epc from 23 for 14)
                     WHERE v.event_seq = e.seq AND v.epc LIKE 'https://id.gs1.org/01/%' AND p.status = 'certified')`;

/** Which events a reader sees (epcis.policy.ts readScope): all, its own entity's, or — the public — events naming a
 * product that holds an OCOP certificate today. */
export function visibility(scope: ReadScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'entity') return sql`e.entity_id = ${scope.entityId}::uuid`;
  return sql.raw(PUBLIC_VISIBILITY);
}

export type EventPage = { events: StoredEventRow[]; nextPageToken: string | null };

// The event query is the repository's hottest read (a partner or the trace page asks it per identifier): its SQL is
// written here as text with numbered parameters rather than through drizzle, each list travels as one array
// parameter (so the text depends on which filters are given, not on how many values), and each distinct text is a
// named prepared statement on PostgreSQL.

/** Parameters of a hand-written statement: `add` gives the placeholder of a value. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string { this.values.push(v); return `$${this.values.length}`; }
  list(values: readonly string[]): string { return `ANY(${this.add(textArrayLiteral(values))}::text[])`; }
}

function visibilityText(scope: ReadScope, p: Params): string {
  if (scope.kind === 'all') return 'true';
  if (scope.kind === 'entity') return `e.entity_id = ${p.add(scope.entityId)}::uuid`;
  return PUBLIC_VISIBILITY;
}

function conditionsText(f: EventFilter, p: Params): string[] {
  const c: string[] = [];
  if (f.eventTypes) c.push(`e.event_type = ${p.list(f.eventTypes)}`);
  if (f.eventTime?.ge) c.push(`e.event_time >= ${p.add(f.eventTime.ge)}::timestamptz`);
  if (f.eventTime?.lt) c.push(`e.event_time < ${p.add(f.eventTime.lt)}::timestamptz`);
  if (f.recordTime?.ge) c.push(`e.record_time >= ${p.add(f.recordTime.ge)}::timestamptz`);
  if (f.recordTime?.lt) c.push(`e.record_time < ${p.add(f.recordTime.lt)}::timestamptz`);
  if (f.actions) c.push(`e.action = ${p.list(f.actions)}`);
  if (f.bizSteps) c.push(`e.biz_step = ${p.list(f.bizSteps)}`);
  if (f.dispositions) c.push(`e.disposition = ${p.list(f.dispositions)}`);
  if (f.readPoints) c.push(`e.read_point = ${p.list(f.readPoints)}`);
  if (f.bizLocations) c.push(`e.biz_location = ${p.list(f.bizLocations)}`);
  if (f.eventIds) c.push(`e.event_id = ${p.list(f.eventIds)}`);
  if (f.errorDeclaration) c.push('e.has_error_declaration');
  for (const m of f.matches) {
    const parts: string[] = [];
    if (m.exact.length) parts.push(`x.epc = ${p.list(m.exact)}`);
    for (const prefix of m.prefixes) parts.push(`(x.epc = ${p.add(prefix)} OR x.epc LIKE ${p.add(`${prefix.replace(/[\\%_]/g, '\\$&')}/%`)})`);
    c.push(`e.seq IN (SELECT x.event_seq FROM epcis_event_epc x WHERE (${parts.join(' OR ')}) AND x.role = ${p.list(m.roles)})`);
  }
  return c;
}

/** Statement names by text: the same text always under the same name (bounded: past that, texts go unnamed). */
const statementNames = new Map<string, string>();
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < 500) statementNames.set(text, name = `ocop_epcis_${statementNames.size + 1}`);
  return name;
}

/** One page of the rows a filter selects (`columns` of epcis_event e), in its order, through the (time, seq) keys. */
async function selectPage<T extends { seq: number }>(database: Database, f: EventFilter, scope: ReadScope, columns: string): Promise<{ rows: T[]; nextPageToken: string | null }> {
  const token = readToken(f, scope);
  const col = f.orderBy === 'recordTime' ? 'e.record_time' : 'e.event_time';
  const dir = f.orderDirection;
  const p = new Params();
  const where = [visibilityText(scope, p), ...conditionsText(f, p)];
  if (token) where.push(`(${col}, e.seq) ${f.orderDirection === 'ASC' ? '>' : '<'} (${p.add(token.k[0])}::timestamptz, ${p.add(token.k[1])}::bigint)`);
  const served = token?.n ?? 0;
  const remaining = f.eventCountLimit !== undefined ? f.eventCountLimit - served : Infinity;
  const limit = Math.min(f.perPage, remaining);
  if (f.maxEventCount !== undefined && !token) {
    const text = `SELECT count(*)::int AS n FROM (SELECT 1 FROM epcis_event e WHERE ${where.join(' AND ')} LIMIT ${p.add(f.maxEventCount + 1)}) s`;
    const [{ n }] = await database.queryText<{ n: number }>(text, p.values, statementName(text));
    p.values.pop();
    if (n > f.maxEventCount) {
      throw new AppError('invalid', 'epcis_query_too_large', { vi: `Truy vấn trả về nhiều hơn ${f.maxEventCount} sự kiện`, en: `The query selects more than ${f.maxEventCount} events` }, { type: EPCIS_EXCEPTION.queryTooLarge });
    }
  }
  if (limit <= 0) return { rows: [], nextPageToken: null };
  const text = `SELECT ${columns}, ${col}::text AS key FROM epcis_event e WHERE ${where.join(' AND ')} ORDER BY ${col} ${dir}, e.seq ${dir} LIMIT ${p.add(limit + 1)}`;
  const rows = await database.queryText<T & { key: string }>(text, p.values, statementName(text));
  const more = rows.length > limit && served + limit < remaining;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextPageToken: more && last ? writeToken({ k: [last.key, Number(last.seq)], q: filterFingerprint(f, scope), n: served + page.length }) : null,
  };
}

/** One page of the events a filter selects, as stored rows. */
export async function findEvents(database: Database, f: EventFilter, scope: ReadScope): Promise<EventPage> {
  const { rows, nextPageToken } = await selectPage<StoredEventRow>(database, f, scope, 'e.*');
  return { events: rows, nextPageToken };
}

/** An event as the query interface sends it: its captured context, and its body with the repository's recordTime as
 * JSON text made by the database (the same text presentEvent's object would serialise to, up to key order). */
export type EventText = { seq: number; context: unknown; doc: string };

/** The recordTime as Date.toISOString() spells it (millisecond precision: capture stores milliseconds). */
const EVENT_TEXT = `e.seq, e.context, (e.body || jsonb_build_object('recordTime', to_char(e.record_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))::text AS doc`;

/** One page of the events a filter selects, as JSON text (what GET /epcis/events sends: nothing parsed, nothing
 * rebuilt, nothing re-serialised per event). */
export async function findEventTexts(database: Database, f: EventFilter, scope: ReadScope): Promise<{ events: EventText[]; nextPageToken: string | null }> {
  const { rows, nextPageToken } = await selectPage<EventText>(database, f, scope, EVENT_TEXT);
  return { events: rows, nextPageToken };
}

// ── Output ───────────────────────────────────────────────────────────────────────────────────────────────────

/** An event as a query returns it: the body as captured, recordTime the repository's. */
export function presentEvent(row: StoredEventRow): Record<string, unknown> {
  return { ...row.body, recordTime: new Date(row.record_time).toISOString() };
}

/** The document-level @context merged from the events' own (see contextFor), and which events must carry theirs. */
function mergeContexts(contexts: readonly unknown[]): { context: unknown[]; own: (Record<string, unknown> | undefined)[] } {
  const merged: Record<string, unknown> = {};
  const extra: string[] = [];
  const own = contexts.map((ctx) => {
    const mine: Record<string, unknown> = {};
    for (const c of [ctx].flat()) {
      if (typeof c === 'string' && c !== EPCIS_CONTEXT && !extra.includes(c)) extra.push(c);
      if (c && typeof c === 'object') Object.assign(mine, c);
    }
    const clash = Object.entries(mine).some(([k, v]) => k in merged && JSON.stringify(merged[k]) !== JSON.stringify(v));
    if (clash) return mine;
    Object.assign(merged, mine);
    return undefined;
  });
  return { context: [EPCIS_CONTEXT, ...extra, ...(Object.keys(merged).length ? [merged] : [])], own };
}

/**
 * The document-level @context for events captured under different contexts: the EPCIS context and the prefixes
 * they declared. Two captures giving one prefix different IRIs cannot share a document context, so such an event
 * carries its own @context (allowed on an event) and keeps its meaning.
 */
export function contextFor(rows: readonly StoredEventRow[]): { context: unknown[]; events: Record<string, unknown>[] } {
  const { context, own } = mergeContexts(rows.map((r) => r.context));
  const events = rows.map((row, i) => {
    const event = presentEvent(row);
    const mine = own[i];
    return mine ? { '@context': Object.keys(mine).length ? mine : undefined, ...event } : event;
  });
  return { context, events };
}

export function queryDocument(rows: readonly StoredEventRow[], now: Date, queryName = 'SimpleEventQuery') {
  const { context, events } = contextFor(rows);
  return {
    '@context': context,
    type: 'EPCISQueryDocument' as const,
    schemaVersion: '2.0',
    creationDate: now.toISOString(),
    epcisBody: { queryResults: { queryName, resultsBody: { eventList: events } } },
  };
}

/**
 * The same EPCISQueryDocument as queryDocument, as text, around events given as JSON text (findEventTexts): the
 * document's frame is serialised once and the events' texts are joined in as the database wrote them.
 */
export function queryDocumentText(rows: readonly EventText[], now: Date, queryName = 'SimpleEventQuery'): string {
  const { context, own } = mergeContexts(rows.map((r) => r.context));
  const events = rows.map((row, i) => {
    const mine = own[i];
    if (!mine) return row.doc;
    // Rare (two captures' contexts clash): the event carries its own context, put first as contextFor does.
    const body = JSON.parse(row.doc) as Record<string, unknown>;
    return JSON.stringify({ '@context': Object.keys(mine).length ? mine : undefined, ...body });
  });
  const head = JSON.stringify({
    '@context': context, type: 'EPCISQueryDocument', schemaVersion: '2.0', creationDate: now.toISOString(),
    epcisBody: { queryResults: { queryName, resultsBody: { eventList: [] } } },
  });
  // The frame ends with the empty list and four closing braces: the events go inside the brackets.
  return `${head.slice(0, -5)}${events.join(',')}]}}}}`;
}
