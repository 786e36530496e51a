// The tables the trace module owns (migrations/0019_trace.sql). The GTIN of a product and the GS1 company prefix of
// an entity are registry columns (registry.tables.ts): an identifier belongs to the record it names.
import { bigint, bigserial, boolean, date, doublePrecision, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const LOCATION_KINDS = ['raw_material_area', 'farm', 'workshop', 'warehouse', 'shop'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const traceLocation = pgTable('trace_location', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id').notNull(),
  gln: text('gln').notNull(),
  kind: text('kind', { enum: LOCATION_KINDS }).notNull(),
  name: text('name').notNull(),
  provinceCode: text('province_code'),
  communeCode: text('commune_code'),
  address: text('address'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  description: text('description'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const traceLot = pgTable('trace_lot', {
  id: uuid('id').primaryKey().defaultRandom(),
  productId: uuid('product_id').notNull(),
  gtin: text('gtin').notNull(),
  lot: text('lot').notNull(),
  producedOn: date('produced_on'),
  expiresOn: date('expires_on'),
  quantity: numeric('quantity'),
  uom: text('uom'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** The registry's raw-material area the batch came from (migrations/0031_capacity.sql). */
  rawMaterialAreaId: uuid('raw_material_area_id'),
});

export const epcisCapture = pgTable('epcis_capture', {
  id: text('id').primaryKey(),
  entityId: uuid('entity_id'),
  chainSeq: bigint('chain_seq', { mode: 'number' }),
  prevHash: text('prev_hash'),
  hash: text('hash'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  running: boolean('running').notNull().default(true),
  success: boolean('success'),
  errorBehaviour: text('error_behaviour').notNull().default('rollback'),
  errors: jsonb('errors'),
  eventCount: integer('event_count').notNull().default(0),
});

export const EPC_ROLES = ['epc', 'parent', 'child', 'input', 'output', 'class', 'childClass', 'inputClass', 'outputClass'] as const;
export type EpcRole = (typeof EPC_ROLES)[number];

export const epcisEvent = pgTable('epcis_event', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  eventId: text('event_id').notNull(),
  captureId: text('capture_id').notNull(),
  entityId: uuid('entity_id'),
  eventType: text('event_type').notNull(),
  eventTime: timestamp('event_time', { withTimezone: true, mode: 'string' }).notNull(),
  eventTimeZone: text('event_time_zone').notNull(),
  recordTime: timestamp('record_time', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  action: text('action'),
  bizStep: text('biz_step'),
  disposition: text('disposition'),
  readPoint: text('read_point'),
  bizLocation: text('biz_location'),
  hasErrorDeclaration: boolean('has_error_declaration').notNull().default(false),
  context: jsonb('context'),
  body: jsonb('body').$type<Record<string, unknown>>().notNull(),
});

export const epcisEventEpc = pgTable('epcis_event_epc', {
  eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
  role: text('role', { enum: EPC_ROLES }).notNull(),
  epc: text('epc').notNull(),
});
