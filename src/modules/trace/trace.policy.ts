// Who may do what with traceability records. An identifier belongs to the entity whose product or location it
// names: that entity edits its resolver links and prints its labels; the central office may act on any identifier
// (partners' identifiers the registry does not know included); commune and province officers read and print in
// their scope but do not rewrite an entity's links.
import type { Actor } from '../../app/actor.js';

export type Owned = { entityId: string | null; provinceCode: string | null; communeCode: string | null };

export function inTraceScope(actor: Actor, r: Owned): boolean {
  if (actor.kind !== 'user') return false;
  switch (actor.role) {
    case 'central': return true;
    case 'province': return r.provinceCode !== null && r.provinceCode === actor.provinceCode;
    case 'commune': return r.communeCode !== null && r.communeCode === actor.communeCode;
    case 'entity': return r.entityId !== null && r.entityId === actor.entityId;
    default: return false;
  }
}

/** The links of an identifier: its owning entity, or the central office. `storedOwners` are the entities that wrote
 * the links already stored there: another entity's links are never overwritten, whoever owns the identifier now. */
export function canEditLinks(actor: Actor, owner: Owned | undefined, storedOwners: (string | null)[]): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'central') return true;
  if (actor.role !== 'entity' || !owner || owner.entityId !== actor.entityId) return false;
  return storedOwners.every((o) => o === null || o === actor.entityId);
}

export const canReadLinks = (actor: Actor, owner: Owned | undefined) =>
  actor.kind === 'user' && (actor.role === 'central' || (owner !== undefined && inTraceScope(actor, owner)));

/** Label sheets of a batch: its entity and the officers in scope. */
export const canPrintLabels = (actor: Actor, owner: Owned) => inTraceScope(actor, owner);
