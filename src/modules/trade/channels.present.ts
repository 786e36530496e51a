// Turns channel rows into API output, cut down to the reader's audience (channels.fields.ts).
import type { Actor } from '../../app/actor.js';
import { project } from '../../app/privacy.js';
import type { ChannelOut } from './channels.contract.js';
import { CHANNEL_FIELDS } from './channels.fields.js';
import { channelActions, channelAudience } from './channels.policy.js';
import { isCurrent, isModern } from './channels.rules.js';
import type { ChannelView } from './channels.repo.js';
import type { ChannelRow } from './trade.tables.js';

export const evidencePath = (channelId: string) => `/api/v1/channels/${channelId}/evidence`;

export function presentChannel(v: ChannelView, actor: Actor, today: string): ChannelOut {
  const c = v.channel;
  const full: ChannelOut = {
    id: c.id,
    entity: { id: c.entityId, name: v.entityName },
    product: c.productId ? { id: c.productId, name: v.productName ?? '' } : null,
    type: c.type, modern: isModern(c.type), partnerName: c.partnerName, shopUrl: c.shopUrl, priceVnd: c.priceVnd,
    startsOn: c.startsOn, endsOn: c.endsOn, current: isCurrent(c, today), status: c.status,
    provinceCode: c.provinceCode, communeCode: c.communeCode,
    evidence: v.evidence ? { id: v.evidence.id, url: evidencePath(c.id), mimeType: v.evidence.mimeType, sizeBytes: v.evidence.sizeBytes, originalName: v.evidence.originalName } : null,
    note: c.note, statusReason: c.statusReason, verifiedAt: c.verifiedAt?.toISOString() ?? null, verifiedBy: c.verifiedBy,
    createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(), version: c.version,
    actions: channelActions(actor, c),
  };
  return project(CHANNEL_FIELDS, channelAudience(actor, c), full) as ChannelOut;
}

/** What the audit trail keeps of a channel (before and after each change). */
export function snapshot(c: ChannelRow) {
  const { createdAt: _c, updatedAt, verifiedAt, ...rest } = c;
  return { ...rest, updatedAt: updatedAt.toISOString(), verifiedAt: verifiedAt?.toISOString() ?? null };
}
