// The OCOP cycle: the six steps (/api/v1/cycle-steps), product ideas and their business plans
// (/api/v1/product-ideas), and the step a product is at with its upgrade path (/api/v1/products/{id}/cycle).
// Thin routes: access declared, validate, load, authorise the scope, one command, present.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { readAudit } from '../../app/audit.js';
import { inTransaction } from '../../app/command.js';
import { notFound } from '../../app/errors.js';
import { nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { logSensitiveRead, project } from '../../app/privacy.js';
import { canReadProduct, getProduct } from '../registry/index.js';
import { getSheet, RULES, vnDate } from '../scoring/index.js';
import { advanceIdea, submitBusinessPlan } from './commands/business-plan.js';
import { acceptIdea, returnIdea } from './commands/decide-idea.js';
import { submitIdea } from './commands/submit-idea.js';
import { updateIdea } from './commands/update-idea.js';
import { acceptIdeaBody, advanceIdeaBody, businessPlanBody, createIdeaBody, cycleStepsOut, ideaList, ideaListQuery, ideaOut, productCycleOut, returnIdeaBody, updateIdeaBody, type ProductCycleOut } from './cycle.contract.js';
import { PRODUCT_CYCLE_FIELDS } from './cycle.fields.js';
import { IDEA_AUTHORS, IDEA_READERS, ideaInScope, readsPhone } from './cycle.policy.js';
import { presentIdea } from './cycle.present.js';
import { cycleFacts, getIdea, IDEA_KEYS, ideaOfProduct, latestScores, listIdeas } from './cycle.repo.js';
import { upgradeHelp } from './cycle.help.js';
import { CYCLE, productStep, stepsAround, upgradePath } from './cycle.rules.js';
import { productIdea } from './cycle.tables.js';

const idParams = z.object({ id: z.uuid() });
const historyOut = z.object({
  items: z.array(z.object({ id: z.number(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), action: z.string(), before: z.unknown(), after: z.unknown(), changes: z.array(z.string()) })),
});

/** The ideas an actor may list: its own scope's. */
function ideaVisibility(actor: Actor): SQL {
  if (actor.kind !== 'user') return sql`FALSE`;
  switch (actor.role) {
    case 'central': return sql`TRUE`;
    case 'province': return eq(productIdea.provinceCode, actor.provinceCode ?? '');
    case 'commune': return eq(productIdea.communeCode, actor.communeCode ?? '');
    case 'entity': return eq(productIdea.entityId, actor.entityId ?? '00000000-0000-0000-0000-000000000000');
    default: return sql`FALSE`;
  }
}

export const cycleRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  async function readable(actor: Actor, id: string) {
    const row = await getIdea(db, id);
    if (!row || !ideaInScope(actor, row.idea)) throw notFound('idea', 'ý tưởng sản phẩm');
    return row;
  }
  const present = async (actor: Actor, id: string) => presentIdea((await getIdea(db, id))!, actor);

  r.get('/cycle-steps', { config: { access: 'public', publicCache: true }, schema: { tags: ['programme'], summary: 'The six steps of the yearly OCOP cycle (data/programme/cycle.json, with its source)', response: { 200: cycleStepsOut } } }, async () =>
    ({ version: CYCLE.version, instrument: CYCLE.instrument, source: CYCLE.source, principle: CYCLE.principle, items: CYCLE.steps }));

  r.get('/product-ideas', { config: { access: IDEA_READERS }, schema: { tags: ['programme'], summary: 'Product ideas in the caller\'s scope, newest first (status=submitted: the commune\'s queue)', querystring: ideaListQuery, response: { 200: ideaList } } }, async (req, reply) => {
    const qy = req.query;
    const where = and(ideaVisibility(req.actor), qy.status ? eq(productIdea.status, qy.status) : undefined, qy.commune ? eq(productIdea.communeCode, qy.commune) : undefined);
    const page = await listIdeas(db, where, qy.page, qy.pageSize, readCursor(qy, 'idea', IDEA_KEYS));
    if (page.nextCursor) reply.header('link', nextLink(req.url, page.nextCursor));
    return { total: page.total, totalExact: page.totalExact, page: qy.page, pageSize: qy.pageSize, nextCursor: page.nextCursor, items: page.rows.map((v) => presentIdea(v, req.actor)) };
  });

  r.post('/product-ideas', { config: { access: IDEA_AUTHORS }, schema: { tags: ['programme'], summary: 'Submit a product idea to the commune (a producer\'s own; or the commune officer\'s for a producer not registered, with producerName)', body: createIdeaBody, response: { 201: ideaOut } } }, async (req, reply) => {
    const row = await inTransaction(db, req, (ctx) => submitIdea(ctx, req.body));
    return reply.status(201).send(await present(req.actor, row.id));
  });

  r.get('/product-ideas/:id', { config: { access: IDEA_READERS }, schema: { tags: ['programme'], params: idParams, response: { 200: ideaOut } } }, async (req) => {
    const row = await readable(req.actor, req.params.id);
    const out = presentIdea(row, req.actor, true);
    if (out.producerPhone && req.actor.kind === 'user' && req.actor.id !== row.idea.createdBy && readsPhone(req.actor, row.idea)) {
      await logSensitiveRead(db, req.log, req.actor, { recordType: 'product_idea', recordId: row.idea.id, fields: ['producerPhone'], route: req.routeOptions.url ?? req.url, requestId: req.id });
    }
    return out;
  });

  r.patch('/product-ideas/:id', { config: { access: IDEA_AUTHORS }, schema: { tags: ['programme'], summary: 'Correct an idea not yet accepted (send the version read); a returned idea goes back to the commune', params: idParams, body: updateIdeaBody, response: { 200: ideaOut } } }, async (req) => {
    await inTransaction(db, req, (ctx) => updateIdea(ctx, req.params.id, req.body));
    return present(req.actor, req.params.id);
  });

  r.post('/product-ideas/:id/accept', { config: { access: ['commune'] }, schema: { tags: ['programme'], summary: 'The commune accepts the idea into the cycle: it goes on to its business plan', params: idParams, body: acceptIdeaBody, response: { 200: ideaOut } } }, async (req) => {
    await inTransaction(db, req, (ctx) => acceptIdea(ctx, req.params.id, req.body.version));
    return present(req.actor, req.params.id);
  });

  r.post('/product-ideas/:id/return', { config: { access: ['commune'] }, schema: { tags: ['programme'], summary: 'The commune returns the idea with the reason (the producer may correct it and submit again)', params: idParams, body: returnIdeaBody, response: { 200: ideaOut } } }, async (req) => {
    await inTransaction(db, req, (ctx) => returnIdea(ctx, req.params.id, req.body.version, req.body.reason));
    return present(req.actor, req.params.id);
  });

  r.post('/product-ideas/:id/business-plan', { config: { access: IDEA_AUTHORS }, schema: { tags: ['programme'], summary: 'Hand the accepted idea\'s production and business plan to the commune', params: idParams, body: businessPlanBody, response: { 200: ideaOut } } }, async (req) => {
    await inTransaction(db, req, (ctx) => submitBusinessPlan(ctx, req.params.id, req.body));
    return present(req.actor, req.params.id);
  });

  r.post('/product-ideas/:id/advance', { config: { access: ['commune'] }, schema: { tags: ['programme'], summary: 'The commune has the business plan: the idea is being carried out (optionally linked to the product registered from it)', params: idParams, body: advanceIdeaBody, response: { 200: ideaOut } } }, async (req) => {
    await inTransaction(db, req, (ctx) => advanceIdea(ctx, req.params.id, req.body));
    return present(req.actor, req.params.id);
  });

  r.get('/product-ideas/:id/history', { config: { access: IDEA_READERS }, schema: { tags: ['programme'], summary: 'Audit trail of an idea', params: idParams, response: { 200: historyOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    return { items: await readAudit(db, 'product_idea', req.params.id) };
  });

  r.get('/products/:id/cycle', { config: { access: 'public' }, schema: { tags: ['programme'], summary: 'The cycle step a product is at (derived from its certificate and dossiers); for the entity and the officers in scope, the idea it came from and its upgrade path to the next star', params: idParams, response: { 200: productCycleOut } } }, async (req, reply) => {
    const p = await getProduct(db, req.params.id);
    if (!p || !canReadProduct(req.actor, p.product, p.entityStatus)) throw notFound('product', 'sản phẩm');
    reply.header('cache-control', 'private, no-cache');
    const today = vnDate(new Date());
    const { step, reason } = productStep(await cycleFacts(db, p.product.id, today));
    const scope = { entityId: p.product.entityId, communeCode: p.product.communeCode, provinceCode: p.product.provinceCode };
    const internal = ideaInScope(req.actor, scope);
    const full: ProductCycleOut = { productId: p.product.id, step, reason, steps: stepsAround(step) };
    if (internal) {
      const idea = await ideaOfProduct(db, p.product.id);
      full.idea = idea ? { id: idea.id, title: idea.title, status: idea.status } : null;
      const scores = await latestScores(db, p.product.id);
      const sheet = scores && getSheet(scores.sheet, scores.instrument);
      full.upgradePath = scores && sheet ? { source: scores.source, sheet: scores.sheet, certificateNumber: scores.certificateNumber, ...upgradePath(sheet, scores.members, RULES) } : null;
      full.help = await upgradeHelp(db, p.product, today);
    }
    return project(PRODUCT_CYCLE_FIELDS, internal ? 'internal' : 'public', full) as ProductCycleOut;
  });
};
