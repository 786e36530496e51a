// Sales channels' pure rules: which types are modern (data/trade/channels.json, read once at start), whether a
// channel counts today, and what an edit does to a verified channel. No I/O beyond reading the data file at load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CHANNEL_STATUSES, CHANNEL_TYPES, type ChannelStatus, type ChannelType } from './trade.tables.js';

const channelData = z.strictObject({
  version: z.string(),
  instrument: z.string(),
  note: z.string(),
  modernChannelTarget: z.strictObject({ percent: z.number().min(0).max(100), source: z.string().min(1) }),
  types: z.array(z.strictObject({ code: z.enum(CHANNEL_TYPES), vi: z.string(), en: z.string(), modern: z.boolean() })),
}).refine((d) => d.types.length === CHANNEL_TYPES.length && new Set(d.types.map((t) => t.code)).size === CHANNEL_TYPES.length, 'every channel type exactly once');
export type ChannelData = z.infer<typeof channelData>;

/** Parses the channel data (throws on a file that does not fit: the server does not start with a wrong list). */
export const parseChannelData = (raw: unknown): ChannelData => channelData.parse(raw);

export const CHANNEL_DATA: ChannelData = parseChannelData(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'trade', 'channels.json'), 'utf8')));

/** The types counted as modern channels, per the data. */
export const modernTypes = (data: ChannelData = CHANNEL_DATA): ChannelType[] => data.types.filter((t) => t.modern).map((t) => t.code);
export const isModern = (type: ChannelType, data: ChannelData = CHANNEL_DATA) => modernTypes(data).includes(type);

/** Running on `today` (yyyy-mm-dd): started, and not yet ended (the end day still counts). */
export const isCurrent = (c: { startsOn: string; endsOn: string | null }, today: string) => c.startsOn <= today && (c.endsOn === null || c.endsOn >= today);

/** Counts in the indicator and shows as a place to buy: verified and current. */
export const counts = (c: { status: ChannelStatus; startsOn: string; endsOn: string | null }, today: string) => c.status === 'verified' && isCurrent(c, today);

/** The fields whose change voids a verification: what the officer checked against the evidence. The price and the
 * internal note are the entity's to keep up to date. */
export const SUBSTANCE = ['type', 'partnerName', 'shopUrl', 'productId', 'startsOn', 'endsOn', 'evidenceFileId'] as const;

/** The status after an edit: a change of substance sends a verified (or rejected) channel back to the queue. */
export function statusAfterEdit(before: Record<string, unknown> & { status: ChannelStatus }, changes: Record<string, unknown>): ChannelStatus {
  const substantive = SUBSTANCE.some((k) => k in changes && changes[k] !== undefined && (changes[k] ?? null) !== (before[k] ?? null));
  return substantive ? 'unverified' : before.status;
}

export { CHANNEL_STATUSES, CHANNEL_TYPES };
