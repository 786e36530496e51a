import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PlannedRow, Totals } from './import.contract.js';

/** A previewed workbook: the rows as shown to the officer and the validated records the commit will write. */
export const importJob = pgTable('import_job', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdBy: uuid('created_by').notNull(),
  provinceCode: text('province_code'),
  communeCode: text('commune_code'),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  status: text('status', { enum: ['preview', 'committed'] }).notNull().default('preview'),
  totals: jsonb('totals').$type<Totals>().notNull(),
  rows: jsonb('rows').$type<PlannedRow[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  committedAt: timestamp('committed_at', { withTimezone: true }),
  result: jsonb('result').$type<{ created: number; updated: number }>(),
});
