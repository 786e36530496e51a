// Drizzle mirror of migrations/0032_fairs.sql: trade events and their registrations, livestream sessions, tourism
// destinations.
import { bigint, boolean, date, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const EVENT_KINDS = ['fair', 'exhibition', 'trade_mission', 'livestream_day'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_LEVELS = ['national', 'province', 'commune'] as const;
export type EventLevel = (typeof EVENT_LEVELS)[number];
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const LIVESTREAM_PLATFORMS = ['tiktok', 'facebook', 'shopee', 'lazada', 'youtube', 'zalo', 'other'] as const;
export const DESTINATION_KINDS = ['community', 'eco', 'site'] as const;
export const TOURISM_SERVICES = ['homestay', 'food', 'guide', 'craft', 'trekking', 'boat', 'camping', 'farm', 'culture', 'shop'] as const;

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
};

export const tradeEvent = pgTable('trade_event', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: EVENT_KINDS }).notNull(),
  name: text('name').notNull(),
  level: text('level', { enum: EVENT_LEVELS }).notNull(),
  provinceCode: text('province_code'),
  communeCode: text('commune_code'),
  organiser: text('organiser').notNull(),
  venue: text('venue').notNull(),
  country: text('country').notNull().default('VN'),
  venueProvinceCode: text('venue_province_code'),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  registrationDeadline: date('registration_deadline'),
  booths: integer('booths'),
  description: text('description'),
  status: text('status', { enum: EVENT_STATUSES }).notNull().default('published'),
  createdBy: uuid('created_by'),
  ...stamps,
});
export type EventRow = typeof tradeEvent.$inferSelect;

export const eventRegistration = pgTable('trade_event_registration', {
  id: uuid('id').primaryKey().defaultRandom(),
  eventId: uuid('event_id').notNull(),
  entityId: uuid('entity_id').notNull(),
  status: text('status', { enum: REGISTRATION_STATUSES }).notNull().default('pending'),
  statusReason: text('status_reason'),
  booth: text('booth'),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  note: text('note'),
  salesVnd: bigint('sales_vnd', { mode: 'number' }),
  contracts: integer('contracts'),
  newPartners: integer('new_partners'),
  resultsNote: text('results_note'),
  resultsBy: uuid('results_by'),
  resultsAt: timestamp('results_at', { withTimezone: true }),
  provinceCode: text('province_code').notNull(),
  communeCode: text('commune_code').notNull(),
  ...stamps,
});
export type RegistrationRow = typeof eventRegistration.$inferSelect;

export const registrationProduct = pgTable('trade_event_registration_product', {
  registrationId: uuid('registration_id').notNull(),
  productId: uuid('product_id').notNull(),
}, (t) => [primaryKey({ columns: [t.registrationId, t.productId] })]);

export const livestreamSession = pgTable('livestream_session', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id').notNull(),
  eventId: uuid('event_id'),
  platform: text('platform', { enum: LIVESTREAM_PLATFORMS }).notNull(),
  title: text('title'),
  host: text('host').notNull(),
  heldOn: date('held_on').notNull(),
  url: text('url'),
  viewers: integer('viewers').notNull().default(0),
  orders: integer('orders').notNull().default(0),
  salesVnd: bigint('sales_vnd', { mode: 'number' }).notNull().default(0),
  recordedBy: uuid('recorded_by'),
  provinceCode: text('province_code').notNull(),
  communeCode: text('commune_code').notNull(),
  ...stamps,
});
export type LivestreamRow = typeof livestreamSession.$inferSelect;

export const livestreamProduct = pgTable('livestream_product', {
  sessionId: uuid('session_id').notNull(),
  productId: uuid('product_id').notNull(),
}, (t) => [primaryKey({ columns: [t.sessionId, t.productId] })]);

export const tourismDestination = pgTable('tourism_destination', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind', { enum: DESTINATION_KINDS }).notNull(),
  description: text('description'),
  entityId: uuid('entity_id'),
  productId: uuid('product_id'),
  provinceCode: text('province_code').notNull(),
  communeCode: text('commune_code').notNull(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  seasonMonths: integer('season_months').array().notNull().default([]),
  seasonNote: text('season_note'),
  services: text('services').array().notNull().default([]),
  planningZone: text('planning_zone'),
  website: text('website'),
  published: boolean('published').notNull().default(true),
  createdBy: uuid('created_by'),
  ...stamps,
});
export type DestinationRow = typeof tourismDestination.$inferSelect;
