// Who organises, registers, decides and reports: the organising office acts in its own scope (the central office
// national events, a province's office its province's, a commune its own); an entity registers itself with its own
// published products and reports its own results; the public reads published events and who exhibits there.
import { and, eq, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../app/actor.js';
import type { EventLevel } from './fairs.tables.js';
import { tradeEvent } from './fairs.tables.js';

type EventScope = { level: EventLevel; provinceCode: string | null; communeCode: string | null };
type Placed = { entityId: string; provinceCode: string; communeCode: string };

export const OFFICE_ROLES = ['central', 'province', 'commune'] as const;
export const EVENT_ACTORS = ['central', 'province', 'commune', 'entity'] as const;

/** The level and scope of an event the actor would organise; undefined for whoever organises none. */
export function organiserScope(actor: Actor): EventScope | undefined {
  if (actor.kind !== 'user') return undefined;
  if (actor.role === 'central') return { level: 'national', provinceCode: null, communeCode: null };
  if (actor.role === 'province' && actor.provinceCode) return { level: 'province', provinceCode: actor.provinceCode, communeCode: null };
  if (actor.role === 'commune' && actor.communeCode && actor.provinceCode) return { level: 'commune', provinceCode: actor.provinceCode, communeCode: actor.communeCode };
  return undefined;
}

/** The office that organises the event: it edits it, decides its registrations and may report results. */
export function organises(actor: Actor, e: EventScope): boolean {
  if (actor.kind !== 'user') return false;
  switch (e.level) {
    case 'national': return actor.role === 'central';
    case 'province': return actor.role === 'province' && actor.provinceCode === e.provinceCode;
    case 'commune': return actor.role === 'commune' && actor.communeCode === e.communeCode;
    default: return false;
  }
}

/** Events an actor sees in lists: published and cancelled ones for everyone, drafts for their organiser. */
export function eventVisibility(actor: Actor): SQL | undefined {
  const open = or(eq(tradeEvent.status, 'published'), eq(tradeEvent.status, 'cancelled'))!;
  if (actor.kind !== 'user') return open;
  if (actor.role === 'central') return undefined;
  if (actor.role === 'province') return or(open, and(eq(tradeEvent.level, 'province'), eq(tradeEvent.provinceCode, actor.provinceCode!)));
  if (actor.role === 'commune') return or(open, and(eq(tradeEvent.level, 'commune'), eq(tradeEvent.communeCode, actor.communeCode!)));
  return open;
}
export const canReadEvent = (actor: Actor, e: EventScope & { status: string }) => e.status !== 'draft' || organises(actor, e);

/** The entity itself, or an officer whose commune or province holds it; the central office everywhere. */
export function holdsEntity(actor: Actor, r: Placed): boolean {
  if (actor.kind !== 'user') return false;
  switch (actor.role) {
    case 'central': return true;
    case 'province': return r.provinceCode === actor.provinceCode;
    case 'commune': return r.communeCode === actor.communeCode;
    case 'entity': return r.entityId === actor.entityId;
    default: return false;
  }
}

/** Who sees a registration in full (its note and results): the entity, the organiser, the officers over the entity. */
export const seesRegistration = (actor: Actor, r: Placed, e: EventScope) => holdsEntity(actor, r) || organises(actor, e);

/** Only the entity's own members register it. */
export const isEntityMember = (actor: Actor, entityId: string) => actor.kind === 'user' && actor.role === 'entity' && actor.entityId === entityId;

/** Results: the entity itself or the organising office, once its registration is approved. */
export const mayReportResults = (actor: Actor, r: Placed, e: EventScope) => isEntityMember(actor, r.entityId) || organises(actor, e);

/** Livestream sessions and tourism destinations of an entity: its members, or the offices over it. */
export const mayRecordFor = (actor: Actor, r: Placed) => actor.kind === 'user' && actor.role !== 'council' && actor.role !== 'advisory' && actor.role !== 'inspector' && holdsEntity(actor, r);
