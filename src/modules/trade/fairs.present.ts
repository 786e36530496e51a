// Turns event, registration and livestream rows into API output, cut down to the reader's audience (fairs.fields.ts).
import type { Actor } from '../../app/actor.js';
import { project } from '../../app/privacy.js';
import type { EventOut, RegistrationOut, SessionOut } from './fairs.contract.js';
import { EVENT_FIELDS, REGISTRATION_FIELDS } from './fairs.fields.js';
import { isEntityMember, mayRecordFor, mayReportResults, organises, seesRegistration } from './fairs.policy.js';
import type { EventView, RegistrationView, SessionView } from './fairs.repo.js';
import { registrationOpen, resultsOpen } from './fairs.rules.js';
import type { EventRow, LivestreamRow, RegistrationRow } from './fairs.tables.js';

const area = (code: string | null, name: string | null) => (code ? { code, name: name ?? code } : null);

export function presentEvent(e: EventView, actor: Actor, today: string): EventOut {
  const own = organises(actor, e);
  const open = registrationOpen(e, today);
  const full: EventOut = {
    id: e.id, kind: e.kind, name: e.name, level: e.level, province: area(e.provinceCode, e.provinceName), commune: area(e.communeCode, e.communeName),
    organiser: e.organiser, venue: e.venue, country: e.country, abroad: e.country !== 'VN', venueProvince: area(e.venueProvinceCode, e.venueProvinceName),
    startsOn: e.startsOn, endsOn: e.endsOn, registrationDeadline: e.registrationDeadline, booths: e.booths, boothsTaken: e.boothsTaken,
    description: e.description, status: e.status, registrationOpen: open, participants: e.participants,
    pending: e.pending, createdAt: e.createdAt.toISOString(), updatedAt: e.updatedAt.toISOString(), version: e.version,
    actions: [own && 'edit', own && 'decide', actor.kind === 'user' && actor.role === 'entity' && open && 'register'].filter((a): a is string => Boolean(a)),
  };
  if (own) return full;
  const { pending: _p, createdAt: _c, updatedAt: _u, version: _v, ...pub } = full;
  const shown = project(EVENT_FIELDS, 'public', pub) as EventOut;
  // A signed-in reader learns what it may do (an entity: register); the public's answer carries nothing internal.
  return actor.kind === 'user' ? { ...shown, actions: full.actions } : shown;
}

export function registrationActions(actor: Actor, r: RegistrationRow, e: EventRow, today: string): string[] {
  const own = organises(actor, e);
  return [
    isEntityMember(actor, r.entityId) && r.status === 'pending' && registrationOpen(e, today) && 'edit',
    own && r.status !== 'approved' && 'approve', own && r.status !== 'rejected' && 'reject',
    r.status === 'approved' && resultsOpen(e, today) && mayReportResults(actor, r, e) && 'results',
  ].filter((a): a is string => Boolean(a));
}

export function presentRegistration(r: RegistrationView, actor: Actor, today: string): RegistrationOut {
  const e = r.event;
  const full: RegistrationOut = {
    id: r.id, event: { id: e.id, name: e.name, kind: e.kind, startsOn: e.startsOn, endsOn: e.endsOn },
    entity: { id: r.entityId, name: r.entityName }, products: r.products, status: r.status, booth: r.booth,
    provinceCode: r.provinceCode, communeCode: r.communeCode,
    note: r.note, statusReason: r.statusReason, decidedAt: r.decidedAt?.toISOString() ?? null,
    results: r.resultsAt ? { salesVnd: r.salesVnd ?? 0, contracts: r.contracts ?? 0, newPartners: r.newPartners ?? 0, note: r.resultsNote, reportedAt: r.resultsAt.toISOString() } : null,
    createdAt: r.createdAt.toISOString(), version: r.version, actions: registrationActions(actor, r, e, today),
  };
  return project(REGISTRATION_FIELDS, seesRegistration(actor, r, e) ? 'internal' : 'public', full) as RegistrationOut;
}

export function presentSession(s: SessionView, actor: Actor): SessionOut {
  return {
    id: s.id, entity: { id: s.entityId, name: s.entityName }, event: s.eventId ? { id: s.eventId, name: s.eventName ?? '' } : null,
    platform: s.platform, title: s.title, host: s.host, heldOn: s.heldOn, url: s.url, products: s.products,
    viewers: s.viewers, orders: s.orders, salesVnd: s.salesVnd, provinceCode: s.provinceCode, communeCode: s.communeCode,
    createdAt: s.createdAt.toISOString(), version: s.version, actions: mayRecordFor(actor, s) ? ['edit', 'delete'] : [],
  };
}

/** What the audit trail keeps of a row (before and after each change). */
export function snapshotOf<T extends { createdAt: Date; updatedAt: Date }>(row: T) {
  const { createdAt: _c, updatedAt, ...rest } = row;
  return JSON.parse(JSON.stringify({ ...rest, updatedAt })) as Record<string, unknown>;
}
export type { LivestreamRow };
