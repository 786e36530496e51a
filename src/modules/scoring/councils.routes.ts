// Councils over HTTP: the councils with their members and operating-rule settings, conflicts of interest (declared
// and suggested from the registry) and the library of precedents. Sessions and scoring are in sessions.routes.ts.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { inTransaction } from '../../app/command.js';
import { forbidden, notFound } from '../../app/errors.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { requireUser } from '../accounts/index.js';
import { nameMatches } from '../registry/index.js';
import { addCouncilMember, updateCouncilMember } from './commands/add-council-member.js';
import { addPrecedent } from './commands/add-precedent.js';
import { createCouncil } from './commands/create-council.js';
import { declareConflict } from './commands/declare-conflict.js';
import { updateCouncil } from './commands/update-council.js';
import {
  addMemberBody, conflictBody, conflictOut, councilList, councilOut, createCouncilBody, idParams, memberOut, precedentBody, precedentOut, precedentQuery,
  updateCouncilBody, updateMemberBody,
} from './councils.contract.js';
import { canManageCouncil, canReadCouncil, COUNCIL_OFFICES, COUNCIL_PEOPLE } from './councils.policy.js';
import { presentCouncil, presentMember } from './councils.present.js';
import { councilIdsOfUser, getCouncil, getMember, listConflicts, listCouncils, listMembers, searchPrecedents } from './councils.repo.js';
import { council, precedent } from './councils.tables.js';
import { sessionRoutes } from './sessions.routes.js';
import { COUNCIL_SETTINGS_SOURCE, councilSettings, RULES } from './rules.data.js';

const councilDefaultsOut = z.object({ defaults: councilSettings, source: z.object({ vi: z.string(), en: z.string() }) });
import { query } from '../../app/db.js';

const tags = ['councils'];

export const councilRoutes: ModulePlugin = async (app, deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  async function readable(actor: Actor, id: string) {
    const c = await getCouncil(db, id);
    const m = await getMember(db, id, actor.kind === 'user' ? actor.id : null);
    if (!c || !canReadCouncil(actor, c, m)) throw notFound('council', 'hội đồng');
    return c;
  }
  const full = async (actor: Actor, id: string) => presentCouncil((await getCouncil(db, id))!, await listMembers(db, id), actor);

  r.get('/councils', { config: { access: 'user' }, schema: { tags, summary: 'Councils the caller runs or sits on', response: { 200: councilList } } }, async (req) => {
    const u = requireUser(req);
    const mine = (await councilIdsOfUser(db, u.id)).map((x) => x.councilId);
    const where = u.role === 'central' ? undefined
      : u.role === 'province' ? sql`(${council.provinceCode} = ${u.provinceCode} OR ${mine.length ? inArray(council.id, mine) : sql`false`})`
        : mine.length ? inArray(council.id, mine) : sql`false`;
    const rows = await listCouncils(db, where);
    return { items: await Promise.all(rows.map(async (c) => presentCouncil(c, await listMembers(db, c.id), req.actor))) };
  });

  r.post('/councils', { config: { access: COUNCIL_OFFICES }, schema: { tags, summary: 'Create a provincial or the central council; settings default from the rules data', body: createCouncilBody, response: { 201: councilOut } } }, async (req, reply) => {
    requireUser(req);
    const c = await inTransaction(db, req, (ctx) => createCouncil(ctx, req.body));
    return reply.status(201).send(await full(req.actor, c.id));
  });

  r.get('/councils/settings-defaults', { config: { access: COUNCIL_PEOPLE }, schema: { tags, summary: 'The default council operating rules (spread, quorum, minimums) and their honest source: the council\'s own Quy chế hoạt động, not QĐ 26', response: { 200: councilDefaultsOut } } }, async () => {
    return { defaults: RULES.councilDefaults, source: COUNCIL_SETTINGS_SOURCE };
  });

  r.get('/councils/:id', { config: { access: COUNCIL_PEOPLE }, schema: { tags, params: idParams, response: { 200: councilOut } } }, async (req) => {
    requireUser(req);
    await readable(req.actor, req.params.id);
    return full(req.actor, req.params.id);
  });

  r.patch('/councils/:id', { config: { access: COUNCIL_OFFICES }, schema: { tags, summary: 'Rename or change the operating-rule settings (spread, quorum, minimums)', params: idParams, body: updateCouncilBody, response: { 200: councilOut } } }, async (req) => {
    requireUser(req);
    await inTransaction(db, req, (ctx) => updateCouncil(ctx, req.params.id, req.body));
    return full(req.actor, req.params.id);
  });

  r.post('/councils/:id/members', { config: { access: COUNCIL_OFFICES }, schema: { tags, summary: 'Add a member (chair, secretary, member) or an advisory-team member', params: idParams, body: addMemberBody, response: { 201: memberOut } } }, async (req, reply) => {
    requireUser(req);
    const m = await inTransaction(db, req, (ctx) => addCouncilMember(ctx, req.params.id, req.body));
    return reply.status(201).send(presentMember((await listMembers(db, req.params.id)).find((x) => x.member.id === m.id)!));
  });

  r.patch('/councils/:id/members/:memberId', { config: { access: COUNCIL_OFFICES }, schema: { tags, summary: 'Change a member\'s role or deactivate them', params: z.strictObject({ id: z.uuid(), memberId: z.uuid() }), body: updateMemberBody, response: { 200: memberOut } } }, async (req) => {
    requireUser(req);
    const m = await inTransaction(db, req, (ctx) => updateCouncilMember(ctx, req.params.id, req.params.memberId, req.body));
    return presentMember((await listMembers(db, req.params.id)).find((x) => x.member.id === m.id)!);
  });

  r.post('/councils/:id/conflicts', { config: { access: COUNCIL_PEOPLE }, schema: { tags, summary: 'Declare a conflict of interest between a member and an entity', params: idParams, body: conflictBody, response: { 201: conflictOut } } }, async (req, reply) => {
    requireUser(req);
    const row = await inTransaction(db, req, (ctx) => declareConflict(ctx, req.params.id, req.body));
    const names = await query<{ full_name: string; name: string }>(db, sql`SELECT u.full_name, e.name FROM app_user u, entity e WHERE u.id = ${row.userId} AND e.id = ${row.entityId}`);
    return reply.status(201).send({ userId: row.userId, fullName: names[0]?.full_name ?? '', entityId: row.entityId, entityName: names[0]?.name ?? null, kind: 'declared' as const, reason: row.reason, declaredAt: row.declaredAt.toISOString() });
  });

  // Declared conflicts, plus the likely ones the registry suggests: a member who belongs to the entity, or whose
  // account is in the entity's commune, for the entities of the dossiers on this council's open agendas.
  r.get('/councils/:id/conflicts', { config: { access: COUNCIL_PEOPLE }, schema: { tags, summary: 'Declared and suggested conflicts of interest for the dossiers on the agenda', params: idParams, response: { 200: z.object({ items: z.array(conflictOut) }) } } }, async (req) => {
    requireUser(req);
    const c = await readable(req.actor, req.params.id);
    const member = await getMember(db, c.id, req.actor.kind === 'user' ? req.actor.id : null);
    if (!canManageCouncil(req.actor, c) && !member?.active) throw forbidden();
    const declared = await listConflicts(db, c.id);
    const suggested = await query<{ user_id: string; full_name: string; entity_id: string; entity_name: string; kind: 'entity_member' | 'same_commune' }>(db, sql`
      SELECT DISTINCT m.user_id, u.full_name, e.id AS entity_id, e.name AS entity_name,
             CASE WHEN u.entity_id = e.id THEN 'entity_member' ELSE 'same_commune' END AS kind
      FROM council_member m JOIN app_user u ON u.id = m.user_id
      JOIN council_session s ON s.council_id = m.council_id AND s.status <> 'closed'
      JOIN session_item i ON i.session_id = s.id JOIN dossier d ON d.id = i.dossier_id JOIN entity e ON e.id = d.entity_id
      WHERE m.council_id = ${c.id} AND m.active AND (u.entity_id = e.id OR u.commune_code = e.commune_code)`);
    const names = new Map((await query<{ id: string; full_name: string }>(db, sql`SELECT u.id, u.full_name FROM app_user u JOIN council_member m ON m.user_id = u.id WHERE m.council_id = ${c.id}`)).map((x) => [x.id, x.full_name]));
    const entityNames = new Map((await query<{ id: string; name: string }>(db, sql`SELECT e.id, e.name FROM entity e JOIN conflict_declaration cd ON cd.entity_id = e.id WHERE cd.council_id = ${c.id}`)).map((x) => [x.id, x.name]));
    const items = [
      ...declared.map((d) => ({ userId: d.userId, fullName: names.get(d.userId) ?? '', entityId: d.entityId, entityName: entityNames.get(d.entityId) ?? null, kind: 'declared' as const, reason: d.reason, declaredAt: d.declaredAt.toISOString() })),
      ...suggested.filter((s) => !declared.some((d) => d.userId === s.user_id && d.entityId === s.entity_id))
        .map((s) => ({ userId: s.user_id, fullName: s.full_name, entityId: s.entity_id, entityName: s.entity_name, kind: s.kind, reason: null, declaredAt: null })),
    ];
    return { items };
  });

  r.get('/precedents', { config: { access: COUNCIL_PEOPLE }, schema: { tags, summary: 'Library of precedents: how councils read ambiguous criteria (search ignores diacritics)', querystring: precedentQuery, response: { 200: z.object({ items: z.array(precedentOut) }) } } }, async (req) => {
    const u = requireUser(req);
    if (!['council', 'advisory', 'province', 'central'].includes(u.role)) throw forbidden();
    const qy = req.query;
    const where = and(
      qy.sheet ? eq(precedent.sheet, qy.sheet) : undefined,
      qy.criterion ? eq(precedent.criterionCode, qy.criterion) : undefined,
      nameMatches(sql`${precedent}.text_fold`, qy.q),
    );
    const rows = await searchPrecedents(db, where, qy.pageSize, (qy.page - 1) * qy.pageSize);
    return { items: rows.map((p) => ({ id: p.id, councilId: p.councilId, sheet: p.sheet, criterionCode: p.criterionCode, title: p.title, body: p.body, dossierId: p.dossierId, createdBy: p.createdBy, createdAt: p.createdAt.toISOString() })) };
  });

  r.post('/precedents', { config: { access: COUNCIL_PEOPLE }, schema: { tags, summary: 'Record how the council read a criterion', body: precedentBody, response: { 201: precedentOut } } }, async (req, reply) => {
    requireUser(req);
    const p = await inTransaction(db, req, (ctx) => addPrecedent(ctx, req.body));
    return reply.status(201).send({ id: p.id, councilId: p.councilId, sheet: p.sheet, criterionCode: p.criterionCode, title: p.title, body: p.body, dossierId: p.dossierId, createdBy: p.createdBy, createdAt: p.createdAt.toISOString() });
  });

  await app.register(sessionRoutes, deps);
};
