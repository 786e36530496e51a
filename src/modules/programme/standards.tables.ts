// Compliance checklists (migrations/0031_capacity.sql): a product's chosen export markets and its checklist lines.
import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const COMPLIANCE_STATUSES = ['in_progress', 'met', 'not_applicable'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

export const productTargetMarket = pgTable('product_target_market', {
  productId: uuid('product_id').notNull(),
  market: text('market').notNull(),
}, (t) => [primaryKey({ columns: [t.productId, t.market] })]);

export const complianceItem = pgTable('compliance_item', {
  id: uuid('id').primaryKey().defaultRandom(),
  productId: uuid('product_id').notNull(),
  requirement: text('requirement').notNull(),
  status: text('status', { enum: COMPLIANCE_STATUSES }).notNull().default('in_progress'),
  certificateNumber: text('certificate_number'),
  issuer: text('issuer'),
  issuedOn: date('issued_on'),
  expiresOn: date('expires_on'),
  evidenceFileId: uuid('evidence_file_id'),
  note: text('note'),
  entityId: uuid('entity_id').notNull(),
  provinceCode: text('province_code').notNull(),
  communeCode: text('commune_code').notNull(),
  updatedBy: uuid('updated_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type ComplianceRow = typeof complianceItem.$inferSelect;
