// Checks the raw-material area commands share: the location (GeoJSON), the size, the commune, the products.
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../../app/errors.js';
import type { Ctx } from '../../../app/actor.js';
import { getCommune } from '../../geo/index.js';
import { areaSize, checkLocation, type CheckedLocation } from '../areas.rules.js';
import { canEditArea } from '../areas.policy.js';
import { foreignProducts, getAreaForUpdate } from '../areas.repo.js';
import type { AreaRow } from '../areas.tables.js';

const badLocation = (p: { path: string; code: string; message: { vi: string; en: string } }) =>
  new AppError('invalid', p.code, p.message, { field: p.path, errors: [{ path: p.path, code: p.code, message: p.message }] });

export function locationOf(raw: unknown, declaredHa: number | null | undefined): CheckedLocation & { areaHa: number | null } {
  const checked = checkLocation(raw);
  if ('problem' in checked) throw badLocation(checked.problem);
  const size = areaSize(declaredHa, checked.polygonHa);
  if (size !== null && typeof size === 'object') throw badLocation(size.problem);
  return { ...checked, areaHa: size };
}

export async function communeOf(ctx: Ctx, code: string) {
  const c = await getCommune(ctx.tx, code);
  if (!c) throw invalidField('communeCode', 'unknown_commune', { vi: 'Không có xã/phường này', en: 'Unknown commune' });
  return { communeCode: c.code, provinceCode: c.provinceCode };
}

export async function ownProducts(ctx: Ctx, entityId: string, ids: string[]) {
  const foreign = await foreignProducts(ctx.tx, entityId, ids);
  if (foreign.length) throw invalidField('productIds', 'product_not_of_entity', { vi: 'Có sản phẩm không thuộc chủ thể này', en: 'A product does not belong to this entity' });
}

/** The area, locked; 404 when missing, 403 when the actor may not act on it (the route has already hidden it from
 * readers outside the scope). */
export async function lockedArea(ctx: Ctx, id: string, version: number | undefined, may: (a: AreaRow) => boolean = (a) => canEditArea(ctx.actor, a)) {
  const a = await getAreaForUpdate(ctx.tx, id);
  if (!a) throw notFound('raw_material_area', 'vùng nguyên liệu');
  if (!may(a)) throw forbidden();
  if (version !== undefined && a.version !== version) throw staleVersion(a.version);
  return a;
}
