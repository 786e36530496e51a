// Turns a plan's version into API output with each target's live progress, cut down to the reader's audience
// (plans.fields.ts). Progress is measured here on every read (plans.measures.ts): nothing is stored.
import type { Actor } from '../../app/actor.js';
import type { Queryable } from '../../app/db.js';
import { project } from '../../app/privacy.js';
import type { PlanOut, TargetOut } from './plans.contract.js';
import { PLAN_FIELDS } from './plans.fields.js';
import { MEASURE_OF, type Achieved } from './plans.measures.js';
import { planActions, planAudience } from './plans.policy.js';
import { communesByCode, getVersion, provinceName, sectorNames, type VersionView } from './plans.repo.js';
import { asOfDay, kindOf, progressPercent, targetLabel, type PlanTarget } from './plans.rules.js';
import type { PlanRow } from './plans.tables.js';

export async function measureTargets(db: Queryable, year: number, provinceCode: string | null, targets: PlanTarget[], today: string): Promise<{ asOf: string; targets: TargetOut[] }> {
  const asOf = asOfDay(year, today);
  const sectors = await sectorNames(db);
  const communes = await communesByCode(db, [...new Set(targets.flatMap((t) => t.byCommune.map((c) => c.communeCode)))]);
  const out: TargetOut[] = [];
  for (const t of targets) {
    const kind = kindOf(t.kind);
    const a: Achieved = kind ? await MEASURE_OF[kind.measure](db, { year, provinceCode, asOf }, t) : { total: null, byCommune: new Map() };
    const measured = a.total !== null;
    out.push({
      key: t.key, kind: t.kind, label: targetLabel(t, (c, lang) => sectors.get(c)?.[lang] ?? c), ownLabel: t.label, unit: kind?.unit ?? 'products',
      stars: t.stars, sector: t.sector, target: t.target, achieved: a.total, progress: progressPercent(a.total, t.target), measured,
      how: kind?.how ?? { vi: '', en: '' },
      byCommune: t.byCommune.map((c) => {
        const achieved = measured ? a.byCommune.get(c.communeCode) ?? 0 : null;
        return { communeCode: c.communeCode, communeName: communes.get(c.communeCode)?.name ?? c.communeCode, target: c.target, achieved, progress: progressPercent(achieved, c.target) };
      }),
      targetNote: t.note,
    });
  }
  return { asOf, targets: out };
}

export async function presentPlan(db: Queryable, actor: Actor, plan: PlanRow, v: VersionView, today: string): Promise<PlanOut> {
  const scope = { provinceCode: plan.provinceCode };
  const latest = v.v.number === plan.latestVersion ? v.v : (await getVersion(db, plan.id, plan.latestVersion))?.v ?? null;
  const approved = plan.approvedVersion === null ? null : plan.approvedVersion === v.v.number ? v.v : (await getVersion(db, plan.id, plan.approvedVersion))?.v ?? null;
  const measured = await measureTargets(db, plan.year, plan.provinceCode, v.v.targets, today);
  const full: PlanOut = {
    year: plan.year, scope: plan.provinceCode ? 'province' : 'nation', provinceCode: plan.provinceCode, provinceName: await provinceName(db, plan.provinceCode),
    versionNumber: v.v.number, status: v.v.status, approvedVersion: plan.approvedVersion, latestVersion: plan.latestVersion,
    approvedAt: approved?.approvedAt?.toISOString() ?? null, asOf: measured.asOf, targets: measured.targets,
    planNote: v.v.note, createdAt: v.v.createdAt.toISOString(), createdByName: v.createdByName,
    submittedAt: v.v.submittedAt?.toISOString() ?? null, submittedByName: v.submittedByName, approvedByName: v.approvedByName,
    actions: planActions(actor, scope, latest),
  };
  return project(PLAN_FIELDS, planAudience(actor, scope), full) as PlanOut;
}

/** What the audit trail keeps of a version. */
export function versionSnapshot(v: { number: number; status: string; targets: PlanTarget[]; note: string | null }) {
  return { versionNumber: v.number, status: v.status, targets: v.targets, note: v.note };
}
