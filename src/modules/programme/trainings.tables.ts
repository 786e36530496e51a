// Capacity building (migrations/0031_capacity.sql): trainings, workshops and study tours; who is invited; who came.
import { bigint, boolean, date, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const TRAINING_KINDS = ['training', 'workshop', 'study_tour'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_TOPICS = ['cooperation', 'management', 'production', 'product_innovation', 'marketing', 'digital', 'standards', 'ocop_cycle', 'other'] as const;
export const TRAINING_LEVELS = ['national', 'province', 'commune'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];

export const training = pgTable('training', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: TRAINING_KINDS }).notNull(),
  title: text('title').notNull(),
  topic: text('topic', { enum: TRAINING_TOPICS }).notNull(),
  level: text('level', { enum: TRAINING_LEVELS }).notNull(),
  provinceCode: text('province_code'),
  communeCode: text('commune_code'),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  place: text('place').notNull(),
  trainers: text('trainers'),
  budgetVnd: bigint('budget_vnd', { mode: 'number' }),
  description: text('description'),
  cancelled: boolean('cancelled').notNull().default(false),
  organiserId: uuid('organiser_id'),
  checkinSecret: text('checkin_secret'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type TrainingRow = typeof training.$inferSelect;

export const trainingInvitation = pgTable('training_invitation', {
  id: uuid('id').primaryKey().defaultRandom(),
  trainingId: uuid('training_id').notNull(),
  entityId: uuid('entity_id'),
  userId: uuid('user_id'),
  invitedBy: uuid('invited_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trainingAttendee = pgTable('training_attendee', {
  id: uuid('id').primaryKey().defaultRandom(),
  trainingId: uuid('training_id').notNull(),
  userId: uuid('user_id'),
  entityId: uuid('entity_id'),
  fullName: text('full_name').notNull(),
  position: text('position'),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  attendedAt: timestamp('attended_at', { withTimezone: true }),
  checkinMethod: text('checkin_method', { enum: ['qr', 'manual'] }),
  markedBy: uuid('marked_by'),
});
export type AttendeeRow = typeof trainingAttendee.$inferSelect;

export const trainingEvaluation = pgTable('training_evaluation', {
  attendeeId: uuid('attendee_id').primaryKey(),
  trainingId: uuid('training_id').notNull(),
  content: smallint('content').notNull(),
  trainers: smallint('trainers').notNull(),
  organisation: smallint('organisation').notNull(),
  usefulness: smallint('usefulness').notNull(),
  comment: text('comment'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export const RATINGS = ['content', 'trainers', 'organisation', 'usefulness'] as const;
