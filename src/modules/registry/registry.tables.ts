import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The six sectors (ngành) of Phụ lục I, QĐ 26/2026/QĐ-TTg: the first level of the product classification. */
export const SECTOR_CODES = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

export const ENTITY_TYPES = ['htx', 'to_hop_tac', 'doanh_nghiep', 'trang_trai', 'ho_kinh_doanh'] as const;
export const ENTITY_STATUSES = ['pending', 'approved', 'refused'] as const;
export const PRODUCT_STATUSES = ['draft', 'registered', 'certified', 'expired', 'revoked'] as const;

export type Representative = { fullName: string; sex: 'male' | 'female'; ethnicity: string; disability: boolean; position?: string; phone?: string };

export const productSet = pgTable('product_set', {
  sheet: integer('sheet').primaryKey(),
  instrument: text('instrument').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  groupCode: text('group_code').notNull(),
  groupName: text('group_name').notNull(),
  groupNameEn: text('group_name_en').notNull(),
  sectorCode: text('sector_code').notNull(),
  sectorName: text('sector_name').notNull(),
  sectorNameEn: text('sector_name_en').notNull(),
  /** Phụ lục II's wording where it differs from Phụ lục I's name (searchable), and Phụ lục I's managing agencies (0012). */
  aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
  agencies: jsonb('agencies').$type<string[]>().notNull().default([]),
});

export const entity = pgTable('entity', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  type: text('type', { enum: ENTITY_TYPES }).notNull(),
  registrationNumber: text('registration_number').notNull(),
  registrationDate: date('registration_date'),
  taxCode: text('tax_code'),
  address: text('address').notNull(),
  communeCode: text('commune_code').notNull(),
  provinceCode: text('province_code').notNull(),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  /** The entity's choice to show phone and e-mail publicly; null until it chooses (see publishesContact). */
  publishContact: boolean('publish_contact'),
  representative: jsonb('representative').$type<Representative>().notNull(),
  workers: integer('workers'),
  localWorkers: integer('local_workers'),
  /** Its own GS1 company prefix, when it has one: its products' GTINs are numbered under it (issue 12). */
  gs1CompanyPrefix: text('gs1_company_prefix'),
  status: text('status', { enum: ENTITY_STATUSES }).notNull().default('pending'),
  statusReason: text('status_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const product = pgTable('product', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  entityId: uuid('entity_id').notNull(),
  name: text('name').notNull(),
  productSet: integer('product_set').notNull(),
  description: text('description'),
  ingredients: text('ingredients'),
  rawMaterialArea: text('raw_material_area'),
  standard: text('standard'),
  status: text('status', { enum: PRODUCT_STATUSES }).notNull().default('draft'),
  stars: integer('stars'),
  provinceCode: text('province_code').notNull(),
  communeCode: text('commune_code').notNull(),
  /** GS1 GTIN, 14 digits: the entity's own, or one under the programme's prefix (migrations/0019_trace.sql). */
  gtin: text('gtin'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const storedFile = pgTable('stored_file', {
  id: uuid('id').primaryKey().defaultRandom(),
  sha256: text('sha256').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  originalName: text('original_name').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const entityDocument = pgTable('entity_document', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id').notNull(),
  fileId: uuid('file_id').notNull(),
  docType: text('doc_type').notNull(),
  number: text('number'),
  issuer: text('issuer'),
  issuedOn: date('issued_on'),
  expiresOn: date('expires_on'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const productFile = pgTable('product_file', {
  id: uuid('id').primaryKey().defaultRandom(),
  productId: uuid('product_id').notNull(),
  fileId: uuid('file_id').notNull(),
  kind: text('kind', { enum: ['image', 'document'] }).notNull(),
  caption: text('caption'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const invitation = pgTable('invitation', {
  tokenHash: text('token_hash').primaryKey(),
  entityId: uuid('entity_id').notNull(),
  email: text('email').notNull(),
  invitedBy: uuid('invited_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const communeProductSeq = pgTable('commune_product_seq', {
  communeCode: text('commune_code').primaryKey(),
  lastValue: integer('last_value').notNull(),
});
