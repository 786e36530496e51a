// Trainings, workshops and study tours: requests and responses (the web app imports them too).
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { communeCode, provinceCode } from '../geo/index.js';
import { TRAINING_KINDS, TRAINING_LEVELS, TRAINING_TOPICS } from './trainings.tables.js';

const isoDate = z.iso.date().refine((d) => Number(d.slice(0, 4)) >= 2000 && Number(d.slice(0, 4)) <= 2100, 'A date between 2000 and 2100');
const version = z.number().int().min(1);

const trainingFields = {
  kind: z.enum(TRAINING_KINDS),
  title: z.string().trim().min(3).max(300),
  topic: z.enum(TRAINING_TOPICS),
  level: z.enum(TRAINING_LEVELS).describe('national (central office), province or commune: the organising office\'s level'),
  communeCode: communeCode.nullable().optional().describe('A commune-level event\'s commune (a province office may organise one in its communes)'),
  startsOn: isoDate,
  endsOn: isoDate,
  place: z.string().trim().min(2).max(300),
  trainers: z.string().trim().max(1000).nullable().optional(),
  budgetVnd: z.number().int().min(0).max(1_000_000_000_000).nullable().optional(),
  description: z.string().trim().max(5000).nullable().optional(),
};
const inOrder = (b: { startsOn?: string; endsOn?: string }) => !b.startsOn || !b.endsOn || b.endsOn >= b.startsOn;
const order = { message: 'The end date cannot precede the start date', path: ['endsOn'] };
export const createTrainingBody = z.strictObject(trainingFields).refine(inOrder, order);
const { level: _l, communeCode: _c, ...editable } = trainingFields;
export const updateTrainingBody = z.strictObject({ ...z.object(editable).partial().shape, cancelled: z.boolean().optional(), version }).refine(inOrder, order);

export const inviteBody = z.strictObject({
  entityIds: z.array(z.uuid()).max(500).default([]),
  userIds: z.array(z.uuid()).max(500).default([]),
}).refine((b) => b.entityIds.length + b.userIds.length > 0, { message: 'Invite at least one entity or person', path: ['entityIds'] });

export const addAttendeeBody = z.strictObject({
  userId: z.uuid().optional().describe('A person with an account'),
  fullName: z.string().trim().min(2).max(200).optional().describe('A person without an account (at the door)'),
  entityId: z.uuid().nullable().optional(),
  position: z.string().trim().max(200).nullable().optional(),
  attended: z.boolean().default(true),
}).refine((b) => Boolean(b.userId) !== Boolean(b.fullName), { message: 'Give either userId or fullName', path: ['fullName'] });
export const markAttendanceBody = z.strictObject({ attended: z.boolean() });
export const checkinBody = z.strictObject({ token: z.string().min(10).max(200) });

const rating = z.number().int().min(1).max(5);
export const evaluationBody = z.strictObject({
  content: rating, trainers: rating, organisation: rating, usefulness: rating,
  comment: z.string().trim().max(2000).nullable().optional(),
});

const ref = z.object({ id: z.string(), name: z.string() });
export const attendeeOut = z.object({
  id: z.string(), userId: z.string().nullable(), fullName: z.string(), position: z.string().nullable(), entity: ref.nullable(),
  registeredAt: z.string(), attendedAt: z.string().nullable(), checkinMethod: z.enum(['qr', 'manual']).nullable(), evaluated: z.boolean(),
  certificateUrl: z.string().nullable(),
});
export type AttendeeOut = z.infer<typeof attendeeOut>;

export const trainingOut = z.object({
  id: z.string(), kind: z.enum(TRAINING_KINDS), title: z.string(), topic: z.enum(TRAINING_TOPICS), level: z.enum(TRAINING_LEVELS),
  provinceCode: z.string().nullable(), communeCode: z.string().nullable(), startsOn: z.string(), endsOn: z.string(), place: z.string(),
  trainers: z.string().nullable(), description: z.string().nullable(), cancelled: z.boolean(),
  counts: z.object({ invitedEntities: z.number(), invitedPeople: z.number(), registered: z.number(), attended: z.number() }),
  /** The caller's own place in it: invited (themself or their entity), registered, attended. */
  mine: z.object({ invited: z.boolean(), attendee: attendeeOut.nullable() }),
  // Internal (trainings.fields.ts): the organising offices in scope.
  budgetVnd: z.number().nullable().optional(),
  organiser: z.string().nullable().optional(),
  invitations: z.array(z.object({ id: z.string(), entity: ref.nullable(), user: ref.nullable() })).optional(),
  attendees: z.array(attendeeOut).optional(),
  createdAt: z.string().optional(), updatedAt: z.string().optional(), version: z.number().optional(),
  actions: z.array(z.string()),
});
export type TrainingOut = z.infer<typeof trainingOut>;

export const trainingListQuery = z.strictObject({
  kind: z.enum(TRAINING_KINDS).optional(),
  level: z.enum(TRAINING_LEVELS).optional(),
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorParam,
});
export const trainingList = z.object({ total: z.number(), totalExact: z.boolean(), page: z.number(), pageSize: z.number(), nextCursor: nextCursorOut, items: z.array(trainingOut) });

export const checkinCodeOut = z.object({ url: z.string(), expiresAt: z.string(), refreshSeconds: z.number(), svg: z.string() });
export const checkinOut = z.object({ training: z.object({ id: z.string(), title: z.string(), place: z.string() }), attendee: attendeeOut, already: z.boolean() });

export const evaluationsOut = z.object({
  count: z.number(), attended: z.number(),
  averages: z.object({ content: z.number(), trainers: z.number(), organisation: z.number(), usefulness: z.number() }).nullable(),
  comments: z.array(z.string()),
});

export const historyQuery = z.strictObject({ entity: z.uuid() });
export const historyOut = z.object({
  items: z.array(z.object({
    training: z.object({ id: z.string(), kind: z.enum(TRAINING_KINDS), title: z.string(), topic: z.enum(TRAINING_TOPICS), level: z.enum(TRAINING_LEVELS), startsOn: z.string(), endsOn: z.string(), place: z.string() }),
    invited: z.boolean(),
    people: z.array(z.object({ fullName: z.string(), attended: z.boolean() })),
  })),
  capped: z.boolean(),
});
