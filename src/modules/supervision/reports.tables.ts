// Drizzle mirror of migrations/0026_reports.sql: consumer reports and complaints, and their photos.
import { date, integer, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const REPORT_STATUSES = ['received', 'triaging', 'investigating', 'closed', 'merged'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** Where a report came from: the public product page, the public trace page, or an officer typing it in. */
export const REPORT_SOURCES = ['public', 'officer', 'trace'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];
/** How an officer received a report they type in. */
export const REPORT_CHANNELS = ['phone', 'letter', 'email', 'in_person'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];
/** Statuses still in the queue (not closed, not merged into another). */
export const OPEN_REPORT_STATUSES = ['received', 'triaging', 'investigating'] as const satisfies readonly ReportStatus[];

export const report = pgTable('report', {
  id: uuid('id').primaryKey().defaultRandom(),
  reference: text('reference').notNull().unique(),
  productId: uuid('product_id').notNull(),
  lot: text('lot'),
  certificateId: uuid('certificate_id'),
  provinceCode: text('province_code').notNull(),
  communeCode: text('commune_code').notNull(),
  /** A code of data/supervision/reports.json's categories. */
  category: text('category').notNull(),
  message: text('message').notNull(),
  /** Personal data: the reporter's phone or e-mail. */
  contact: text('contact'),
  source: text('source', { enum: REPORT_SOURCES }).notNull(),
  channel: text('channel', { enum: REPORT_CHANNELS }),
  status: text('status', { enum: REPORT_STATUSES }).notNull().default('received'),
  assignedTo: uuid('assigned_to'),
  duplicateOf: uuid('duplicate_of').references((): AnyPgColumn => report.id),
  /** The inspection the report triggered (no foreign key: another table of the module). */
  inspectionId: uuid('inspection_id'),
  slaDueOn: date('sla_due_on').notNull(),
  resolution: text('resolution'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
});
export type ReportRow = typeof report.$inferSelect;

export const reportAttachment = pgTable('report_attachment', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull(),
  fileId: uuid('file_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
