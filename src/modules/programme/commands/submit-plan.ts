// The office sends its newest draft for approval; it is no longer edited in place (a change is a new draft).
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, notFound } from '../../../app/errors.js';
import { canSubmitPlan } from '../plans.policy.js';
import { versionSnapshot } from '../plans.present.js';
import { getPlan, getVersion } from '../plans.repo.js';
import { programmePlanVersion } from '../plans.tables.js';
import { refuseStep } from './_plan.js';

export async function submitPlan(ctx: Ctx, year: number, provinceCode: string | null, versionNumber: number) {
  const plan = await getPlan(ctx.tx, year, provinceCode, true);
  if (!plan) throw notFound('plan', 'kế hoạch');
  if (!canSubmitPlan(ctx.actor, { provinceCode })) throw forbidden();
  const latest = (await getVersion(ctx.tx, plan.id, plan.latestVersion))!.v;
  refuseStep('submit', latest, versionNumber);
  const [after] = await ctx.tx.update(programmePlanVersion)
    .set({ status: 'submitted', submittedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, submittedAt: ctx.now })
    .where(and(eq(programmePlanVersion.planId, plan.id), eq(programmePlanVersion.number, latest.number))).returning();
  await recordAudit(ctx, { action: 'plan.submit', recordType: 'programme_plan', recordId: plan.id, provinceCode, before: versionSnapshot(latest), after: versionSnapshot(after) });
}
