// Who may read, change and verify raw-material areas. The entity keeps its own; the commune or province in scope
// verifies them (certificates seen); the central office reads everything.
import { eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../app/actor.js';
import { inScope } from './registry.policy.js';
import { rawMaterialArea, type AreaStatus } from './areas.tables.js';

type AreaLike = { entityId: string; provinceCode: string; communeCode: string; status: AreaStatus };

export const AREA_OWNER = ['entity'] as const;
export const AREA_VERIFIERS = ['commune', 'province'] as const;
export const AREA_READERS = ['central', 'province', 'commune', 'entity'] as const;

export const canReadArea = (actor: Actor, a: AreaLike) => inScope(actor, a);
export const canEditArea = (actor: Actor, a: { entityId: string }) => actor.kind === 'user' && actor.role === 'entity' && actor.entityId === a.entityId;
export const canVerifyArea = (actor: Actor, a: AreaLike) => actor.kind === 'user' && (actor.role === 'commune' || actor.role === 'province') && inScope(actor, a) && a.status !== 'verified';
export const canRejectArea = (actor: Actor, a: AreaLike) => actor.kind === 'user' && (actor.role === 'commune' || actor.role === 'province') && inScope(actor, a) && a.status !== 'rejected';

export function areaActions(actor: Actor, a: AreaLike): string[] {
  return [canEditArea(actor, a) && 'edit', canEditArea(actor, a) && 'delete', canVerifyArea(actor, a) && 'verify', canRejectArea(actor, a) && 'reject']
    .filter((x): x is string => Boolean(x));
}

/** The rows an actor may list: their scope. */
export function areaVisibility(actor: Actor): SQL | undefined {
  if (actor.kind !== 'user') return eq(rawMaterialArea.id, '00000000-0000-0000-0000-000000000000');
  switch (actor.role) {
    case 'central': return undefined;
    case 'province': return eq(rawMaterialArea.provinceCode, actor.provinceCode!);
    case 'commune': return eq(rawMaterialArea.communeCode, actor.communeCode!);
    case 'entity': return eq(rawMaterialArea.entityId, actor.entityId!);
    default: return eq(rawMaterialArea.id, '00000000-0000-0000-0000-000000000000');
  }
}
