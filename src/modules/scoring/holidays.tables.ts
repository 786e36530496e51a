// Drizzle mirror of migrations/0012_decree.sql (holidays): a year's notice and its days off and make-up working days.
import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const HOLIDAY_KINDS = ['holiday', 'compensated', 'swapped', 'working_day'] as const;
export const NOTICE_STATUSES = ['official', 'provisional'] as const;

export const holidayYear = pgTable('holiday_year', {
  year: integer('year').primaryKey(),
  noticeStatus: text('notice_status', { enum: NOTICE_STATUSES }).notNull(),
  noticeRef: text('notice_ref'),
  noticeNote: text('notice_note'),
  source: text('source', { enum: ['data', 'upload'] }).notNull(),
  loadedBy: uuid('loaded_by'),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const holiday = pgTable('holiday', {
  date: date('date').primaryKey(),
  year: integer('year').notNull(),
  kind: text('kind', { enum: HOLIDAY_KINDS }).notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
});
