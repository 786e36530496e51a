// Drizzle mirror of migrations/0029_plans.sql (the product ideas' part).
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const IDEA_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];
/** The cycle steps an idea itself can be at (a product's later steps are derived from the registry and scoring). */
export const IDEA_STEPS = ['idea', 'business_plan', 'implementation'] as const;
export type IdeaStep = (typeof IDEA_STEPS)[number];

export type BusinessPlan = {
  summary: string; investmentVnd: number | null; expectedOutput: string | null; startsOn: string | null;
  submittedAt: string; submittedBy: string | null;
};

export const productIdea = pgTable('product_idea', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id'),
  producerName: text('producer_name').notNull(),
  producerPhone: text('producer_phone'),
  communeCode: text('commune_code').notNull(),
  provinceCode: text('province_code').notNull(),
  title: text('title').notNull(),
  productSet: integer('product_set'),
  description: text('description').notNull(),
  rawMaterials: text('raw_materials'),
  market: text('market'),
  status: text('status', { enum: IDEA_STATUSES }).notNull().default('submitted'),
  statusReason: text('status_reason'),
  step: text('step', { enum: IDEA_STEPS }).notNull().default('idea'),
  businessPlan: jsonb('business_plan').$type<BusinessPlan>(),
  productId: uuid('product_id'),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type IdeaRow = typeof productIdea.$inferSelect;
