// Access to credit: /api/v1/credit/programmes (a public directory kept by the offices) and
// /api/v1/credit/applications (the entities' applications and their outcome, never public).
import { and, eq, gte, isNull, or, type SQL } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { inTransaction } from '../../app/command.js';
import { notFound } from '../../app/errors.js';
import { nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { vnDate } from '../scoring/index.js';
import { createApplication, createProgramme, recordOutcome, updateProgramme } from './commands/credit.js';
import { OFFICE_ROLES } from './content.policy.js';
import { creditApplication, creditProgramme } from './content.tables.js';
import { applicationList, applicationListQuery, applicationOut, createApplicationBody, createProgrammeBody, outcomeBody, programmeList, programmeListQuery, programmeOut, updateProgrammeBody } from './credit.contract.js';
import { APPLICANT_ROLES, APPLICATION_READERS, applicationInScope, applicationVisibility, OUTCOME_ROLES } from './credit.policy.js';
import { presentApplication, presentProgramme } from './credit.present.js';
import { applicationKeys, applicationSummary, getApplication, getProgramme, listApplications, listProgrammes, servingProvince } from './credit.repo.js';

const idParams = z.object({ id: z.uuid() });
const today = () => vnDate(new Date());

function applicationFilter(actor: Actor, qy: z.infer<typeof applicationListQuery>): SQL | undefined {
  return and(
    applicationVisibility(actor),
    qy.programme ? eq(creditApplication.programmeId, qy.programme) : undefined,
    qy.entity ? eq(creditApplication.entityId, qy.entity) : undefined,
    qy.status ? eq(creditApplication.status, qy.status) : undefined,
    qy.province ? eq(creditApplication.provinceCode, qy.province) : undefined,
    qy.commune ? eq(creditApplication.communeCode, qy.commune) : undefined,
  );
}

export const creditRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.get('/credit/programmes', { config: { access: 'public', publicCache: true }, schema: { tags: ['programme'], summary: 'Support programmes and preferential credit: lender, conditions, rate, deadline, legal basis; national and provincial', querystring: programmeListQuery, response: { 200: programmeList } } }, async (req) => {
    const qy = req.query;
    const day = today();
    const open = eq(creditProgramme.active, true);
    const where = and(
      qy.province ? servingProvince(qy.province) : undefined,
      qy.kind ? eq(creditProgramme.kind, qy.kind) : undefined,
      qy.open === undefined ? undefined : qy.open ? and(open, or(isNull(creditProgramme.deadline), gte(creditProgramme.deadline, day))) : undefined,
    );
    const rows = await listProgrammes(db, where);
    const items = rows.map((p) => presentProgramme(p, req.actor, day));
    return { items: qy.open === false ? items.filter((p) => !p.open) : items };
  });

  r.post('/credit/programmes', { config: { access: OFFICE_ROLES }, schema: { tags: ['programme'], summary: 'Add a programme: the central office a national one, a province office one of its province', body: createProgrammeBody, response: { 201: programmeOut } } }, async (req, reply) => {
    const row = await inTransaction(db, req, (ctx) => createProgramme(ctx, req.body));
    return reply.status(201).send(presentProgramme(row, req.actor, today()));
  });

  r.get('/credit/programmes/:id', { config: { access: 'public' }, schema: { tags: ['programme'], params: idParams, response: { 200: programmeOut } } }, async (req) => {
    const p = await getProgramme(db, req.params.id);
    if (!p) throw notFound('credit_programme', 'chương trình tín dụng');
    return presentProgramme(p, req.actor, today());
  });

  r.patch('/credit/programmes/:id', { config: { access: OFFICE_ROLES }, schema: { tags: ['programme'], summary: 'Change a programme (send the version you read); active=false closes it', params: idParams, body: updateProgrammeBody, response: { 200: programmeOut } } }, async (req) => {
    const row = await inTransaction(db, req, (ctx) => updateProgramme(ctx, req.params.id, req.body));
    return presentProgramme(row, req.actor, today());
  });

  r.get('/credit/applications', { config: { access: APPLICATION_READERS }, schema: { tags: ['programme'], summary: 'Applications for support in your scope (entity: its own; commune, province: theirs; central: all), newest first, with who was helped and with what', querystring: applicationListQuery, response: { 200: applicationList } } }, async (req, reply) => {
    const qy = req.query;
    const where = applicationFilter(req.actor, qy);
    const { rows, nextCursor } = await listApplications(db, where, qy.pageSize, readCursor({ ...qy, sort: '-createdAt' }, 'credit-applications', applicationKeys));
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    return { nextCursor, items: rows.map((v) => presentApplication(v, req.actor)), summary: await applicationSummary(db, where) };
  });

  r.post('/credit/applications', { config: { access: APPLICANT_ROLES }, schema: { tags: ['programme'], summary: 'Record an application for support: the entity for itself, the commune officer for an entity of the commune', body: createApplicationBody, response: { 201: applicationOut } } }, async (req, reply) => {
    const row = await inTransaction(db, req, (ctx) => createApplication(ctx, req.body));
    return reply.status(201).send(presentApplication((await getApplication(db, row.id))!, req.actor));
  });

  r.get('/credit/applications/:id', { config: { access: APPLICATION_READERS }, schema: { tags: ['programme'], params: idParams, response: { 200: applicationOut } } }, async (req) => {
    const v = await getApplication(db, req.params.id);
    if (!v || !applicationInScope(req.actor, v.application)) throw notFound('credit_application', 'hồ sơ vay vốn');
    return presentApplication(v, req.actor);
  });

  r.post('/credit/applications/:id/outcome', { config: { access: OUTCOME_ROLES }, schema: { tags: ['programme'], summary: 'The lender\'s answer: approved (amount, date) or rejected (reason, date)', params: idParams, body: outcomeBody, response: { 200: applicationOut } } }, async (req) => {
    await inTransaction(db, req, (ctx) => recordOutcome(ctx, req.params.id, req.body));
    return presentApplication((await getApplication(db, req.params.id))!, req.actor);
  });
};
