// Who may keep an entity's traceability records (locations, lots, recorded steps) and who may read them. Pure.
// The entity's own members manage them; the commune, province and central office read them in their scope.
import type { Actor } from '../../app/actor.js';

export type EntityScope = { id: string; provinceCode: string; communeCode: string };

export function canManageTrace(actor: Actor, e: EntityScope): boolean {
  return actor.kind === 'user' && actor.role === 'entity' && actor.entityId === e.id;
}

export function canReadTrace(actor: Actor, e: EntityScope): boolean {
  if (actor.kind !== 'user') return false;
  switch (actor.role) {
    case 'central': return true;
    case 'province': return actor.provinceCode === e.provinceCode;
    case 'commune': return actor.communeCode === e.communeCode;
    case 'entity': return actor.entityId === e.id;
    default: return false;
  }
}

/** The officers' roles that read traceability status lists. */
export const OFFICER_ROLES = ['central', 'province', 'commune'] as const;
