// Fairs, exhibitions, trade missions and livestream sales days: /api/v1/trade-events. Thin routes: access declared,
// validate, load, authorise the scope, one command, present. Offices organise at their level; entities register
// with their own published products; the organiser approves (with a booth) or rejects; results after the event.
import { and, eq, gte, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { readAudit } from '../../app/audit.js';
import { inTransaction } from '../../app/command.js';
import { notFound } from '../../app/errors.js';
import { nextLink, readCursor, type Cursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { vnDate } from '../scoring/index.js';
import { decideRegistration } from './commands/decide-registration.js';
import { createEvent } from './commands/create-event.js';
import { registerForEvent, updateRegistration } from './commands/register-for-event.js';
import { reportResults } from './commands/report-results.js';
import { updateEvent } from './commands/update-event.js';
import {
  createEventBody, decideBody, eventList, eventListQuery, eventOut, exportQuery, registerBody, registrationList, registrationListQuery, registrationOut,
  resultsBody, updateEventBody, updateRegistrationBody,
} from './fairs.contract.js';
import { EVENT_LABELS, REGISTRATION_LABELS, eventRow, registrationRow } from './fairs.export.js';
import { canReadEvent, EVENT_ACTORS, eventVisibility, holdsEntity, OFFICE_ROLES, organises } from './fairs.policy.js';
import { presentEvent, presentRegistration } from './fairs.present.js';
import { eventKeys, eventsByIds, getEvent, getRegistration, idPage, registrationKeys, registrationsByIds } from './fairs.repo.js';
import { eventRegistration, tradeEvent } from './fairs.tables.js';
import { EXPORT_MAX, sendSheet } from './sheet.js';

const idParams = z.object({ id: z.uuid() });
const historyOut = z.object({ items: z.array(z.object({ id: z.number(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), action: z.string(), before: z.unknown(), after: z.unknown(), changes: z.array(z.string()) })) });
const today = () => vnDate(new Date());

function eventFilter(actor: Actor, q: z.infer<typeof eventListQuery>, day: string): SQL | undefined {
  return and(
    eventVisibility(actor),
    q.kind ? eq(tradeEvent.kind, q.kind) : undefined,
    q.level ? eq(tradeEvent.level, q.level) : undefined,
    q.province ? or(eq(tradeEvent.provinceCode, q.province), eq(tradeEvent.venueProvinceCode, q.province)) : undefined,
    q.status ? eq(tradeEvent.status, q.status) : undefined,
    q.abroad === undefined ? undefined : q.abroad ? ne(tradeEvent.country, 'VN') : eq(tradeEvent.country, 'VN'),
    q.from ? gte(tradeEvent.endsOn, q.from) : undefined,
    q.to ? lte(tradeEvent.startsOn, q.to) : undefined,
    q.open ? sql`${tradeEvent.status} = 'published' AND COALESCE(${tradeEvent.registrationDeadline}, ${tradeEvent.startsOn}) >= ${day}::date` : undefined,
  );
}

/** Registrations an actor sees: approved ones of events it may read (who exhibits is public), every one it holds
 * (its own entity, or entities in its commune or province) and every one of the events it organises. */
function registrationVisibility(actor: Actor): SQL | undefined {
  const shown = sql`${eventRegistration.status} = 'approved' AND EXISTS (SELECT 1 FROM trade_event ev WHERE ev.id = ${eventRegistration.eventId} AND ev.status <> 'draft')`;
  if (actor.kind !== 'user') return shown;
  switch (actor.role) {
    case 'central': return undefined;
    case 'province': return or(shown, eq(eventRegistration.provinceCode, actor.provinceCode!), sql`EXISTS (SELECT 1 FROM trade_event ev WHERE ev.id = ${eventRegistration.eventId} AND ev.level = 'province' AND ev.province_code = ${actor.provinceCode})`);
    case 'commune': return or(shown, eq(eventRegistration.communeCode, actor.communeCode!), sql`EXISTS (SELECT 1 FROM trade_event ev WHERE ev.id = ${eventRegistration.eventId} AND ev.level = 'commune' AND ev.commune_code = ${actor.communeCode})`);
    case 'entity': return or(shown, eq(eventRegistration.entityId, actor.entityId!));
    default: return shown;
  }
}
function registrationFilter(actor: Actor, q: z.infer<typeof registrationListQuery>): SQL | undefined {
  return and(
    registrationVisibility(actor),
    q.event ? eq(eventRegistration.eventId, q.event) : undefined,
    q.entity ? eq(eventRegistration.entityId, q.entity) : undefined,
    q.status ? eq(eventRegistration.status, q.status) : undefined,
    q.province ? eq(eventRegistration.provinceCode, q.province) : undefined,
  );
}

export const fairRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  async function readableEvent(actor: Actor, id: string) {
    const e = await getEvent(db, id);
    if (!e || !canReadEvent(actor, e)) throw notFound('trade_event', 'sự kiện xúc tiến thương mại');
    return e;
  }
  async function readableRegistration(actor: Actor, id: string) {
    const row = await getRegistration(db, id);
    const visible = row && (organises(actor, row.event) || holdsEntity(actor, row) || (row.status === 'approved' && row.event.status !== 'draft'));
    if (!row || !visible) throw notFound('registration', 'đăng ký');
    return row;
  }
  const presentReg = async (actor: Actor, id: string) => presentRegistration((await getRegistration(db, id))!, actor, today());

  async function allEvents(actor: Actor, where: SQL | undefined) {
    const out = [];
    for (let after: Cursor | undefined; out.length < EXPORT_MAX;) {
      const p = await idPage(db, tradeEvent, tradeEvent.id, eventKeys(), where, { page: 1, pageSize: 500, after }, 'trade_event', '-startsOn');
      out.push(...await eventsByIds(db, p.ids));
      if (!p.nextCursor) break;
      after = readCursor({ cursor: p.nextCursor, sort: '-startsOn' }, 'trade_event', eventKeys());
    }
    return out.map((e) => presentEvent(e, actor, today()));
  }

  r.get('/trade-events', { config: { access: 'public', publicCache: true }, schema: { tags: ['trade'], summary: 'Fairs, exhibitions, trade missions and livestream sales days, latest first (the organiser also sees its drafts)', querystring: eventListQuery, response: { 200: eventList } } }, async (req, reply) => {
    const q = req.query;
    const day = today();
    const p = await idPage(db, tradeEvent, tradeEvent.id, eventKeys(), eventFilter(req.actor, q, day), { page: q.page, pageSize: q.pageSize, after: readCursor(q, 'trade_event', eventKeys()) }, 'trade_event', '-startsOn');
    if (p.nextCursor) reply.header('link', nextLink(req.url, p.nextCursor));
    return { total: p.total, totalExact: p.totalExact, page: q.page, pageSize: q.pageSize, nextCursor: p.nextCursor, items: (await eventsByIds(db, p.ids)).map((e) => presentEvent(e, req.actor, day)) };
  });

  r.get('/trade-events/export', { config: { access: 'public' }, schema: { tags: ['trade'], summary: 'The event list with its filters as .xlsx (default) or CSV', querystring: eventListQuery.omit({ page: true, pageSize: true, cursor: true }).extend(exportQuery.shape) } }, async (req, reply) => {
    const rows = await allEvents(req.actor, eventFilter(req.actor, { ...req.query, page: 1, pageSize: 1 }, today()));
    return sendSheet(reply, req.query.format, 'su-kien-xuc-tien', 'Sự kiện', EVENT_LABELS, rows.map(eventRow));
  });

  r.post('/trade-events', { config: { access: OFFICE_ROLES }, schema: { tags: ['trade'], summary: 'Announce an event at your level (central: national; province; commune)', body: createEventBody, response: { 201: eventOut } } }, async (req, reply) => {
    const row = await inTransaction(db, req, (ctx) => createEvent(ctx, req.body));
    return reply.status(201).send(presentEvent((await getEvent(db, row.id))!, req.actor, today()));
  });

  r.get('/trade-events/registrations', { config: { access: 'public', publicCache: true }, schema: { tags: ['trade'], summary: 'Registrations: the public sees who exhibits (approved, no results); the entity its own; the organiser and the officers over the entity all, with results', querystring: registrationListQuery, response: { 200: registrationList } } }, async (req, reply) => {
    const q = req.query;
    const p = await idPage(db, eventRegistration, eventRegistration.id, registrationKeys(), registrationFilter(req.actor, q), { page: q.page, pageSize: q.pageSize, after: readCursor(q, 'registration', registrationKeys()) }, 'registration', '-createdAt');
    if (p.nextCursor) reply.header('link', nextLink(req.url, p.nextCursor));
    const day = today();
    return { total: p.total, totalExact: p.totalExact, page: q.page, pageSize: q.pageSize, nextCursor: p.nextCursor, items: (await registrationsByIds(db, p.ids)).map((x) => presentRegistration(x, req.actor, day)) };
  });

  r.get('/trade-events/registrations/export', { config: { access: EVENT_ACTORS }, schema: { tags: ['trade'], summary: 'Registrations with their results (those the caller may see in full) as .xlsx (default) or CSV', querystring: registrationListQuery.omit({ page: true, pageSize: true, cursor: true }).extend(exportQuery.shape) } }, async (req, reply) => {
    const where = registrationFilter(req.actor, { ...req.query, page: 1, pageSize: 1 });
    const out = [];
    for (let after: Cursor | undefined; out.length < EXPORT_MAX;) {
      const p = await idPage(db, eventRegistration, eventRegistration.id, registrationKeys(), where, { page: 1, pageSize: 500, after }, 'registration', '-createdAt');
      out.push(...(await registrationsByIds(db, p.ids)).map((x) => presentRegistration(x, req.actor, today())));
      if (!p.nextCursor) break;
      after = readCursor({ cursor: p.nextCursor, sort: '-createdAt' }, 'registration', registrationKeys());
    }
    return sendSheet(reply, req.query.format, 'dang-ky-hoi-cho', 'Đăng ký', REGISTRATION_LABELS, out.map(registrationRow));
  });

  r.get('/trade-events/registrations/:id', { config: { access: 'public' }, schema: { tags: ['trade'], params: idParams, response: { 200: registrationOut } } }, async (req) =>
    presentRegistration(await readableRegistration(req.actor, req.params.id), req.actor, today()));

  r.patch('/trade-events/registrations/:id', { config: { access: ['entity'] }, schema: { tags: ['trade'], summary: 'Change the products or the note of your registration while it waits and registration is open', params: idParams, body: updateRegistrationBody, response: { 200: registrationOut } } }, async (req) => {
    await readableRegistration(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => updateRegistration(ctx, req.params.id, req.body));
    return presentReg(req.actor, req.params.id);
  });

  r.post('/trade-events/registrations/:id/decision', { config: { access: OFFICE_ROLES }, schema: { tags: ['trade'], summary: 'The organising office approves (with a booth, unique within the event) or rejects (with the reason) a registration', params: idParams, body: decideBody, response: { 200: registrationOut } } }, async (req) => {
    await readableRegistration(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => decideRegistration(ctx, req.params.id, req.body));
    return presentReg(req.actor, req.params.id);
  });

  r.put('/trade-events/registrations/:id/results', { config: { access: EVENT_ACTORS }, schema: { tags: ['trade'], summary: 'Report the results after the event: sales in đồng, contracts signed, new partners (the entity or the organiser)', params: idParams, body: resultsBody, response: { 200: registrationOut } } }, async (req) => {
    await readableRegistration(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => reportResults(ctx, req.params.id, req.body));
    return presentReg(req.actor, req.params.id);
  });

  r.get('/trade-events/registrations/:id/history', { config: { access: EVENT_ACTORS }, schema: { tags: ['trade'], summary: 'Audit trail of a registration', params: idParams, response: { 200: historyOut } } }, async (req) => {
    const row = await getRegistration(db, req.params.id);
    if (!row || !(organises(req.actor, row.event) || holdsEntity(req.actor, row))) throw notFound('registration', 'đăng ký');
    return { items: await readAudit(db, 'trade_event_registration', req.params.id) };
  });

  r.get('/trade-events/:id', { config: { access: 'public', publicCache: true }, schema: { tags: ['trade'], params: idParams, response: { 200: eventOut } } }, async (req) =>
    presentEvent(await readableEvent(req.actor, req.params.id), req.actor, today()));

  r.patch('/trade-events/:id', { config: { access: OFFICE_ROLES }, schema: { tags: ['trade'], summary: 'The organiser changes its event, publishes a draft or cancels it (send the version you read)', params: idParams, body: updateEventBody, response: { 200: eventOut } } }, async (req) => {
    await readableEvent(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => updateEvent(ctx, req.params.id, req.body));
    return presentEvent((await getEvent(db, req.params.id))!, req.actor, today());
  });

  r.post('/trade-events/:id/registrations', { config: { access: ['entity'] }, schema: { tags: ['trade'], summary: 'Register your entity with some of its published products (the organiser decides)', params: idParams, body: registerBody, response: { 201: registrationOut } } }, async (req, reply) => {
    const row = await inTransaction(db, req, (ctx) => registerForEvent(ctx, req.params.id, req.body));
    return reply.status(201).send(await presentReg(req.actor, row.id));
  });
};
