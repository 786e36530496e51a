// The producer's traceability records: its locations (GLNs), its batches (lots) and the steps recorded on them.
// Entity members manage their own; commune, province and central officers read them in scope.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../app/command.js';
import { notFound } from '../../app/errors.js';
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDeps } from '../../app/plugin.js';
import { requireUser } from '../accounts/index.js';
import { createLocation } from './commands/create-location.js';
import { createLot } from './commands/create-lot.js';
import { recordStep, type Capture } from './commands/record-step.js';
import { createLocationBody, createLotBody, idParams, locationList, locationListQuery, locationOut, lotList, lotListQuery, lotOut, recordStepBody, recordStepOut } from './producer.contract.js';
import { canManageTrace, canReadTrace } from './producer.policy.js';
import { presentLocation, presentLot } from './producer.present.js';
import { eventsOfLot, getEntityScope, getLocations, getLot, listLocations, listLots, locationNamesByGln } from './producer.repo.js';
import type { Queryable } from '../../app/db.js';
import type { Actor } from '../../app/actor.js';
import { eq } from 'drizzle-orm';
import { product } from '../registry/index.js';

const TRACE_ROLES = ['central', 'province', 'commune', 'entity'] as const;
const LOTS_LISTED = 100;

export type ProducerRoutesOptions = { capture: Capture };

/** `capture`: the repository's capture (commands/capture-document.ts), handed in by the module's index. */
export const producerTraceRoutes: FastifyPluginAsync<ModuleDeps & ProducerRoutesOptions> = async (app, { database, config, capture }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  async function readableEntity(actor: Actor, id: string) {
    const e = await getEntityScope(db, id);
    if (!e || !canReadTrace(actor, e)) throw notFound('entity', 'chủ thể');
    return e;
  }
  async function lotView(q: Queryable, actor: Actor, id: string) {
    const row = await getLot(q, id);
    const scope = row && { id: row.entityId, provinceCode: row.provinceCode, communeCode: row.communeCode };
    if (!row || !canReadTrace(actor, scope!)) throw notFound('lot', 'lô hàng');
    const events = await eventsOfLot(q, row.lot);
    const glns = events.flatMap((e) => [e.bizLocation, e.readPoint]).map((x) => x?.match(/\/414\/(\d{13})/)?.[1]).filter((x): x is string => Boolean(x));
    return presentLot(row, config.publicUrl, { manage: canManageTrace(actor, scope!), events, names: await locationNamesByGln(q, [...new Set(glns)]) });
  }

  r.get('/trace/locations', { config: { access: TRACE_ROLES }, schema: { tags: ['trace'], summary: 'An entity\'s locations (raw-material areas, farms, workshops, warehouses, shops) with their GLNs', querystring: locationListQuery, response: { 200: locationList } } }, async (req) => {
    const e = await readableEntity(req.actor, req.query.entity);
    return { items: (await listLocations(db, e.id)).map(presentLocation) };
  });

  r.post('/trace/locations', { config: { access: ['entity'] }, schema: { tags: ['trace'], summary: 'Record a location of the entity: its own GLN, or one under the programme\'s GS1 prefix', body: createLocationBody, response: { 201: locationOut } } }, async (req, reply) => {
    requireUser(req);
    const row = await inTransaction(db, req, (ctx) => createLocation(ctx, req.body, { gs1Prefix: config.gs1Prefix }));
    const [full] = await getLocations(db, [row.id]);
    return reply.status(201).send(presentLocation(full));
  });

  r.get('/trace/lots', { config: { access: TRACE_ROLES }, schema: { tags: ['trace'], summary: `The newest batches (lots) of a product or an entity (at most ${LOTS_LISTED})`, querystring: lotListQuery, response: { 200: lotList } } }, async (req) => {
    const { product: productId, entity: entityId } = req.query;
    let owner = entityId;
    if (productId) {
      const [p] = await db.select({ entityId: product.entityId }).from(product).where(eq(product.id, productId));
      if (!p) throw notFound('product', 'sản phẩm');
      owner = p.entityId;
    }
    const e = await readableEntity(req.actor, owner!);
    const rows = await listLots(db, { productId, entityId }, LOTS_LISTED + 1);
    return { items: rows.slice(0, LOTS_LISTED).map((row) => presentLot(row, config.publicUrl, { manage: canManageTrace(req.actor, e) })), capped: rows.length > LOTS_LISTED };
  });

  r.post('/trace/lots', { config: { access: ['entity'] }, schema: { tags: ['trace'], summary: 'Open a batch (lot) of one of the entity\'s products', body: createLotBody, response: { 201: lotOut } } }, async (req, reply) => {
    requireUser(req);
    const row = await inTransaction(db, req, (ctx) => createLot(ctx, req.body));
    return reply.status(201).send(await lotView(db, req.actor, row.id));
  });

  r.post('/trace/lots/:id/steps', { config: { access: ['entity'] }, schema: { tags: ['trace'], summary: 'Record a step of a batch (harvest, processing, packing, shipping, receiving): the EPCIS 2.0 event is captured underneath', params: idParams, body: recordStepBody, response: { 201: recordStepOut } } }, async (req, reply) => {
    requireUser(req);
    const result = await inTransaction(db, req, (ctx) => recordStep(ctx, req.params.id, req.body, capture));
    return reply.status(201).send({ lot: await lotView(db, req.actor, req.params.id), eventIds: result.eventIds, captureId: result.captureId });
  });

  r.get('/trace/lots/:id', { config: { access: TRACE_ROLES }, schema: { tags: ['trace'], summary: 'A batch with the steps recorded on it (from its EPCIS events) and the next step to record', params: idParams, response: { 200: lotOut } } }, async (req) => lotView(db, req.actor, req.params.id));
};

