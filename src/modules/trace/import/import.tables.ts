import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { EventImportResult, EventImportTotals } from './import.contract.js';
import type { EventRowInput } from './parse-rows.js';

/** What the preview announced per row: the commit, planning again, must find the same (migrations/0025_trace_import.sql). */
export type Announced = { row: number; action: string; lotId: string | null };

export const traceImport = pgTable('trace_import', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  rows: jsonb('rows').$type<EventRowInput[]>().notNull(),
  planned: jsonb('planned').$type<Announced[]>().notNull(),
  totals: jsonb('totals').$type<EventImportTotals>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  committedAt: timestamp('committed_at', { withTimezone: true }),
  result: jsonb('result').$type<EventImportResult>(),
});
