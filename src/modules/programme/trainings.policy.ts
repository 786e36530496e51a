// Who may organise, read and attend trainings. An office organises in its own area: the central office national
// events, a province office its province's (and commune-level ones in its communes), a commune office its commune's.
// Everyone whose place the event covers may read it and register; the organising office (and the offices above it
// in the same area) manage it.
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Actor, UserActor } from '../../app/actor.js';
import { training, type TrainingLevel } from './trainings.tables.js';

export type Area = { level: TrainingLevel; provinceCode: string | null; communeCode: string | null };
/** Where a person is: an officer's scope, or their entity's place (looked up by the route). */
export type Place = { provinceCode: string | null; communeCode: string | null };

export const OFFICES = ['central', 'province', 'commune'] as const;

/** Whether the office may create an event at this level and place. */
export function canOrganise(actor: Actor, a: Area): boolean {
  if (actor.kind !== 'user') return false;
  switch (actor.role) {
    case 'central': return a.level === 'national';
    case 'province': return a.level !== 'national' && a.provinceCode === actor.provinceCode;
    case 'commune': return a.level === 'commune' && a.communeCode === actor.communeCode;
    default: return false;
  }
}
/** The organiser's office, or one above it over the same area, manages it (invitations, check-in, certificates). */
export function canManage(actor: Actor, a: Area): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'central') return true;
  return canOrganise(actor, a);
}

/** Whether the event covers a place (a national event covers everyone). */
export const covers = (a: Area, p: Place) => a.level === 'national' || (a.provinceCode === p.provinceCode && (a.level === 'province' || a.communeCode === p.communeCode));

/** Officers read the events of their area and above; a person whose place the event covers, or who is invited or
 * registered, reads it too. */
export function canRead(actor: Actor, a: Area, place: Place, involved: boolean): boolean {
  if (actor.kind !== 'user') return false;
  if (canManage(actor, a) || involved) return true;
  if (actor.role === 'province') return a.level === 'national' || a.provinceCode === actor.provinceCode;
  return covers(a, place);
}

export function trainingActions(actor: Actor, a: Area & { cancelled: boolean }, mine: { registered: boolean; attended: boolean; evaluated: boolean }): string[] {
  const manage = canManage(actor, a);
  return [
    manage && 'edit', manage && 'invite', manage && !a.cancelled && 'checkin', manage && 'attendance', manage && 'certificates',
    !a.cancelled && !mine.registered && 'register', mine.registered && !mine.attended && 'withdraw', mine.attended && !mine.evaluated && 'evaluate',
  ].filter((x): x is string => Boolean(x));
}

/** The events a person may list: their area's and the ones they are invited to or registered for. */
export function trainingVisibility(actor: UserActor, place: Place): SQL | undefined {
  if (actor.role === 'central') return undefined;
  const involved = sql`(EXISTS (SELECT 1 FROM training_attendee x WHERE x.training_id = ${training.id} AND x.user_id = ${actor.id})
    OR EXISTS (SELECT 1 FROM training_invitation i WHERE i.training_id = ${training.id} AND (i.user_id = ${actor.id} ${actor.entityId ? sql`OR i.entity_id = ${actor.entityId}` : sql``})))`;
  if (actor.role === 'province') return or(eq(training.level, 'national'), eq(training.provinceCode, actor.provinceCode!), involved);
  const area = or(
    eq(training.level, 'national'),
    place.provinceCode ? and(eq(training.level, 'province'), eq(training.provinceCode, place.provinceCode)) : undefined,
    place.communeCode ? and(eq(training.level, 'commune'), eq(training.communeCode, place.communeCode)) : undefined,
  );
  return or(area, involved, actor.role === 'commune' ? eq(training.communeCode, actor.communeCode!) : undefined);
}

/** The entity itself, or the officers whose commune or province holds it, or the central office. */
export function entityInScope(actor: Actor, e: { id: string; provinceCode: string; communeCode: string }): boolean {
  if (actor.kind !== 'user') return false;
  switch (actor.role) {
    case 'central': return true;
    case 'province': return e.provinceCode === actor.provinceCode;
    case 'commune': return e.communeCode === actor.communeCode;
    case 'entity': return e.id === actor.entityId;
    default: return false;
  }
}
