// The approver (another officer of the office, or the central office) approves the submitted version: it becomes the
// plan in force, frozen; the plan's next edit is a new draft.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, notFound } from '../../../app/errors.js';
import { canApprovePlan } from '../plans.policy.js';
import { versionSnapshot } from '../plans.present.js';
import { getPlan, getVersion } from '../plans.repo.js';
import { programmePlan, programmePlanVersion } from '../plans.tables.js';
import { refuseStep } from './_plan.js';

export async function approvePlan(ctx: Ctx, year: number, provinceCode: string | null, versionNumber: number) {
  const plan = await getPlan(ctx.tx, year, provinceCode, true);
  if (!plan) throw notFound('plan', 'kế hoạch');
  const latest = (await getVersion(ctx.tx, plan.id, plan.latestVersion))!.v;
  refuseStep('approve', latest, versionNumber);
  if (!canApprovePlan(ctx.actor, { provinceCode }, latest.submittedBy)) throw forbidden(ctx.actor.kind === 'user' && ctx.actor.id === latest.submittedBy ? 'approver_is_submitter' : 'forbidden');
  const [after] = await ctx.tx.update(programmePlanVersion)
    .set({ status: 'approved', approvedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, approvedAt: ctx.now })
    .where(and(eq(programmePlanVersion.planId, plan.id), eq(programmePlanVersion.number, latest.number))).returning();
  await ctx.tx.update(programmePlan).set({ approvedVersion: latest.number, updatedAt: ctx.now }).where(eq(programmePlan.id, plan.id));
  await recordAudit(ctx, { action: 'plan.approve', recordType: 'programme_plan', recordId: plan.id, provinceCode, before: versionSnapshot(latest), after: versionSnapshot(after) });
}
