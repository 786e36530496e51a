// Who may read, change and verify sales channels, and where. The entity keeps its own channels; the commune or the
// province in scope verifies them (the officer who checks the evidence is not the one who writes it); the central
// office reads everything. The public sees a verified, current channel of a published entity: where to buy.
import { and, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../app/actor.js';
import type { Audience } from '../../app/privacy.js';
import { counts } from './channels.rules.js';
import { salesChannel, type ChannelStatus } from './trade.tables.js';

type ChannelLike = { entityId: string; provinceCode: string; communeCode: string; status: ChannelStatus; startsOn: string; endsOn: string | null };

/** The entity itself, or an officer whose commune or province holds it; the central office reads every channel. */
export function inScope(actor: Actor, c: { entityId: string; provinceCode: string; communeCode: string }): boolean {
  if (actor.kind !== 'user') return false;
  switch (actor.role) {
    case 'central': return true;
    case 'province': return c.provinceCode === actor.provinceCode;
    case 'commune': return c.communeCode === actor.communeCode;
    case 'entity': return c.entityId === actor.entityId;
    default: return false;
  }
}

export const ENTITY_ROLE = ['entity'] as const;
export const VERIFIER_ROLES = ['commune', 'province'] as const;
export const READER_ROLES = ['central', 'province', 'commune', 'entity'] as const;

export function canReadChannel(actor: Actor, c: ChannelLike, entityStatus: string, today: string): boolean {
  return inScope(actor, c) || (entityStatus === 'approved' && counts(c, today));
}
export const channelAudience = (actor: Actor, c: ChannelLike): Audience => (inScope(actor, c) ? 'internal' : 'public');

/** Only the entity's own members create, change or remove its channels. */
export const canEditChannel = (actor: Actor, c: { entityId: string }) => actor.kind === 'user' && actor.role === 'entity' && actor.entityId === c.entityId;
export const canCreateChannel = canEditChannel;

/** The commune or the province in scope verifies (or rejects) a channel not yet verified (or rejects a verified one
 * whose evidence turned out wrong). */
export function canVerifyChannel(actor: Actor, c: ChannelLike): boolean {
  return actor.kind === 'user' && (actor.role === 'commune' || actor.role === 'province') && inScope(actor, c) && c.status !== 'verified';
}
export function canRejectChannel(actor: Actor, c: ChannelLike): boolean {
  return actor.kind === 'user' && (actor.role === 'commune' || actor.role === 'province') && inScope(actor, c) && c.status !== 'rejected';
}

export function channelActions(actor: Actor, c: ChannelLike): string[] {
  return [
    canEditChannel(actor, c) && 'edit', canEditChannel(actor, c) && 'delete', canEditChannel(actor, c) && 'upload',
    canVerifyChannel(actor, c) && 'verify', canRejectChannel(actor, c) && 'reject',
  ].filter((a): a is string => Boolean(a));
}

/** The SQL of "counts today": verified, started, not ended. */
export const countsOn = (today: string): SQL => and(eq(salesChannel.status, 'verified'), runningOn(today))!;
/** Started and not ended on `today`, whatever its verification. */
export const runningOn = (today: string): SQL => and(lte(salesChannel.startsOn, today), or(isNull(salesChannel.endsOn), gte(salesChannel.endsOn, today)))!;

/** The rows an actor may see in a list: the public's (verified, current, of an approved entity), plus their scope. */
export function channelVisibility(actor: Actor, today: string): SQL | undefined {
  const published = and(countsOn(today), sql`EXISTS (SELECT 1 FROM entity e WHERE e.id = ${salesChannel.entityId} AND e.status = 'approved')`)!;
  if (actor.kind !== 'user') return published;
  switch (actor.role) {
    case 'central': return undefined;
    case 'province': return or(published, eq(salesChannel.provinceCode, actor.provinceCode!));
    case 'commune': return or(published, eq(salesChannel.communeCode, actor.communeCode!));
    case 'entity': return or(published, eq(salesChannel.entityId, actor.entityId!));
    default: return published;
  }
}
