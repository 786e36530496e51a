// Raw-material areas (migrations/0031_capacity.sql): the registry's, as the design says; trace reads them for the
// public trace page, and a trace lot names the one it came from.
import { doublePrecision, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const AREA_KINDS = ['crop', 'livestock', 'aquaculture', 'forest', 'mixed'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const FARMING_STANDARDS = ['none', 'vietgap', 'globalgap', 'organic', 'pgs', 'other'] as const;
export type FarmingStandard = (typeof FARMING_STANDARDS)[number];
export const AREA_STATUSES = ['unverified', 'verified', 'rejected'] as const;
export type AreaStatus = (typeof AREA_STATUSES)[number];

export type AreaGeometry = { type: 'Point'; coordinates: [number, number] } | { type: 'Polygon'; coordinates: [number, number][][] };
export type AreaCertificate = { number: string; issuer: string; standard: FarmingStandard; issuedOn: string | null; expiresOn: string | null };

export const rawMaterialArea = pgTable('raw_material_area', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id').notNull(),
  name: text('name').notNull(),
  provinceCode: text('province_code').notNull(),
  communeCode: text('commune_code').notNull(),
  location: jsonb('location').$type<AreaGeometry>().notNull(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  areaHa: numeric('area_ha', { mode: 'number' }),
  kind: text('kind', { enum: AREA_KINDS }).notNull(),
  produce: jsonb('produce').$type<string[]>().notNull().default([]),
  farmingStandard: text('farming_standard', { enum: FARMING_STANDARDS }).notNull(),
  certificates: jsonb('certificates').$type<AreaCertificate[]>().notNull().default([]),
  description: text('description'),
  status: text('status', { enum: AREA_STATUSES }).notNull().default('unverified'),
  statusReason: text('status_reason'),
  verifiedBy: uuid('verified_by'),
  verifiedAt: timestamp('verified_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type AreaRow = typeof rawMaterialArea.$inferSelect;

export const rawMaterialAreaProduct = pgTable('raw_material_area_product', {
  areaId: uuid('area_id').notNull(),
  productId: uuid('product_id').notNull(),
}, (t) => [primaryKey({ columns: [t.areaId, t.productId] })]);
