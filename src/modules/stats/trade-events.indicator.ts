// Open-data indicators of trade promotion: GET /api/v1/indicators/fairs (events held; the entities that attended, their
// sales, contracts and new partners, by the event's level and the entity's province) and /indicators/livestream
// (sessions, viewers, orders, sales by province), for any period, national or by ?province= / ?commune=, as JSON, CSV
// or an Excel workbook, through the indicators' shared presenter (stats.present.ts). Computed live from trade's tables at each request (they are small: events and sessions, not products), so a
// write shows at the next load. Published data only: published events, approved registrations of approved entities.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { query } from '../../app/db.js';
import { notFound } from '../../app/errors.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { vnDate } from '../scoring/index.js';
import type { Area } from './counts.repo.js';
import { indicatorOut, periodQuery } from './stats.contract.js';
import { send } from './stats.present.js';
import { missingArea } from './stats.repo.js';

export const TRADE_EVENT_INDICATORS = {
  fairs: { vi: 'Hội chợ, triển lãm, xúc tiến thương mại: sự kiện, chủ thể tham gia và kết quả', en: 'Fairs, exhibitions and trade missions: events, entities attending and their results' },
  livestream: { vi: 'Bán hàng qua livestream: số phiên, lượt xem, đơn hàng, doanh số', en: 'Livestream sales: sessions, viewers, orders, sales' },
} as const;

const totals = z.object({ eventsHeld: z.number().optional(), sessions: z.number().optional(), entities: z.number(), salesVnd: z.number(), contracts: z.number().optional(), newPartners: z.number().optional(), viewers: z.number().optional(), orders: z.number().optional() });
export const tradeIndicatorOut = indicatorOut.extend({ summary: totals });

/** Where the figures come from (the JSON's source and the workbook's "about" sheet). No sensitive attribute is counted,
 * so no cell is withheld: no minimumCellSize, as for the other indicators that count none. */
const SOURCES = {
  fairs: 'Published trade promotion events and the approved registrations of approved entities, with the results each entity reported after the event (sales in đồng, contracts signed, new partners)',
  livestream: 'Livestream sales sessions recorded by approved entities or their offices (platform, viewers, orders, sales in đồng)',
} as const;

const LEVEL_ORDER = sql`CASE ev.level WHEN 'national' THEN 0 WHEN 'province' THEN 1 ELSE 2 END`;
const n = (v: unknown) => Number(v ?? 0);

function placeOf(a: Area, alias: string): SQL {
  const t = sql.raw(alias);
  return a.commune ? sql`AND ${t}.commune_code = ${a.commune}` : a.province ? sql`AND ${t}.province_code = ${a.province}` : sql``;
}

export async function fairsIndicator(db: Parameters<typeof query>[0], a: Area, period: { from: string; to: string }) {
  const rows = await query<{ level: string; province: string; province_name: string; events: number; entities: number; sales: string; contracts: string; partners: string }>(db, sql`
    SELECT ev.level, r.province_code AS province, pv.full_name AS province_name, count(DISTINCT ev.id)::int AS events, count(DISTINCT r.entity_id)::int AS entities,
      coalesce(sum(r.sales_vnd), 0)::text AS sales, coalesce(sum(r.contracts), 0)::text AS contracts, coalesce(sum(r.new_partners), 0)::text AS partners
    FROM trade_event_registration r JOIN trade_event ev ON ev.id = r.event_id JOIN entity e ON e.id = r.entity_id JOIN province pv ON pv.code = r.province_code
    WHERE ev.status = 'published' AND r.status = 'approved' AND e.status = 'approved' AND ev.starts_on BETWEEN ${period.from}::date AND ${period.to}::date ${placeOf(a, 'r')}
    GROUP BY ev.level, r.province_code, pv.full_name ORDER BY min(${LEVEL_ORDER}), r.province_code`);
  // Events held in the area: organised by its office (a commune's, a province's) or held in the province; all of them nationally.
  const held = a.commune ? sql`AND ev.commune_code = ${a.commune}` : a.province ? sql`AND (ev.province_code = ${a.province} OR ev.venue_province_code = ${a.province})` : sql``;
  const [sum] = await query<{ held: number; entities: number; sales: string; contracts: string; partners: string }>(db, sql`SELECT
    (SELECT count(*)::int FROM trade_event ev WHERE ev.status = 'published' AND ev.starts_on BETWEEN ${period.from}::date AND ${period.to}::date ${held}) AS held,
    count(DISTINCT r.entity_id)::int AS entities, coalesce(sum(r.sales_vnd), 0)::text AS sales, coalesce(sum(r.contracts), 0)::text AS contracts, coalesce(sum(r.new_partners), 0)::text AS partners
    FROM trade_event_registration r JOIN trade_event ev ON ev.id = r.event_id JOIN entity e ON e.id = r.entity_id
    WHERE ev.status = 'published' AND r.status = 'approved' AND e.status = 'approved' AND ev.starts_on BETWEEN ${period.from}::date AND ${period.to}::date ${placeOf(a, 'r')}`);
  return {
    columns: ['level', 'province', 'provinceName', 'events', 'entities', 'salesVnd', 'contracts', 'newPartners'],
    rows: rows.map((r) => ({ level: r.level, province: r.province, provinceName: r.province_name, events: n(r.events), entities: n(r.entities), salesVnd: n(r.sales), contracts: n(r.contracts), newPartners: n(r.partners) })),
    summary: { eventsHeld: n(sum.held), entities: n(sum.entities), salesVnd: n(sum.sales), contracts: n(sum.contracts), newPartners: n(sum.partners) },
  };
}

export async function livestreamIndicator(db: Parameters<typeof query>[0], a: Area, period: { from: string; to: string }) {
  const rows = await query<{ province: string; province_name: string; sessions: number; entities: number; viewers: string; orders: string; sales: string }>(db, sql`
    SELECT s.province_code AS province, pv.full_name AS province_name, count(*)::int AS sessions, count(DISTINCT s.entity_id)::int AS entities,
      sum(s.viewers)::text AS viewers, sum(s.orders)::text AS orders, sum(s.sales_vnd)::text AS sales
    FROM livestream_session s JOIN entity e ON e.id = s.entity_id AND e.status = 'approved' JOIN province pv ON pv.code = s.province_code
    WHERE s.held_on BETWEEN ${period.from}::date AND ${period.to}::date ${placeOf(a, 's')}
    GROUP BY s.province_code, pv.full_name ORDER BY s.province_code`);
  const out = rows.map((r) => ({ province: r.province, provinceName: r.province_name, sessions: n(r.sessions), entities: n(r.entities), viewers: n(r.viewers), orders: n(r.orders), salesVnd: n(r.sales) }));
  const [ent] = await query<{ n: number }>(db, sql`SELECT count(DISTINCT s.entity_id)::int AS n FROM livestream_session s JOIN entity e ON e.id = s.entity_id AND e.status = 'approved'
    WHERE s.held_on BETWEEN ${period.from}::date AND ${period.to}::date ${placeOf(a, 's')}`);
  const add = (k: 'sessions' | 'viewers' | 'orders' | 'salesVnd') => out.reduce((s, r) => s + r[k], 0);
  return {
    columns: ['province', 'provinceName', 'sessions', 'entities', 'viewers', 'orders', 'salesVnd'],
    rows: out,
    summary: { sessions: add('sessions'), entities: n(ent.n), viewers: add('viewers'), orders: add('orders'), salesVnd: add('salesVnd') },
  };
}

const FORMATS = ' An unknown code is a 404. ?format=csv (or Accept: text/csv) answers CSV, ?format=xlsx an Excel workbook (the table, then a sheet describing it with the summary).';

export const tradeEventIndicatorRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  for (const name of ['fairs', 'livestream'] as const) {
    r.get(`/indicators/${name}`, {
      config: { access: 'public', publicCache: true },
      schema: {
        tags: ['stats'], querystring: periodQuery, response: { 200: tradeIndicatorOut },
        summary: `${TRADE_EVENT_INDICATORS[name].en} (JSON, CSV or xlsx), national or by ?province= / ?commune=, for ?from=&to= (default: all time to today)`,
        description: name === 'fairs'
          ? 'Rows: by the event\'s level and the attending entity\'s province — events attended, entities, sales in đồng, contracts signed, new partners reported after the event. Published events starting within the period; approved registrations of approved entities. summary.eventsHeld: published events starting within the period, organised in the area (a province: organised by its office or held there; a commune: organised by it).' + FORMATS
          : 'Rows: by the entity\'s province — sessions held within the period, entities, viewers, orders, sales in đồng, of approved entities.' + FORMATS,
      },
    }, async (req, reply) => {
      const q = req.query;
      const a: Area = { province: q.province, commune: q.commune };
      const missing = await missingArea(db, a);
      if (missing) throw missing === 'province' ? notFound('province', 'tỉnh') : notFound('commune', 'xã');
      const today = vnDate(new Date());
      const period = { from: q.from ?? '2000-01-01', to: q.to ?? today };
      const figures = name === 'fairs' ? await fairsIndicator(db, a, period) : await livestreamIndicator(db, a, period);
      const out = { name, title: TRADE_EVENT_INDICATORS[name], area: { province: a.province ?? null, commune: a.commune ?? null }, asOf: today, period, ...figures, total: figures.rows.length, source: SOURCES[name] };
      return send(req, reply, q.format, out, out);
    });
  }
};
