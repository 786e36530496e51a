// An edit of a plan: always a new version, as a draft (the versions before it are kept as they were; an approved one
// stays the plan in force until a newer one is approved). The first edit of a year creates the plan.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, staleVersion, type FieldError } from '../../../app/errors.js';
import type { SavePlanBody } from '../plans.contract.js';
import { canEditPlan } from '../plans.policy.js';
import { versionSnapshot } from '../plans.present.js';
import { communesByCode, getPlan } from '../plans.repo.js';
import { targetErrors, withKeys } from '../plans.rules.js';
import { programmePlan, programmePlanVersion } from '../plans.tables.js';

export async function savePlan(ctx: Ctx, year: number, provinceCode: string | null, input: SavePlanBody) {
  if (!canEditPlan(ctx.actor, { provinceCode })) throw forbidden();
  const targets = withKeys(input.targets.map((t) => ({
    key: t.key ?? null, kind: t.kind, label: t.label ?? null, stars: t.stars ?? null, sector: t.sector ?? null, target: t.target,
    byCommune: t.byCommune ?? [], note: t.note ?? null,
  })));
  const errors: FieldError[] = targetErrors(targets, provinceCode === null);
  const communes = await communesByCode(ctx.tx, [...new Set(targets.flatMap((t) => t.byCommune.map((c) => c.communeCode)))]);
  targets.forEach((t, i) => t.byCommune.forEach((c, j) => {
    if (communes.get(c.communeCode)?.provinceCode !== provinceCode) {
      errors.push({ path: `targets.${i}.byCommune.${j}.communeCode`, code: 'commune_not_in_province', message: { vi: 'Xã không thuộc tỉnh của kế hoạch', en: 'The commune is not in the plan\'s province' } });
    }
  }));
  if (errors.length) throw new AppError('invalid', errors[0].code, errors[0].message, { field: errors[0].path, errors });

  const plan = await getPlan(ctx.tx, year, provinceCode, true);
  if ((plan?.latestVersion ?? null) !== input.basedOn) {
    if (!plan) throw new AppError('conflict', 'plan_not_found', { vi: 'Kế hoạch chưa có; hãy gửi basedOn: null', en: 'There is no plan yet; send basedOn: null' });
    throw staleVersion(plan.latestVersion);
  }
  const number = plan ? plan.latestVersion + 1 : 1;
  const planId = plan
    ? (await ctx.tx.update(programmePlan).set({ latestVersion: number, updatedAt: ctx.now }).where(eq(programmePlan.id, plan.id)).returning())[0].id
    : (await ctx.tx.insert(programmePlan).values({ year, provinceCode, latestVersion: 1, createdAt: ctx.now, updatedAt: ctx.now }).returning())[0].id;
  const [v] = await ctx.tx.insert(programmePlanVersion).values({
    planId, number, status: 'draft', targets, note: input.note ?? null, createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, createdAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'plan.edit', recordType: 'programme_plan', recordId: planId, provinceCode, after: versionSnapshot(v) });
  return { planId, number };
}
