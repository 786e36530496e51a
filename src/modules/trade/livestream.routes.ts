// Livestream sales sessions: /api/v1/livestreams. The entity records its own; the commune, province or central
// office may record one for an entity in its scope. Sessions are the entity's and its officers' to read; the public
// reads the aggregate indicator (GET /api/v1/indicators/livestream).
import { and, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { inTransaction } from '../../app/command.js';
import { notFound } from '../../app/errors.js';
import { nextLink, readCursor, type Cursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { deleteLivestream, recordLivestream, updateLivestream } from './commands/record-livestream.js';
import { createSessionBody, deleteQuery, exportQuery, sessionList, sessionListQuery, sessionOut, updateSessionBody } from './fairs.contract.js';
import { SESSION_LABELS, sessionRow } from './fairs.export.js';
import { EVENT_ACTORS, holdsEntity } from './fairs.policy.js';
import { presentSession } from './fairs.present.js';
import { getSession, idPage, sessionKeys, sessionsByIds } from './fairs.repo.js';
import { livestreamSession } from './fairs.tables.js';
import { EXPORT_MAX, sendSheet } from './sheet.js';

const idParams = z.object({ id: z.uuid() });

function sessionFilter(actor: Actor, q: z.infer<typeof sessionListQuery>): SQL | undefined {
  const scope = actor.kind !== 'user' ? eq(livestreamSession.id, '00000000-0000-0000-0000-000000000000')
    : actor.role === 'central' ? undefined
      : actor.role === 'province' ? eq(livestreamSession.provinceCode, actor.provinceCode!)
        : actor.role === 'commune' ? eq(livestreamSession.communeCode, actor.communeCode!)
          : eq(livestreamSession.entityId, actor.entityId!);
  return and(
    scope,
    q.entity ? eq(livestreamSession.entityId, q.entity) : undefined,
    q.platform ? eq(livestreamSession.platform, q.platform) : undefined,
    q.province ? eq(livestreamSession.provinceCode, q.province) : undefined,
    q.commune ? eq(livestreamSession.communeCode, q.commune) : undefined,
    q.from ? gte(livestreamSession.heldOn, q.from) : undefined,
    q.to ? lte(livestreamSession.heldOn, q.to) : undefined,
  );
}

export const livestreamRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  async function readable(actor: Actor, id: string) {
    const s = await getSession(db, id);
    if (!s || !holdsEntity(actor, s)) throw notFound('livestream', 'phiên livestream');
    return s;
  }

  r.get('/livestreams', { config: { access: EVENT_ACTORS }, schema: { tags: ['trade'], summary: 'Livestream sales sessions in your scope, latest first', querystring: sessionListQuery, response: { 200: sessionList } } }, async (req, reply) => {
    const q = req.query;
    const p = await idPage(db, livestreamSession, livestreamSession.id, sessionKeys(), sessionFilter(req.actor, q), { page: q.page, pageSize: q.pageSize, after: readCursor(q, 'livestream', sessionKeys()) }, 'livestream', '-heldOn');
    if (p.nextCursor) reply.header('link', nextLink(req.url, p.nextCursor));
    return { total: p.total, totalExact: p.totalExact, page: q.page, pageSize: q.pageSize, nextCursor: p.nextCursor, items: (await sessionsByIds(db, p.ids)).map((s) => presentSession(s, req.actor)) };
  });

  r.get('/livestreams/export', { config: { access: EVENT_ACTORS }, schema: { tags: ['trade'], summary: 'The livestream sessions in your scope with the list\'s filters as .xlsx (default) or CSV', querystring: sessionListQuery.omit({ page: true, pageSize: true, cursor: true }).extend(exportQuery.shape) } }, async (req, reply) => {
    const where = sessionFilter(req.actor, { ...req.query, page: 1, pageSize: 1 });
    const out = [];
    for (let after: Cursor | undefined; out.length < EXPORT_MAX;) {
      const p = await idPage(db, livestreamSession, livestreamSession.id, sessionKeys(), where, { page: 1, pageSize: 500, after }, 'livestream', '-heldOn');
      out.push(...(await sessionsByIds(db, p.ids)).map((s) => presentSession(s, req.actor)));
      if (!p.nextCursor) break;
      after = readCursor({ cursor: p.nextCursor, sort: '-heldOn' }, 'livestream', sessionKeys());
    }
    return sendSheet(reply, req.query.format, 'livestream', 'Livestream', SESSION_LABELS, out.map(sessionRow));
  });

  r.post('/livestreams', { config: { access: EVENT_ACTORS }, schema: { tags: ['trade'], summary: 'Record a livestream sales session (an entity its own; an office one of an entity in its scope, entityId)', body: createSessionBody, response: { 201: sessionOut } } }, async (req, reply) => {
    const row = await inTransaction(db, req, (ctx) => recordLivestream(ctx, req.body));
    return reply.status(201).send(presentSession((await getSession(db, row.id))!, req.actor));
  });

  r.get('/livestreams/:id', { config: { access: EVENT_ACTORS }, schema: { tags: ['trade'], params: idParams, response: { 200: sessionOut } } }, async (req) =>
    presentSession(await readable(req.actor, req.params.id), req.actor));

  r.patch('/livestreams/:id', { config: { access: EVENT_ACTORS }, schema: { tags: ['trade'], summary: 'Correct a session (send the version you read)', params: idParams, body: updateSessionBody, response: { 200: sessionOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => updateLivestream(ctx, req.params.id, req.body));
    return presentSession((await getSession(db, req.params.id))!, req.actor);
  });

  r.delete('/livestreams/:id', { config: { access: EVENT_ACTORS }, schema: { tags: ['trade'], summary: 'Remove a session recorded by mistake (?version=)', params: idParams, querystring: deleteQuery } }, async (req, reply) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => deleteLivestream(ctx, req.params.id, req.query.version));
    return reply.status(204).send();
  });
};
