import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { query } from '../../../app/db.js';
import { AppError } from '../../../app/errors.js';
import type { updateAreaBody } from '../areas.contract.js';
import { areaSnapshot } from '../areas.present.js';
import { linkProducts } from '../areas.repo.js';
import { rawMaterialArea, rawMaterialAreaProduct } from '../areas.tables.js';
import { communeOf, lockedArea, locationOf, ownProducts } from './_area.js';

/** The entity changes its area (send the version read). Anything the officer checked changing — every field but
 * the description and the linked products — sends a verified or rejected area back to the queue. */
export async function updateArea(ctx: Ctx, id: string, input: z.infer<typeof updateAreaBody>) {
  const { version, productIds, location, areaHa, communeCode, ...rest } = input;
  const before = await lockedArea(ctx, id, version);
  const { certificates, ...plain } = rest;
  const changes: Partial<typeof rawMaterialArea.$inferInsert> = { ...plain };
  if (certificates) changes.certificates = certificates.map((c) => ({ ...c, issuedOn: c.issuedOn ?? null, expiresOn: c.expiresOn ?? null }));
  if (location !== undefined || areaHa !== undefined) {
    const loc = locationOf(location ?? before.location, areaHa === undefined ? (location === undefined ? before.areaHa : null) : areaHa);
    Object.assign(changes, { location: loc.location, latitude: loc.latitude, longitude: loc.longitude, areaHa: loc.areaHa });
  }
  if (communeCode) Object.assign(changes, await communeOf(ctx, communeCode));
  if (productIds) await ownProducts(ctx, before.entityId, productIds);
  const substantive = Object.keys(changes).some((k) => k !== 'description' && JSON.stringify(changes[k as keyof typeof changes]) !== JSON.stringify(before[k as keyof typeof before]));
  const reset = substantive && before.status !== 'unverified' ? { status: 'unverified' as const, statusReason: null, verifiedBy: null, verifiedAt: null } : {};
  const [after] = await ctx.tx.update(rawMaterialArea).set({ ...changes, ...reset, updatedAt: ctx.now, version: before.version + 1 }).where(eq(rawMaterialArea.id, id)).returning();
  if (productIds) await linkProducts(ctx.tx, id, productIds);
  await recordAudit(ctx, { action: 'raw_material_area.update', recordType: 'raw_material_area', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: areaSnapshot(before), after: { ...areaSnapshot(after), ...(productIds ? { productIds } : {}) } });
  return after;
}

/** The entity removes an area no batch names (a batch's origin is history: it stays). */
export async function deleteArea(ctx: Ctx, id: string, version: number) {
  const before = await lockedArea(ctx, id, version);
  const [used] = await query<{ n: number }>(ctx.tx, sql`SELECT count(*)::int AS n FROM trace_lot WHERE raw_material_area_id = ${id}`);
  if (Number(used.n) > 0) throw new AppError('conflict', 'area_in_use', { vi: 'Đã có lô hàng ghi nguồn gốc từ vùng này: không thể xóa', en: 'Batches name this area as their origin: it cannot be removed' });
  await ctx.tx.delete(rawMaterialAreaProduct).where(eq(rawMaterialAreaProduct.areaId, id));
  await ctx.tx.delete(rawMaterialArea).where(eq(rawMaterialArea.id, id));
  await recordAudit(ctx, { action: 'raw_material_area.delete', recordType: 'raw_material_area', recordId: id, provinceCode: before.provinceCode, communeCode: before.communeCode, before: areaSnapshot(before) });
}
