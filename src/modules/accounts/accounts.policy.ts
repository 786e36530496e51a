// Who may manage accounts. Pure functions over the actor and the target.
import type { Actor } from '../../app/actor.js';

type Target = { role: string; provinceCode: string | null; communeCode?: string | null };

/** Central office manages everyone; a province office manages officers (not central, not province) in its province. */
export function canManageUser(actor: Actor, target: Target): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'central') return true;
  if (actor.role === 'province') {
    return target.role !== 'central' && target.role !== 'province' && target.role !== 'entity' && target.provinceCode === actor.provinceCode;
  }
  return false;
}

export function canListUsers(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'central' || actor.role === 'province');
}
