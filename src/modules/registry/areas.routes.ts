// Raw-material areas: /api/v1/raw-material-areas. The entity keeps its own areas (location as GeoJSON, size, what
// grows there, farming standard, certificates, the products drawing on them); the commune or province in scope
// verifies them; the central office reads all. Thin routes: access declared, validate, load, authorise, one command.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { readAudit } from '../../app/audit.js';
import { inTransaction } from '../../app/command.js';
import { forbidden, notFound } from '../../app/errors.js';
import { nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { areaList, areaListQuery, areaOut, createAreaBody, deleteAreaQuery, rejectAreaBody, updateAreaBody, verifyAreaBody } from './areas.contract.js';
import { AREA_OWNER, AREA_READERS, AREA_VERIFIERS, areaVisibility, canReadArea } from './areas.policy.js';
import { presentArea } from './areas.present.js';
import { areaKeys, getArea, listAreas } from './areas.repo.js';
import { rawMaterialArea } from './areas.tables.js';
import { createArea } from './commands/create-area.js';
import { deleteArea, updateArea } from './commands/update-area.js';
import { rejectArea, verifyArea } from './commands/verify-area.js';

const idParams = z.object({ id: z.uuid() });
const historyOut = z.object({
  items: z.array(z.object({ id: z.number(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), action: z.string(), before: z.unknown(), after: z.unknown(), changes: z.array(z.string()) })),
});

function areaFilter(actor: Actor, qy: z.infer<typeof areaListQuery>): SQL | undefined {
  return and(
    areaVisibility(actor),
    qy.entity ? eq(rawMaterialArea.entityId, qy.entity) : undefined,
    qy.product ? sql`EXISTS (SELECT 1 FROM raw_material_area_product l WHERE l.area_id = ${rawMaterialArea.id} AND l.product_id = ${qy.product})` : undefined,
    qy.status ? eq(rawMaterialArea.status, qy.status) : undefined,
    qy.province ? eq(rawMaterialArea.provinceCode, qy.province) : undefined,
    qy.commune ? eq(rawMaterialArea.communeCode, qy.commune) : undefined,
  );
}

export const areaRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  /** 404 to whoever is outside the area's scope: its existence is not theirs to learn. */
  async function readable(actor: Actor, id: string) {
    const row = await getArea(db, id);
    if (!row || !canReadArea(actor, row.area)) throw notFound('raw_material_area', 'vùng nguyên liệu');
    return row;
  }
  const present = async (actor: Actor, id: string) => presentArea((await getArea(db, id))!, actor);

  r.get('/raw-material-areas', { config: { access: AREA_READERS }, schema: { tags: ['registry'], summary: 'Raw-material areas in the caller\'s scope (the entity\'s own; status=unverified: the verification queue)', querystring: areaListQuery, response: { 200: areaList } } }, async (req, reply) => {
    const qy = req.query;
    const { total, totalExact, rows, nextCursor } = await listAreas(db, areaFilter(req.actor, qy), qy.page, qy.pageSize, readCursor(qy, 'raw_material_area', areaKeys));
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    return { total, totalExact, page: qy.page, pageSize: qy.pageSize, nextCursor, items: rows.map((row) => presentArea(row, req.actor)) };
  });

  r.post('/raw-material-areas', { config: { access: AREA_OWNER }, schema: { tags: ['registry'], summary: 'Record one of your entity\'s raw-material areas (location as a GeoJSON Point or Polygon); it waits for verification', body: createAreaBody, response: { 201: areaOut } } }, async (req, reply) => {
    const actor = req.actor;
    if (actor.kind !== 'user' || !actor.entityId) throw forbidden();
    const created = await inTransaction(db, req, (ctx) => createArea(ctx, actor.entityId!, req.body));
    return reply.status(201).send(await present(req.actor, created.id));
  });

  r.get('/raw-material-areas/:id', { config: { access: AREA_READERS }, schema: { tags: ['registry'], params: idParams, response: { 200: areaOut } } }, async (req) =>
    presentArea(await readable(req.actor, req.params.id), req.actor));

  r.patch('/raw-material-areas/:id', { config: { access: AREA_OWNER }, schema: { tags: ['registry'], summary: 'Change an area (send the version you read); a change of substance returns a verified area to the queue', params: idParams, body: updateAreaBody, response: { 200: areaOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => updateArea(ctx, req.params.id, req.body));
    return present(req.actor, req.params.id);
  });

  r.delete('/raw-material-areas/:id', { config: { access: AREA_OWNER }, schema: { tags: ['registry'], summary: 'Remove an area no batch names (?version=the version you read)', params: idParams, querystring: deleteAreaQuery } }, async (req, reply) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => deleteArea(ctx, req.params.id, req.query.version));
    return reply.status(204).send();
  });

  r.post('/raw-material-areas/:id/verify', { config: { access: AREA_VERIFIERS }, schema: { tags: ['registry'], summary: 'The commune or province in scope has checked the area and its certificates', params: idParams, body: verifyAreaBody, response: { 200: areaOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => verifyArea(ctx, req.params.id, req.body.version));
    return present(req.actor, req.params.id);
  });

  r.post('/raw-material-areas/:id/reject', { config: { access: AREA_VERIFIERS }, schema: { tags: ['registry'], summary: 'Reject an area with the reason (the entity sees it)', params: idParams, body: rejectAreaBody, response: { 200: areaOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => rejectArea(ctx, req.params.id, req.body.version, req.body.reason));
    return present(req.actor, req.params.id);
  });

  r.get('/raw-material-areas/:id/history', { config: { access: AREA_READERS }, schema: { tags: ['registry'], summary: 'Audit trail of an area', params: idParams, response: { 200: historyOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    return { items: await readAudit(db, 'raw_material_area', req.params.id) };
  });
};
