import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { EntityPlan, ImportRow, ProductPlan, Totals } from './import.contract.js';

/** A previewed workbook: its counts; its rows are in import_row. */
export const importJob = pgTable('import_job', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdBy: uuid('created_by').notNull(),
  provinceCode: text('province_code'),
  communeCode: text('commune_code'),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  status: text('status', { enum: ['preview', 'committed'] }).notNull().default('preview'),
  totals: jsonb('totals').$type<Totals>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  committedAt: timestamp('committed_at', { withTimezone: true }),
  result: jsonb('result').$type<{ created: number; updated: number; unchanged: number }>(),
});

/** One row of a preview: as shown to the officer, and the validated record the commit writes or checks. */
export const importRow = pgTable('import_row', {
  jobId: uuid('job_id').notNull(),
  n: integer('n').notNull(),
  action: text('action', { enum: ['create', 'update', 'unchanged', 'error'] }).notNull(),
  duplicate: boolean('duplicate').notNull().default(false),
  shown: jsonb('shown').$type<ImportRow>().notNull(),
  plan: jsonb('plan').$type<EntityPlan | ProductPlan>(),
}, (t) => [primaryKey({ columns: [t.jobId, t.n] })]);
