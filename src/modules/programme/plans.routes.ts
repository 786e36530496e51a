// Yearly plans: /api/v1/plans/{year}?province={code} (none: the national plan). Thin routes: access declared,
// validate, load, authorise the scope, one command, present with live progress.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../app/actor.js';
import { inTransaction } from '../../app/command.js';
import { notFound } from '../../app/errors.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { vnDate } from '../scoring/index.js';
import { approvePlan } from './commands/approve-plan.js';
import { savePlan } from './commands/save-plan.js';
import { submitPlan } from './commands/submit-plan.js';
import { planListOut, planListQuery, planOut, planReadQuery, planScopeQuery, planVersionsOut, savePlanBody, stepPlanBody, targetKindsOut, yearParams } from './plans.contract.js';
import { EDITOR_ROLES, OFFICER_ROLES, readsDrafts } from './plans.policy.js';
import { presentPlan } from './plans.present.js';
import { getPlan, getVersion, listVersions, plansOfYear } from './plans.repo.js';
import { TARGET_DATA } from './plans.rules.js';

const today = () => vnDate(new Date());

export const planRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const missing = () => notFound('plan', 'kế hoạch');

  /** The version the reader gets: the asked one, else the newest for the officers of the scope, the approved one for
   * everyone else (who never reads a version that was not approved). */
  async function shown(actor: Actor, year: number, provinceCode: string | null, asked?: number) {
    const plan = await getPlan(db, year, provinceCode);
    if (!plan) throw missing();
    const drafts = readsDrafts(actor, { provinceCode });
    const number = asked ?? (drafts ? plan.latestVersion : plan.approvedVersion);
    if (number === null || (!drafts && number !== plan.approvedVersion)) throw missing();
    const v = await getVersion(db, plan.id, number);
    if (!v) throw notFound('plan_version', 'phiên bản kế hoạch');
    return { plan, v };
  }
  const present = async (actor: Actor, year: number, provinceCode: string | null, asked?: number) => {
    const { plan, v } = await shown(actor, year, provinceCode, asked);
    return presentPlan(db, actor, plan, v, today());
  };

  r.get('/plan-target-kinds', { config: { access: 'public', publicCache: true }, schema: { tags: ['programme'], summary: 'The kinds of plan targets and how each is measured (data/programme/plan-targets.json)', response: { 200: targetKindsOut } } }, async () =>
    ({ version: TARGET_DATA.version, instrument: TARGET_DATA.instrument, items: TARGET_DATA.kinds.map(({ measure: _m, ...k }) => k) }));

  r.get('/plans', { config: { access: OFFICER_ROLES }, schema: { tags: ['programme'], summary: 'A year\'s plans the caller may follow (the nation\'s and the provinces\'), with their newest version\'s status', querystring: planListQuery, response: { 200: planListOut } } }, async (req) => {
    const rows = await plansOfYear(db, req.query.year);
    return {
      items: rows.filter((p) => readsDrafts(req.actor, { provinceCode: p.province_code }) || p.approved_version !== null).map((p) => ({
        provinceCode: p.province_code, provinceName: p.province_name, latestVersion: Number(p.latest_version), latestStatus: p.latest_status,
        approvedVersion: p.approved_version === null ? null : Number(p.approved_version),
      })),
    };
  });

  r.get('/plans/:year', { config: { access: 'public' }, schema: { tags: ['programme'], summary: 'A yearly plan\'s targets, each with its target and the achievement computed live from the data (the public: the approved version)', params: yearParams, querystring: planReadQuery, response: { 200: planOut } } }, async (req, reply) => {
    reply.header('cache-control', 'private, no-cache');
    return present(req.actor, req.params.year, req.query.province ?? null, req.query.version);
  });

  r.get('/plans/:year/versions', { config: { access: OFFICER_ROLES }, schema: { tags: ['programme'], summary: 'The plan\'s versions, newest first (officers of the scope)', params: yearParams, querystring: planScopeQuery, response: { 200: planVersionsOut } } }, async (req) => {
    const provinceCode = req.query.province ?? null;
    const plan = await getPlan(db, req.params.year, provinceCode);
    if (!plan || !readsDrafts(req.actor, { provinceCode })) throw missing();
    return {
      items: (await listVersions(db, plan.id)).map(({ v, createdByName, submittedByName, approvedByName }) => ({
        versionNumber: v.number, status: v.status, targetCount: v.targets.length, createdAt: v.createdAt.toISOString(), createdByName,
        submittedAt: v.submittedAt?.toISOString() ?? null, submittedByName, approvedAt: v.approvedAt?.toISOString() ?? null, approvedByName,
      })),
    };
  });

  r.put('/plans/:year', { config: { access: EDITOR_ROLES }, schema: { tags: ['programme'], summary: 'Save the plan\'s targets as a new draft version (basedOn: the newest version you read; null creates the plan)', params: yearParams, querystring: planScopeQuery, body: savePlanBody, response: { 200: planOut } } }, async (req) => {
    const provinceCode = req.query.province ?? null;
    const saved = await inTransaction(db, req, (ctx) => savePlan(ctx, req.params.year, provinceCode, req.body));
    return present(req.actor, req.params.year, provinceCode, saved.number);
  });

  r.post('/plans/:year/submit', { config: { access: EDITOR_ROLES }, schema: { tags: ['programme'], summary: 'Send the newest draft for approval', params: yearParams, querystring: planScopeQuery, body: stepPlanBody, response: { 200: planOut } } }, async (req) => {
    const provinceCode = req.query.province ?? null;
    await inTransaction(db, req, (ctx) => submitPlan(ctx, req.params.year, provinceCode, req.body.versionNumber));
    return present(req.actor, req.params.year, provinceCode, req.body.versionNumber);
  });

  r.post('/plans/:year/approve', { config: { access: EDITOR_ROLES }, schema: { tags: ['programme'], summary: 'Approve the submitted version (another officer of the office, or the central office; never its submitter): it is frozen', params: yearParams, querystring: planScopeQuery, body: stepPlanBody, response: { 200: planOut } } }, async (req) => {
    const provinceCode = req.query.province ?? null;
    await inTransaction(db, req, (ctx) => approvePlan(ctx, req.params.year, provinceCode, req.body.versionNumber));
    return present(req.actor, req.params.year, provinceCode, req.body.versionNumber);
  });
};
