// Drizzle mirror of migrations/0029_plans.sql (the plans' part).
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PlanTarget } from './plans.rules.js';

export const PLAN_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const programmePlan = pgTable('programme_plan', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: integer('year').notNull(),
  /** NULL: the national plan (the central office's). */
  provinceCode: text('province_code'),
  latestVersion: integer('latest_version').notNull().default(1),
  approvedVersion: integer('approved_version'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type PlanRow = typeof programmePlan.$inferSelect;

export const programmePlanVersion = pgTable('programme_plan_version', {
  planId: uuid('plan_id').notNull(),
  number: integer('number').notNull(),
  status: text('status', { enum: PLAN_STATUSES }).notNull().default('draft'),
  targets: jsonb('targets').$type<PlanTarget[]>().notNull(),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  submittedBy: uuid('submitted_by'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  approvedBy: uuid('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
}, (t) => [primaryKey({ columns: [t.planId, t.number] })]);
export type PlanVersionRow = typeof programmePlanVersion.$inferSelect;
