// Sales channels: requests and responses (the web app imports them too).
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { communeCode, provinceCode } from '../geo/index.js';
import { CHANNEL_STATUSES, CHANNEL_TYPES } from './trade.tables.js';

const isoDate = z.iso.date().refine((d) => Number(d.slice(0, 4)) >= 1990 && Number(d.slice(0, 4)) <= 2100, 'A date between 1990 and 2100');
const version = z.number().int().min(1);
/** A shop's address on the web: http(s) only (no javascript: links on public pages), no credentials in it. */
export const shopUrl = z.url({ protocol: /^https?$/ }).max(500).refine((u) => !/^https?:\/\/[^/]*@/.test(u), 'No user name or password in the link');

const channelFields = {
  productId: z.uuid().nullable().optional().describe('The one product this channel sells; none: the entity\'s products in general'),
  type: z.enum(CHANNEL_TYPES),
  partnerName: z.string().trim().min(1).max(200),
  shopUrl: shopUrl.nullable().optional(),
  priceVnd: z.number().int().min(1).max(1_000_000_000_000).nullable().optional().describe('Retail price at this channel in đồng (a channel of one product only)'),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional().describe('Internal note (not public)'),
};
const datesInOrder = (b: { startsOn?: string; endsOn?: string | null }) => !b.startsOn || !b.endsOn || b.endsOn >= b.startsOn;
const dateOrder = { message: 'The end date cannot precede the start date', path: ['endsOn'] };

export const createChannelBody = z.strictObject(channelFields).refine(datesInOrder, dateOrder);
export const updateChannelBody = z.strictObject({ ...z.object(channelFields).partial().shape, version }).refine(datesInOrder, dateOrder);
export const verifyChannelBody = z.strictObject({ version });
export const rejectChannelBody = z.strictObject({ version, reason: z.string().trim().min(3).max(1000) });
export const deleteChannelQuery = z.object({ version: z.coerce.number().int().min(1) });

export const channelOut = z.object({
  id: z.string(),
  entity: z.object({ id: z.string(), name: z.string() }),
  product: z.object({ id: z.string(), name: z.string() }).nullable(),
  type: z.enum(CHANNEL_TYPES),
  modern: z.boolean(),
  partnerName: z.string(),
  shopUrl: z.string().nullable(),
  priceVnd: z.number().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  current: z.boolean(),
  status: z.enum(CHANNEL_STATUSES),
  provinceCode: z.string(),
  communeCode: z.string(),
  // Internal (channels.fields.ts): the entity and the officers in scope only.
  evidence: z.object({ id: z.string(), url: z.string(), mimeType: z.string(), sizeBytes: z.number(), originalName: z.string() }).nullable().optional(),
  note: z.string().nullable().optional(),
  statusReason: z.string().nullable().optional(),
  verifiedAt: z.string().nullable().optional(),
  verifiedBy: z.string().nullable().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  version: z.number().optional(),
  actions: z.array(z.string()).optional(),
});
export type ChannelOut = z.infer<typeof channelOut>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const channelListQuery = z.object({
  entity: z.uuid().optional(),
  product: z.uuid().optional(),
  type: z.enum(CHANNEL_TYPES).optional(),
  status: z.enum(CHANNEL_STATUSES).optional(),
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  modern: bool.optional(),
  current: bool.optional(),
  sort: z.enum(['-createdAt', 'createdAt']).default('-createdAt').describe('Newest first, or oldest first (the verification queue)'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  cursor: cursorParam,
});
export const channelList = z.object({ total: z.number(), totalExact: z.boolean(), page: z.number(), pageSize: z.number(), nextCursor: nextCursorOut, items: z.array(channelOut) });

export const channelTypesOut = z.object({
  version: z.string(), instrument: z.string(),
  target: z.object({ percent: z.number(), source: z.string() }),
  items: z.array(z.object({ code: z.enum(CHANNEL_TYPES), vi: z.string(), en: z.string(), modern: z.boolean() })),
});
