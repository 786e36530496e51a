// Community and eco-tourism destinations: /api/v1/tourism-destinations. The public reads the published ones (by
// province, commune, kind or a map box); the managing entity and the offices over the place record and correct them.
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { inTransaction } from '../../app/command.js';
import { invalidField, notFound } from '../../app/errors.js';
import { loginRequired } from '../../app/access.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { createDestination, updateDestination } from './commands/save-destination.js';
import { exportQuery } from './fairs.contract.js';
import { DESTINATION_KIND_VI, SERVICE_VI } from './fairs.labels.js';
import { EVENT_ACTORS } from './fairs.policy.js';
import { monthRanges, parseBbox } from './fairs.rules.js';
import { tourismDestination } from './fairs.tables.js';
import { sendSheet, type SheetColumn } from './sheet.js';
import { createDestinationBody, destinationList, destinationListQuery, destinationOut, updateDestinationBody, type DestinationOut } from './tourism.contract.js';
import { managesDestination, presentDestination } from './tourism.present.js';
import { getDestination, inBox, listDestinations, publicDestinations } from './tourism.repo.js';

const idParams = z.object({ id: z.uuid() });

/** The destinations an actor manages (all of them, published or not). */
function managed(actor: Actor): SQL | undefined {
  if (actor.kind !== 'user') return undefined;
  switch (actor.role) {
    case 'central': return sql`TRUE`;
    case 'province': return eq(tourismDestination.provinceCode, actor.provinceCode!);
    case 'commune': return eq(tourismDestination.communeCode, actor.communeCode!);
    case 'entity': return eq(tourismDestination.entityId, actor.entityId!);
    default: return undefined;
  }
}

export function destinationFilter(actor: Actor, q: z.infer<typeof destinationListQuery>): SQL | undefined {
  const bbox = q.bbox === undefined ? undefined : parseBbox(q.bbox);
  if (q.bbox !== undefined && !bbox) throw invalidField('bbox', 'invalid_bbox', { vi: 'Khung bản đồ phải là kinh độ tây, vĩ độ nam, kinh độ đông, vĩ độ bắc', en: 'bbox is west,south,east,north in degrees' });
  const mine = managed(actor);
  if (q.mine && !mine) throw loginRequired();
  return and(
    q.mine ? mine : mine ? or(publicDestinations(), mine) : publicDestinations(),
    q.province ? eq(tourismDestination.provinceCode, q.province) : undefined,
    q.commune ? eq(tourismDestination.communeCode, q.commune) : undefined,
    q.kind ? eq(tourismDestination.kind, q.kind) : undefined,
    q.entity ? eq(tourismDestination.entityId, q.entity) : undefined,
    bbox ? inBox(bbox) : undefined,
  );
}

const COLUMNS: SheetColumn[] = [
  { key: 'name', header: 'Tên điểm du lịch', width: 36 }, { key: 'kind', header: 'Loại hình', width: 18 }, { key: 'commune', header: 'Xã', width: 20 },
  { key: 'province', header: 'Tỉnh', width: 20 }, { key: 'latitude', header: 'Vĩ độ', width: 10 }, { key: 'longitude', header: 'Kinh độ', width: 10 },
  { key: 'season', header: 'Mùa (tháng)', width: 14 }, { key: 'services', header: 'Dịch vụ', width: 40 }, { key: 'planningZone', header: 'Vùng quy hoạch', width: 30 },
  { key: 'entity', header: 'Chủ thể quản lý', width: 30 }, { key: 'product', header: 'Sản phẩm OCOP', width: 30 }, { key: 'stars', header: 'Hạng sao', kind: 'number', width: 8 },
];
const sheetRow = (d: DestinationOut) => ({
  name: d.name, kind: DESTINATION_KIND_VI[d.kind], commune: d.commune.name, province: d.province.name, latitude: String(d.latitude), longitude: String(d.longitude),
  season: monthRanges(d.seasonMonths), services: d.services.map((s) => SERVICE_VI[s]).join('; '), planningZone: d.planningZone, entity: d.entity?.name, product: d.product?.name, stars: d.product?.stars,
});

export const tourismRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  async function readable(actor: Actor, id: string) {
    const d = await getDestination(db, id);
    const published = d && d.published && (!d.entityId || d.entityStatus === 'approved');
    if (!d || !(published || managesDestination(actor, d))) throw notFound('tourism_destination', 'điểm du lịch');
    return d;
  }

  r.get('/tourism-destinations', { config: { access: 'public', publicCache: true }, schema: { tags: ['trade'], summary: 'Community and eco-tourism destinations (published; with ?mine=true those you manage), by province, commune, kind or map box; at most `limit`', querystring: destinationListQuery, response: { 200: destinationList } } }, async (req) => {
    const { total, rows } = await listDestinations(db, destinationFilter(req.actor, req.query), req.query.limit);
    return { total, items: rows.map((d) => presentDestination(d, req.actor)) };
  });

  r.get('/tourism-destinations/export', { config: { access: 'public' }, schema: { tags: ['trade'], summary: 'The destinations with the list\'s filters as .xlsx (default) or CSV', querystring: destinationListQuery.extend(exportQuery.shape) } }, async (req, reply) => {
    const { rows } = await listDestinations(db, destinationFilter(req.actor, req.query), 1000);
    return sendSheet(reply, req.query.format, 'diem-du-lich', 'Điểm du lịch', COLUMNS, rows.map((d) => sheetRow(presentDestination(d, req.actor))));
  });

  r.post('/tourism-destinations', { config: { access: EVENT_ACTORS }, schema: { tags: ['trade'], summary: 'Record a destination (an entity its own; an office one in its commune or province)', body: createDestinationBody, response: { 201: destinationOut } } }, async (req, reply) => {
    const row = await inTransaction(db, req, (ctx) => createDestination(ctx, req.body));
    return reply.status(201).send(presentDestination((await getDestination(db, row.id))!, req.actor));
  });

  r.get('/tourism-destinations/:id', { config: { access: 'public', publicCache: true }, schema: { tags: ['trade'], params: idParams, response: { 200: destinationOut } } }, async (req) =>
    presentDestination(await readable(req.actor, req.params.id), req.actor));

  r.patch('/tourism-destinations/:id', { config: { access: EVENT_ACTORS }, schema: { tags: ['trade'], summary: 'Correct a destination (send the version you read)', params: idParams, body: updateDestinationBody, response: { 200: destinationOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => updateDestination(ctx, req.params.id, req.body));
    return presentDestination((await getDestination(db, req.params.id))!, req.actor);
  });
};
