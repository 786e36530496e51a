// Drizzle mirror of migrations/0027_inspections.sql: inspection plans, inspections and corrective actions.
import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const PLAN_LEVELS = ['province', 'central'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];
export const PLAN_STATUSES = ['draft', 'approved'] as const;
export const INSPECTION_STATUSES = ['planned', 'done'] as const;
export const CONCLUSIONS = ['compliant', 'corrective_action', 'revocation_proposed'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];
/** Why a product is chosen: complaints about it, a certificate expiring soon, never inspected, no traceability code at
 * 4★ or above; 'complaint' for an unplanned inspection a report triggered. */
export const RISK_REASONS = ['complaints', 'expiring', 'never_inspected', 'trace_missing', 'complaint'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];
/** What an inspection checks (Điều 8.1's grounds are found there): the label, the use of the OCOP logo, the
 * traceability code, the samples sent for testing, the production conditions, the dossier's claims. */
export const CHECK_ITEMS = ['label', 'logo', 'traceCode', 'samples', 'production', 'dossierClaims'] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];
export const CHECK_RESULTS = ['ok', 'issue', 'not_checked'] as const;
export type Checks = Record<CheckItem, { result: (typeof CHECK_RESULTS)[number]; note?: string | null }>;
export const LAB_RESULTS = ['pass', 'fail', 'pending'] as const;
export const ACTION_STATUSES = ['open', 'closed'] as const;

export const inspectionPlan = pgTable('inspection_plan', {
  id: uuid('id').primaryKey().defaultRandom(),
  provinceCode: text('province_code').notNull(),
  level: text('level', { enum: PLAN_LEVELS }).notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  note: text('note'),
  status: text('status', { enum: PLAN_STATUSES }).notNull().default('draft'),
  approvedBy: uuid('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type PlanRow = typeof inspectionPlan.$inferSelect;

export const inspection = pgTable('inspection', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id'),
  productId: uuid('product_id').notNull(),
  certificateId: uuid('certificate_id').notNull(),
  entityId: uuid('entity_id').notNull(),
  provinceCode: text('province_code').notNull(),
  level: text('level', { enum: PLAN_LEVELS }).notNull(),
  reasons: jsonb('reasons').$type<RiskReason[]>().notNull().default([]),
  dueOn: date('due_on').notNull(),
  status: text('status', { enum: INSPECTION_STATUSES }).notNull().default('planned'),
  inspectedOn: date('inspected_on'),
  team: jsonb('team').$type<string[]>().notNull().default([]),
  checks: jsonb('checks').$type<Checks>(),
  labName: text('lab_name'),
  labResult: text('lab_result', { enum: LAB_RESULTS }),
  labFileId: uuid('lab_file_id'),
  findings: text('findings'),
  conclusion: text('conclusion', { enum: CONCLUSIONS }),
  concludedOn: date('concluded_on'),
  revocationGround: text('revocation_ground'),
  revocationProposalId: uuid('revocation_proposal_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type InspectionRow = typeof inspection.$inferSelect;

export const correctiveAction = pgTable('corrective_action', {
  id: uuid('id').primaryKey().defaultRandom(),
  inspectionId: uuid('inspection_id').notNull(),
  provinceCode: text('province_code').notNull(),
  description: text('description').notNull(),
  dueOn: date('due_on').notNull(),
  status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
  closedOn: date('closed_on'),
  closingNote: text('closing_note'),
  closedBy: uuid('closed_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type CorrectiveActionRow = typeof correctiveAction.$inferSelect;
