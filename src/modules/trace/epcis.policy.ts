// Who may capture EPCIS events and about what, and who may read them. Pure functions.
import type { Actor } from '../../app/actor.js';
import { parseDigitalLink } from './gs1.rules.js';

/** Entities capture in their own chain; the central office (sessions and the API tokens it hands to partner
 * repositories) and the server itself (demo data, seeding) capture about any identifier, known to the registry or not. */
export function canCapture(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  return actor.role === 'central' || (actor.role === 'entity' && actor.entityId !== null);
}

/** Whether the actor may name identifiers it does not own (a national repository receives other systems' events). */
export const capturesAnyIdentifier = (actor: Actor) => actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'central');

/** The hash chain a capture extends: the entity's own, or the central one (null). The server may file demo or seeded
 * events under an entity's chain. */
export function captureChain(actor: Actor, systemEntityId?: string | null): string | null {
  if (actor.kind === 'user' && actor.role === 'entity') return actor.entityId;
  if (actor.kind === 'system') return systemEntityId ?? null;
  return null;
}

/** An identifier (canonical form) an entity may name: its products' GTINs (with any lot or serial) and its
 * locations' GLNs (with any extension). */
export function ownsIdentifier(epc: string, keys: { gtins: ReadonlySet<string>; glns: ReadonlySet<string> }): boolean {
  let key;
  try { key = parseDigitalLink(epc); } catch { return false; }
  if (!key) return false;
  return key.kind === 'gtin' ? keys.gtins.has(key.gtin) : keys.glns.has(key.gln);
}

/**
 * Reading events. The repository's query interface serves officers (every role of government: it is the national
 * repository), the central office's partners through their tokens, and each entity for its own chain. Anyone else —
 * the public — reads only events about products holding an OCOP certificate today: the journey the QR code on the
 * pack shows is public trace data. See eventVisibility in epcis.query.ts for the SQL of each case.
 */
export type ReadScope = { kind: 'all' } | { kind: 'entity'; entityId: string } | { kind: 'public' };
export function readScope(actor: Actor): ReadScope {
  if (actor.kind === 'system') return { kind: 'all' };
  if (actor.kind !== 'user') return { kind: 'public' };
  if (actor.role === 'entity') return actor.entityId ? { kind: 'entity', entityId: actor.entityId } : { kind: 'public' };
  return { kind: 'all' };
}
