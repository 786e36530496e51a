import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError } from '../../../app/errors.js';
import { canRejectArea, canVerifyArea } from '../areas.policy.js';
import { areaSnapshot } from '../areas.present.js';
import { rawMaterialArea } from '../areas.tables.js';
import { inScope } from '../registry.policy.js';
import { lockedArea } from './_area.js';

const officerInScope = (ctx: Ctx) => (a: Parameters<typeof inScope>[1]) => ctx.actor.kind === 'user' && (ctx.actor.role === 'commune' || ctx.actor.role === 'province') && inScope(ctx.actor, a);

/** The commune or province has seen the area and its certificates. */
export async function verifyArea(ctx: Ctx, id: string, version: number) {
  const before = await lockedArea(ctx, id, version, officerInScope(ctx));
  if (!canVerifyArea(ctx.actor, before)) throw new AppError('conflict', 'area_already_verified', { vi: 'Vùng nguyên liệu đã được xác nhận', en: 'The area is already verified' });
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const [after] = await ctx.tx.update(rawMaterialArea).set({ status: 'verified', statusReason: null, verifiedBy: actorId, verifiedAt: ctx.now, updatedAt: ctx.now, version: before.version + 1 }).where(eq(rawMaterialArea.id, id)).returning();
  await recordAudit(ctx, { action: 'raw_material_area.verify', recordType: 'raw_material_area', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: areaSnapshot(before), after: areaSnapshot(after) });
  return after;
}

export async function rejectArea(ctx: Ctx, id: string, version: number, reason: string) {
  const before = await lockedArea(ctx, id, version, officerInScope(ctx));
  if (!canRejectArea(ctx.actor, before)) throw new AppError('conflict', 'area_already_rejected', { vi: 'Vùng nguyên liệu đã bị từ chối', en: 'The area is already rejected' });
  const [after] = await ctx.tx.update(rawMaterialArea).set({ status: 'rejected', statusReason: reason, verifiedBy: null, verifiedAt: null, updatedAt: ctx.now, version: before.version + 1 }).where(eq(rawMaterialArea.id, id)).returning();
  await recordAudit(ctx, { action: 'raw_material_area.reject', recordType: 'raw_material_area', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: areaSnapshot(before), after: areaSnapshot(after) });
  return after;
}
