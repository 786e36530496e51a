import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, notFound } from '../../../app/errors.js';
import type { createAreaBody } from '../areas.contract.js';
import { canEditArea } from '../areas.policy.js';
import { areaSnapshot } from '../areas.present.js';
import { linkProducts } from '../areas.repo.js';
import { rawMaterialArea } from '../areas.tables.js';
import { getEntity } from '../registry.repo.js';
import { communeOf, locationOf, ownProducts } from './_area.js';

/** An entity records one of its raw-material areas; it waits for its commune or province to verify it. */
export async function createArea(ctx: Ctx, entityId: string, input: z.infer<typeof createAreaBody>) {
  const e = await getEntity(ctx.tx, entityId);
  if (!e) throw notFound('entity', 'chủ thể');
  if (!canEditArea(ctx.actor, { entityId })) throw forbidden();
  const where = input.communeCode ? await communeOf(ctx, input.communeCode) : { communeCode: e.entity.communeCode, provinceCode: e.entity.provinceCode };
  const loc = locationOf(input.location, input.areaHa);
  await ownProducts(ctx, entityId, input.productIds);
  const [row] = await ctx.tx.insert(rawMaterialArea).values({
    entityId, name: input.name, ...where, location: loc.location, latitude: loc.latitude, longitude: loc.longitude, areaHa: loc.areaHa,
    kind: input.kind, produce: input.produce, farmingStandard: input.farmingStandard,
    certificates: input.certificates.map((c) => ({ ...c, issuedOn: c.issuedOn ?? null, expiresOn: c.expiresOn ?? null })),
    description: input.description ?? null, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await linkProducts(ctx.tx, row.id, input.productIds);
  await recordAudit(ctx, { action: 'raw_material_area.create', recordType: 'raw_material_area', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: { ...areaSnapshot(row), productIds: input.productIds } });
  return row;
}
