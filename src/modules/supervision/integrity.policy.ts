// Who reads the scoring-integrity analytics and the audit trail, and in which scope. Pure functions over the actor.
//
// The analytics: the central office and national inspectors everywhere; a province's inspector and its OCOP office
// over that province's council only (the central council is the Ministry's). Council members and advisory teams never
// (403 at the route's access declaration): an analysis of scores must not show one member another's. A member's name
// beside their leniency figures is shown to the central office and inspectors only; the province office that convenes
// the council sees the distribution and the flags under aliases. And a central officer who sits on a council (the
// central council's chair is a central officer) sees their fellow members of that council under aliases too.
import type { Actor, Role, UserActor } from '../../app/actor.js';

export const INTEGRITY_ROLES: readonly Role[] = ['central', 'province', 'inspector'];
/** The audit trail: inspectors and the central office. */
export const AUDIT_ROLES: readonly Role[] = ['central', 'inspector'];
/** A certificate's story: inspectors, the central office and the province office of the certificate's province. */
export const STORY_ROLES: readonly Role[] = ['central', 'province', 'inspector'];

export const isNational = (a: UserActor) => a.role === 'central' || (a.role === 'inspector' && !a.provinceCode);

/** The province an actor's analytics are limited to: undefined = national (any, or the one asked). ok false: the
 * actor asked for a province outside their own. */
export function integrityScope(actor: Actor, asked: string | undefined): { ok: boolean; province: string | undefined } {
  if (actor.kind !== 'user' || !INTEGRITY_ROLES.includes(actor.role)) return { ok: false, province: undefined };
  if (isNational(actor)) return { ok: true, province: asked };
  if (!actor.provinceCode) return { ok: false, province: undefined };
  return { ok: !asked || asked === actor.provinceCode, province: actor.provinceCode };
}

/** Whether member names may be shown at all (the central office and inspectors). */
export const showsMemberNames = (actor: Actor) => actor.kind === 'user' && (actor.role === 'central' || actor.role === 'inspector');

/** The audit rows an actor may search: everything (central, national inspectors) or one province's rows. */
export function auditScope(actor: Actor, asked: string | undefined): { ok: boolean; province: string | undefined } {
  if (actor.kind !== 'user' || !AUDIT_ROLES.includes(actor.role)) return { ok: false, province: undefined };
  if (isNational(actor)) return { ok: true, province: asked };
  if (!actor.provinceCode) return { ok: false, province: undefined };
  return { ok: !asked || asked === actor.provinceCode, province: actor.provinceCode };
}

/** A certificate's story: national readers any; a province's office or inspector their own province's certificates. */
export function canReadStory(actor: Actor, provinceCode: string): boolean {
  if (actor.kind !== 'user' || !STORY_ROLES.includes(actor.role)) return false;
  return isNational(actor) || actor.provinceCode === provinceCode;
}
