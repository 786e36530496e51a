// Fairs, trade missions and livestream sales: requests and responses (the web app imports them too).
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { communeCode, provinceCode } from '../geo/index.js';
import { shopUrl } from './channels.contract.js';
import { EVENT_KINDS, EVENT_LEVELS, EVENT_STATUSES, LIVESTREAM_PLATFORMS, REGISTRATION_STATUSES } from './fairs.tables.js';

const isoDate = z.iso.date().refine((d) => Number(d.slice(0, 4)) >= 2000 && Number(d.slice(0, 4)) <= 2100, 'A date between 2000 and 2100');
const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();
const vnd = z.number().int().min(0).max(1_000_000_000_000_000);
const count = z.number().int().min(0).max(100_000_000);

const eventFields = {
  kind: z.enum(EVENT_KINDS),
  name: text(300),
  organiser: text(300).describe('The organising body as printed on the invitation (e.g. Sở Công Thương tỉnh Tuyên Quang)'),
  venue: text(300).describe('Where it is held (hall, city; a platform for a livestream sales day)'),
  country: z.string().regex(/^[A-Z]{2}$/).default('VN').describe('ISO 3166-1 alpha-2; VN for an event in Việt Nam, another for a trade mission abroad'),
  venueProvinceCode: provinceCode.nullable().optional().describe('The province where it is held (required in Việt Nam)'),
  startsOn: isoDate,
  endsOn: isoDate,
  registrationDeadline: isoDate.nullable().optional().describe('Last day to register; none: until the first day'),
  booths: z.number().int().min(0).max(100_000).nullable().optional().describe('Booths available; none: not limited'),
  description: optText(5000),
  status: z.enum(['draft', 'published']).optional().describe('draft: visible to the organiser only; default published'),
};
const eventChecks = (b: { startsOn?: string; endsOn?: string; registrationDeadline?: string | null; country?: string; venueProvinceCode?: string | null }, ctx: z.RefinementCtx) => {
  if (b.startsOn && b.endsOn && b.endsOn < b.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The last day cannot precede the first' });
  if (b.registrationDeadline && b.endsOn && b.registrationDeadline > b.endsOn) ctx.addIssue({ code: 'custom', path: ['registrationDeadline'], message: 'The registration deadline cannot follow the event' });
};
export const createEventBody = z.strictObject(eventFields).superRefine((b, ctx) => {
  eventChecks(b, ctx);
  if (b.country === 'VN' && !b.venueProvinceCode) ctx.addIssue({ code: 'custom', path: ['venueProvinceCode'], message: 'The province of a venue in Việt Nam' });
});
export const updateEventBody = z.strictObject({ ...z.object(eventFields).partial().shape, status: z.enum(EVENT_STATUSES).optional(), version }).superRefine(eventChecks);

const area = z.object({ code: z.string(), name: z.string() }).nullable();
export const eventOut = z.object({
  id: z.string(), kind: z.enum(EVENT_KINDS), name: z.string(), level: z.enum(EVENT_LEVELS),
  province: area, commune: area, organiser: z.string(), venue: z.string(), country: z.string(), abroad: z.boolean(),
  venueProvince: area, startsOn: z.string(), endsOn: z.string(), registrationDeadline: z.string().nullable(),
  booths: z.number().nullable(), boothsTaken: z.number(), description: z.string().nullable(), status: z.enum(EVENT_STATUSES),
  registrationOpen: z.boolean(), participants: z.number(),
  // Internal (fairs.fields.ts): the organiser's bookkeeping.
  pending: z.number().optional(), createdAt: z.string().optional(), updatedAt: z.string().optional(), version: z.number().optional(),
  actions: z.array(z.string()).optional(),
});
export type EventOut = z.infer<typeof eventOut>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const paging = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  cursor: cursorParam,
};
export const eventListQuery = z.object({
  kind: z.enum(EVENT_KINDS).optional(),
  level: z.enum(EVENT_LEVELS).optional(),
  province: provinceCode.optional().describe('Organised by this province\'s office, or held in this province'),
  status: z.enum(EVENT_STATUSES).optional(),
  abroad: bool.optional(),
  from: isoDate.optional().describe('Events ending on or after this day'),
  to: isoDate.optional().describe('Events starting on or before this day'),
  open: bool.optional().describe('true: open for registration today'),
  ...paging,
});
export const eventList = z.object({ total: z.number(), totalExact: z.boolean(), page: z.number(), pageSize: z.number(), nextCursor: nextCursorOut, items: z.array(eventOut) });

// ── registrations ────────────────────────────────────────────────────────────
const productIds = z.array(z.uuid()).min(1).max(30).refine((xs) => new Set(xs).size === xs.length, 'Each product once');
export const registerBody = z.strictObject({ productIds, note: optText(2000) });
export const decideBody = z.strictObject({
  version, decision: z.enum(['approve', 'reject']),
  booth: z.string().trim().min(1).max(30).nullable().optional().describe('The booth assigned (unique within the event)'),
  reason: z.string().trim().min(3).max(1000).optional().describe('Why it is rejected (required to reject)'),
}).superRefine((b, ctx) => { if (b.decision === 'reject' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'A reason is required to reject' }); });
export const resultsBody = z.strictObject({ version, salesVnd: vnd, contracts: count, newPartners: count, note: optText(2000) });
export const updateRegistrationBody = z.strictObject({ version, productIds: productIds.optional(), note: optText(2000) });

export const registrationOut = z.object({
  id: z.string(),
  event: z.object({ id: z.string(), name: z.string(), kind: z.enum(EVENT_KINDS), startsOn: z.string(), endsOn: z.string() }),
  entity: z.object({ id: z.string(), name: z.string() }),
  products: z.array(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(REGISTRATION_STATUSES), booth: z.string().nullable(), provinceCode: z.string(), communeCode: z.string(),
  // Internal (fairs.fields.ts): the entity, the organiser and the officers over the entity.
  note: z.string().nullable().optional(), statusReason: z.string().nullable().optional(), decidedAt: z.string().nullable().optional(),
  results: z.object({ salesVnd: z.number(), contracts: z.number(), newPartners: z.number(), note: z.string().nullable(), reportedAt: z.string() }).nullable().optional(),
  createdAt: z.string().optional(), version: z.number().optional(), actions: z.array(z.string()).optional(),
});
export type RegistrationOut = z.infer<typeof registrationOut>;
export const registrationListQuery = z.object({
  event: z.uuid().optional(), entity: z.uuid().optional(), status: z.enum(REGISTRATION_STATUSES).optional(),
  province: provinceCode.optional().describe('Entities of this province'), ...paging,
});
export const registrationList = z.object({ total: z.number(), totalExact: z.boolean(), page: z.number(), pageSize: z.number(), nextCursor: nextCursorOut, items: z.array(registrationOut) });

// ── livestream sessions ──────────────────────────────────────────────────────
const sessionFields = {
  platform: z.enum(LIVESTREAM_PLATFORMS), title: optText(300), host: text(200).describe('Who hosted the session (the entity\'s own seller, a KOL/KOC…)'),
  heldOn: isoDate, url: shopUrl.nullable().optional(), eventId: z.uuid().nullable().optional().describe('The livestream sales day it belonged to, if any'),
  productIds, viewers: count, orders: count, salesVnd: vnd,
};
export const createSessionBody = z.strictObject({ ...sessionFields, entityId: z.uuid().optional().describe('The entity (an office recording for one); an entity member records its own') });
export const updateSessionBody = z.strictObject({ ...z.object(sessionFields).partial().shape, version });
export const sessionOut = z.object({
  id: z.string(), entity: z.object({ id: z.string(), name: z.string() }), event: z.object({ id: z.string(), name: z.string() }).nullable(),
  platform: z.enum(LIVESTREAM_PLATFORMS), title: z.string().nullable(), host: z.string(), heldOn: z.string(), url: z.string().nullable(),
  products: z.array(z.object({ id: z.string(), name: z.string() })), viewers: z.number(), orders: z.number(), salesVnd: z.number(),
  provinceCode: z.string(), communeCode: z.string(), createdAt: z.string(), version: z.number(), actions: z.array(z.string()),
});
export type SessionOut = z.infer<typeof sessionOut>;
export const sessionListQuery = z.object({
  entity: z.uuid().optional(), platform: z.enum(LIVESTREAM_PLATFORMS).optional(), province: provinceCode.optional(), commune: communeCode.optional(),
  from: isoDate.optional(), to: isoDate.optional(), ...paging,
});
export const sessionList = z.object({ total: z.number(), totalExact: z.boolean(), page: z.number(), pageSize: z.number(), nextCursor: nextCursorOut, items: z.array(sessionOut) });

export const exportQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const deleteQuery = z.object({ version: z.coerce.number().int().min(1) });
