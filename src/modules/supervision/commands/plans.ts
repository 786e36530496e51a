// Inspection plans: a province (or the Ministry, for 5★) drafts its plan of the year; the province office (or the
// central office) approves it; items are the certified products to inspect, each with its date and why it was chosen.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../../app/errors.js';
import { addDays, vnDate } from '../../scoring/index.js';
import type { addItemsBody, approvePlanBody, createPlanBody } from '../inspections.contract.js';
import { canAct, canApprovePlan, canReadProvince } from '../inspections.policy.js';
import { inspectionSnapshot, planSnapshot } from '../inspections.present.js';
import { candidateOf, findPlan, getPlanForUpdate } from '../inspections.repo.js';
import { INSPECTION_DATA, levelOf, riskReasons } from '../inspections.rules.js';
import { inspection, inspectionPlan, type InspectionRow, type RiskReason } from '../inspections.tables.js';

const actorId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);
export const complaintsSince = (today: string) => addDays(today, -INSPECTION_DATA.risk.complaintsWithinDays);

export async function createPlan(ctx: Ctx, input: z.infer<typeof createPlanBody>) {
  if (!canReadProvince(ctx.actor, input.provinceCode)) throw forbidden('out_of_scope');
  if (!canAct(ctx.actor, { provinceCode: input.provinceCode, level: input.level })) throw forbidden();
  if (await findPlan(ctx.tx, input.provinceCode, input.level, input.year)) {
    throw new AppError('conflict', 'plan_exists', { vi: 'Tỉnh đã có kế hoạch kiểm tra cấp này cho năm này', en: 'The province already has a plan of this level for this year' }, { field: 'year' });
  }
  const [row] = await ctx.tx.insert(inspectionPlan).values({
    provinceCode: input.provinceCode, level: input.level, year: input.year, title: input.title, note: input.note ?? null,
    createdBy: actorId(ctx), createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'inspection_plan.create', recordType: 'inspection_plan', recordId: row.id, provinceCode: row.provinceCode, after: planSnapshot(row) });
  return row;
}

/** The plan, locked; 404 outside the actor's province (nothing of it is shown), 403 when the actor may read only. */
export async function lockedPlan(ctx: Ctx, id: string, may: (p: typeof inspectionPlan.$inferSelect) => boolean) {
  const p = await getPlanForUpdate(ctx.tx, id);
  if (!p || !canReadProvince(ctx.actor, p.provinceCode)) throw notFound('inspection_plan', 'kế hoạch kiểm tra');
  if (!may(p)) throw forbidden();
  return p;
}

export async function approvePlan(ctx: Ctx, id: string, input: z.infer<typeof approvePlanBody>) {
  const before = await lockedPlan(ctx, id, (p) => canApprovePlan(ctx.actor, { ...p, status: 'draft' }));
  if (before.version !== input.version) throw staleVersion(before.version);
  if (before.status !== 'draft') throw new AppError('conflict', 'plan_already_approved', { vi: 'Kế hoạch đã được phê duyệt', en: 'The plan is already approved' });
  const [after] = await ctx.tx.update(inspectionPlan).set({ status: 'approved', approvedBy: actorId(ctx), approvedAt: ctx.now, updatedAt: ctx.now, version: before.version + 1 })
    .where(eq(inspectionPlan.id, id)).returning();
  await recordAudit(ctx, { action: 'inspection_plan.approve', recordType: 'inspection_plan', recordId: id, provinceCode: after.provinceCode, before: planSnapshot(before), after: planSnapshot(after) });
  return after;
}

/** A certified product with its certificate in force, in the province and of the level given; its risk reasons today. */
export async function inspectable(ctx: Ctx, productId: string, where: { provinceCode?: string; level?: 'province' | 'central' }, field: string) {
  const today = vnDate(ctx.now);
  const c = await candidateOf(ctx.tx, productId, complaintsSince(today));
  if (!c || c.expiresOn < today) throw invalidField(field, 'product_not_certified', { vi: 'Sản phẩm không có giấy chứng nhận OCOP còn hiệu lực', en: 'The product has no OCOP certificate in force' });
  if (where.provinceCode && c.provinceCode !== where.provinceCode) throw invalidField(field, 'product_out_of_province', { vi: 'Sản phẩm không thuộc tỉnh của kế hoạch', en: 'The product is not in the plan\'s province' });
  if (where.level && levelOf(c.stars) !== where.level) {
    throw invalidField(field, 'product_wrong_level', { vi: 'Sản phẩm 5 sao thuộc kế hoạch của Bộ; sản phẩm 3–4 sao thuộc kế hoạch của tỉnh', en: '5★ products belong to the Ministry\'s plan; 3★–4★ products to the province\'s' });
  }
  return { candidate: c, reasons: riskReasons(c, today) };
}

export async function addPlanItems(ctx: Ctx, planId: string, input: z.infer<typeof addItemsBody>) {
  const plan = await lockedPlan(ctx, planId, (p) => canAct(ctx.actor, p));
  const seen = new Set<string>();
  const out: InspectionRow[] = [];
  for (const [i, item] of input.items.entries()) {
    const field = `items.${i}.productId`;
    if (seen.has(item.productId)) throw invalidField(field, 'duplicate_product', { vi: 'Sản phẩm được chọn hai lần', en: 'The product is chosen twice' });
    seen.add(item.productId);
    if (Number(item.dueOn.slice(0, 4)) !== plan.year) throw invalidField(`items.${i}.dueOn`, 'due_outside_plan_year', { vi: `Ngày kiểm tra phải trong năm ${plan.year} của kế hoạch`, en: `The date must fall in the plan's year ${plan.year}` });
    const { candidate, reasons } = await inspectable(ctx, item.productId, plan, field);
    const [dupe] = await ctx.tx.select({ id: inspection.id }).from(inspection).where(and(eq(inspection.planId, planId), eq(inspection.productId, item.productId)));
    if (dupe) throw new AppError('conflict', 'product_already_in_plan', { vi: 'Sản phẩm đã có trong kế hoạch', en: 'The product is already in the plan' }, { field });
    const chosen: RiskReason[] = item.reasons.length ? item.reasons : reasons;
    const [row] = await ctx.tx.insert(inspection).values({
      planId, productId: item.productId, certificateId: candidate.certificateId, entityId: candidate.entityId, provinceCode: plan.provinceCode, level: plan.level,
      reasons: chosen, dueOn: item.dueOn, createdBy: actorId(ctx), createdAt: ctx.now, updatedAt: ctx.now,
    }).returning();
    await recordAudit(ctx, { action: 'inspection.plan', recordType: 'inspection', recordId: row.id, provinceCode: row.provinceCode, after: inspectionSnapshot(row) });
    out.push(row);
  }
  return out;
}
