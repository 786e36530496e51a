// The traceability status of the products in an officer's scope: GTIN, lots, events, last event; and the flag of
// the score sheets' criterion — a product at 4★ or above (certified) must carry an electronic traceability code on
// its label (QĐ 26/2026/QĐ-TTg), which here means a GTIN and at least one batch with recorded events.
// Keyset paging on the product code: the page's keys through the index, then the decorations for those rows only.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../app/actor.js';
import { query, type Queryable } from '../../app/db.js';
import { forbidden } from '../../app/errors.js';
import { after, keyFields, keyValuesOf, encodeCursor, nextLink, orderBy, readCursor, type KeyValues, type SortKey } from '../../app/paging.js';
import type { ModuleDeps } from '../../app/plugin.js';
import { product } from '../registry/index.js';
import { CANONICAL_DL } from './gs1.rules.js';
import { OFFICER_ROLES } from './producer.policy.js';
import { statusList, statusQuery } from './producer.contract.js';

/** The stars from which the label must carry a traceability code (QĐ 26/2026, the 4★ criterion). */
export const TRACE_CODE_REQUIRED_FROM_STARS = 4;

const LOT_EPC = sql.raw(`'${CANONICAL_DL}/01/' || l.gtin || '/10/' || l.lot`);
/** A product is traced when one of its lots has an event (lot codes issued here are Digital-Link-safe, LOT_PATTERN). */
const traced = sql`EXISTS (SELECT 1 FROM trace_lot l JOIN epcis_event_epc x ON x.epc = ${LOT_EPC} WHERE l.product_id = ${product.id})`;
/** The SQL of the flag over `product` (supervision's risk-based suggestions read it too). */
export const flaggedSql = sql`(${product.stars} >= ${TRACE_CODE_REQUIRED_FROM_STARS} AND ${product.status} = 'certified' AND (${product.gtin} IS NULL OR NOT ${traced}))`;

const KEYS: SortKey[] = [{ expr: product.code, kind: 'text', dir: 'asc' }, { expr: product.id, kind: 'uuid', dir: 'asc' }];

function scopeOf(actor: Actor, q: { province?: string; commune?: string }): SQL | undefined {
  if (actor.kind !== 'user') throw forbidden();
  const filters = [q.province ? eq(product.provinceCode, q.province) : undefined, q.commune ? eq(product.communeCode, q.commune) : undefined];
  switch (actor.role) {
    case 'central': return and(...filters);
    case 'province': return and(eq(product.provinceCode, actor.provinceCode!), ...filters);
    case 'commune': return and(eq(product.communeCode, actor.communeCode!), ...filters);
    default: throw forbidden();
  }
}

type StatusRow = {
  productId: string; code: string; name: string; entityId: string; entityName: string; provinceCode: string; communeCode: string;
  stars: number | null; status: string; gtin: string | null; lots: number; events: number; lastEventAt: string | null; flagged: boolean;
};

export async function listTraceStatus(db: Queryable, where: SQL | undefined, pageSize: number, afterKeys?: KeyValues) {
  const found = await db.select({ id: product.id, ...keyFields(KEYS) }).from(product)
    .where(and(where, afterKeys && after(KEYS, afterKeys))).orderBy(...orderBy(KEYS)).limit(pageSize + 1);
  const page = found.slice(0, pageSize);
  const nextCursor = found.length > pageSize ? encodeCursor('trace_status', '', keyValuesOf(page.at(-1)!, KEYS)) : null;
  if (!page.length) return { rows: [] as StatusRow[], nextCursor };
  const rows = await query<StatusRow>(db, sql`
    SELECT product.id AS "productId", product.code, product.name, product.entity_id AS "entityId", e.name AS "entityName",
           product.province_code AS "provinceCode", product.commune_code AS "communeCode", product.stars, product.status, product.gtin,
           (SELECT count(*)::int FROM trace_lot l WHERE l.product_id = product.id) AS lots,
           (SELECT count(DISTINCT x.event_seq)::int FROM trace_lot l JOIN epcis_event_epc x ON x.epc = ${LOT_EPC} WHERE l.product_id = product.id) AS events,
           (SELECT to_json(max(ev.event_time)) #>> '{}' FROM trace_lot l JOIN epcis_event_epc x ON x.epc = ${LOT_EPC} JOIN epcis_event ev ON ev.seq = x.event_seq WHERE l.product_id = product.id) AS "lastEventAt",
           ${flaggedSql} AS flagged
    FROM product JOIN entity e ON e.id = product.entity_id
    WHERE product.id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(page.map((r) => r.id))}::json))
    ORDER BY product.code, product.id`);
  return { rows: rows.map((r) => ({ ...r, lots: Number(r.lots), events: Number(r.events) })), nextCursor };
}

export const traceStatusRoutes: FastifyPluginAsync<ModuleDeps> = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/trace/status', { config: { access: [...OFFICER_ROLES] }, schema: { tags: ['trace'], summary: 'Traceability status of every product in the officer\'s scope (GTIN, lots, events, last event); flagged = 4★ or above without a traceability code', querystring: statusQuery, response: { 200: statusList } } }, async (req, reply) => {
    const qy = req.query;
    const where = and(scopeOf(req.actor, qy), qy.flagged === 'true' ? flaggedSql : undefined);
    const { rows, nextCursor } = await listTraceStatus(database.db, where, qy.pageSize, readCursor({ cursor: qy.cursor, sort: '' }, 'trace_status', KEYS));
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    return { items: rows, nextCursor };
  });
};
