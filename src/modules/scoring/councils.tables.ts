// Drizzle mirror of migrations/0004_dossiers.sql (council part), 0006_written_sessions.sql and 0009_knock_outs.sql.
import { bigserial, boolean, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CouncilSettings } from './rules.data.js';

export const COUNCIL_LEVELS = ['province', 'central'] as const;
export const MEMBER_ROLES = ['chair', 'secretary', 'member'] as const;
export const TEAMS = ['council', 'advisory'] as const;
/** A session is a meeting (attendance, quorum) or by written opinion (Điều 7 khoản 6 điểm d, e: re-rating). */
export const SESSION_MODES = ['meeting', 'written'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const council = pgTable('council', {
  id: uuid('id').primaryKey().defaultRandom(),
  level: text('level', { enum: COUNCIL_LEVELS }).notNull(),
  provinceCode: text('province_code'),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<CouncilSettings>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
  /** Set when the office dissolves the council (to constitute a new one); its sessions and scores stay on record. */
  dissolvedAt: timestamp('dissolved_at', { withTimezone: true }),
});
export type CouncilRow = typeof council.$inferSelect;

export const councilMember = pgTable('council_member', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull(),
  userId: uuid('user_id').notNull(),
  team: text('team', { enum: TEAMS }).notNull(),
  role: text('role', { enum: MEMBER_ROLES }).notNull(),
  title: text('title'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type MemberRow = typeof councilMember.$inferSelect;

export const conflictDeclaration = pgTable('conflict_declaration', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull(),
  userId: uuid('user_id').notNull(),
  entityId: uuid('entity_id').notNull(),
  reason: text('reason').notNull(),
  declaredBy: uuid('declared_by'),
  declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
});

export type Quorum = { members: number; present: number; share: number; required: number; chairPresent: boolean; met: boolean };

export const councilSession = pgTable('council_session', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull(),
  title: text('title').notNull(),
  scheduledOn: date('scheduled_on').notNull(),
  location: text('location'),
  status: text('status', { enum: ['planned', 'open', 'closed'] }).notNull().default('planned'),
  mode: text('mode', { enum: SESSION_MODES }).notNull().default('meeting'),
  convertedAt: timestamp('converted_at', { withTimezone: true }),
  present: jsonb('present').$type<string[]>().notNull(),
  quorum: jsonb('quorum').$type<Quorum>(),
  minutesNote: text('minutes_note'),
  openedAt: timestamp('opened_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  closedBy: uuid('closed_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type SessionRow = typeof councilSession.$inferSelect;

export type RescoreRequest = { round: number; reason: string; members: string[]; at: string; by: string };
export type ItemResult = {
  mean: number; parts: Record<string, number>; band: number; stars: number; unmetMinimums: unknown[]; spread: number; members: number;
  knockedOutBy?: string[]; stoppedAt?: string | null; knockOutVotes?: { criterion: string; foundBy: number }[];
};

export const sessionItem = pgTable('session_item', {
  id: uuid('id').primaryKey().defaultRandom(),
  sessionId: uuid('session_id').notNull(),
  dossierId: uuid('dossier_id').notNull(),
  position: integer('position').notNull(),
  rescoreRound: integer('rescore_round').notNull().default(1),
  result: jsonb('result').$type<ItemResult>(),
  rescoreRequest: jsonb('rescore_request').$type<RescoreRequest>(),
});
export type ItemRow = typeof sessionItem.$inferSelect;

export const memberScore = pgTable('member_score', {
  id: uuid('id').primaryKey().defaultRandom(),
  itemId: uuid('item_id').notNull(),
  userId: uuid('user_id').notNull(),
  answers: jsonb('answers').$type<Record<string, string>>().notNull(),
  /** The criteria whose knock-out (or stop) note this member found met, and the facts they stated (0009). */
  knockOuts: jsonb('knock_outs').$type<string[]>().notNull().default([]),
  conditions: jsonb('conditions').$type<Record<string, boolean>>().notNull().default({}),
  total: numeric('total', { precision: 6, scale: 2, mode: 'number' }).notNull(),
  parts: jsonb('parts').$type<Record<string, number>>().notNull(),
  stars: integer('stars'),
  status: text('status', { enum: ['draft', 'submitted'] }).notNull().default('draft'),
  comment: text('comment'),
  round: integer('round').notNull().default(1),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull().default(1),
});
export type ScoreRow = typeof memberScore.$inferSelect;

export const scoreRevision = pgTable('score_revision', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  scoreId: uuid('score_id').notNull(),
  version: integer('version').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  byUser: uuid('by_user').notNull(),
  action: text('action').notNull(),
  answers: jsonb('answers').$type<Record<string, string>>().notNull(),
  knockOuts: jsonb('knock_outs').$type<string[]>().notNull().default([]),
  total: numeric('total', { precision: 6, scale: 2, mode: 'number' }).notNull(),
  changed: jsonb('changed').$type<{ code: string; from: string | null; to: string | null }[]>().notNull(),
});

export const criterionNote = pgTable('criterion_note', {
  id: uuid('id').primaryKey().defaultRandom(),
  dossierId: uuid('dossier_id').notNull(),
  criterionCode: text('criterion_code').notNull(),
  authorId: uuid('author_id').notNull(),
  authorSide: text('author_side', { enum: ['council', 'entity', 'office'] }).notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const precedent = pgTable('precedent', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id'),
  sheet: integer('sheet').notNull(),
  criterionCode: text('criterion_code').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  dossierId: uuid('dossier_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
