// The tables the notifications module owns (migrations/0013_notifications.sql).
import { bigint, boolean, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { NotificationKind } from './notifications.contract.js';

export type Localized = { vi: string; en: string };

export const notification = pgTable('notification', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').$type<NotificationKind>().notNull(),
  title: jsonb('title').$type<Localized>().notNull(),
  body: jsonb('body').$type<Localized>().notNull(),
  link: text('link'),
  eventId: bigint('event_id', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true }),
});
export type NotificationRow = typeof notification.$inferSelect;

export const notificationPreference = pgTable('notification_preference', {
  userId: uuid('user_id').notNull(),
  kind: text('kind').$type<NotificationKind>().notNull(),
  email: boolean('email').notNull(),
  app: boolean('app').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.kind] })]);

export const notificationDelivery = pgTable('notification_delivery', {
  eventId: bigint('event_id', { mode: 'number' }).notNull(),
  recipient: text('recipient').notNull(),
  channel: text('channel', { enum: ['email', 'app'] }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  detail: text('detail'),
}, (t) => [primaryKey({ columns: [t.eventId, t.recipient, t.channel] })]);

export const notificationSetting = pgTable('notification_setting', {
  userId: uuid('user_id').primaryKey(),
  language: text('language', { enum: ['vi', 'en'] }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
