// Who may see and record credit applications. An application belongs to its entity: the entity's members, its
// commune, its province and the central office see it; nobody else (not the public, not councils or inspectors).
// The entity or its commune officer records it; the entity, its commune or province records the lender's answer.
import { eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../app/actor.js';
import { canEditPublication } from './content.policy.js';
import { creditApplication, type ApplicationStatus } from './content.tables.js';

export const APPLICATION_READERS = ['central', 'province', 'commune', 'entity'] as const;
export const APPLICANT_ROLES = ['entity', 'commune'] as const;
export const OUTCOME_ROLES = ['entity', 'commune', 'province'] as const;

type Placed = { entityId: string; provinceCode: string; communeCode: string };

export function applicationInScope(actor: Actor, a: Placed): boolean {
  if (actor.kind !== 'user') return false;
  switch (actor.role) {
    case 'central': return true;
    case 'province': return a.provinceCode === actor.provinceCode;
    case 'commune': return a.communeCode === actor.communeCode;
    case 'entity': return a.entityId === actor.entityId;
    default: return false;
  }
}

/** The entity applies for itself; the commune officer for an entity of the commune. */
export const canApplyFor = (actor: Actor, e: Placed) =>
  actor.kind === 'user' && (actor.role === 'entity' || actor.role === 'commune') && applicationInScope(actor, e);

/** The lender's answer is recorded once, by the entity or its commune or province. */
export const canRecordOutcome = (actor: Actor, a: Placed & { status: ApplicationStatus }) =>
  actor.kind === 'user' && (OUTCOME_ROLES as readonly string[]).includes(actor.role) && applicationInScope(actor, a) && a.status === 'submitted';

export const applicationActions = (actor: Actor, a: Placed & { status: ApplicationStatus }) => (canRecordOutcome(actor, a) ? ['outcome'] : []);

/** The applications an actor's lists hold: their scope, nothing public. */
export function applicationVisibility(actor: Actor): SQL | undefined {
  if (actor.kind !== 'user') return eq(creditApplication.id, '00000000-0000-0000-0000-000000000000');
  switch (actor.role) {
    case 'central': return undefined;
    case 'province': return eq(creditApplication.provinceCode, actor.provinceCode ?? '');
    case 'commune': return eq(creditApplication.communeCode, actor.communeCode ?? '');
    case 'entity': return eq(creditApplication.entityId, actor.entityId ?? '00000000-0000-0000-0000-000000000000');
    default: return eq(creditApplication.id, '00000000-0000-0000-0000-000000000000');
  }
}

/** A programme is kept by its office: the central office the national ones, a province office its own. */
export const canEditProgramme = (actor: Actor, p: { provinceCode: string | null }) => canEditPublication(actor, p.provinceCode);

/** A programme is open to an entity when it is national or of the entity's province. */
export const programmeServes = (p: { provinceCode: string | null }, e: { provinceCode: string }) => p.provinceCode === null || p.provinceCode === e.provinceCode;
