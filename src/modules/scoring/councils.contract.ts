// Request and response shapes for councils, sessions, member scoring and precedents.
import { z } from 'zod';
import { provinceCode } from '../geo/index.js';
import { COUNCIL_LEVELS, MEMBER_ROLES, SESSION_MODES, TEAMS } from './councils.tables.js';
import { councilSettings } from './rules.data.js';
import { conditions, knockOuts } from './sheets.contract.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const version = z.number().int().min(1);
const answers = z.record(z.string().regex(/^\d+(\.\d+){0,2}$/).max(12), z.string().max(20)).refine((a) => Object.keys(a).length <= 200, 'Too many answers');

export const createCouncilBody = z.strictObject({ level: z.enum(COUNCIL_LEVELS), provinceCode: provinceCode.nullable().optional(), name: text(300), settings: councilSettings.partial().optional() });
export const updateCouncilBody = z.strictObject({ name: text(300).optional(), settings: councilSettings.partial().optional(), dissolved: z.literal(true).optional(), version });
export const addMemberBody = z.strictObject({ userId: z.uuid(), team: z.enum(TEAMS).default('council'), role: z.enum(MEMBER_ROLES).default('member'), title: optionalText(300) });
export const updateMemberBody = z.strictObject({ role: z.enum(MEMBER_ROLES).optional(), title: optionalText(300), active: z.boolean().optional() });
export const conflictBody = z.strictObject({ userId: z.uuid(), entityId: z.uuid(), reason: text(1000) });
export const createSessionBody = z.strictObject({ title: text(300), scheduledOn: z.iso.date(), location: optionalText(300), mode: z.enum(SESSION_MODES).default('meeting') });
export const addItemBody = z.strictObject({ dossierId: z.uuid(), version });
const present = z.array(z.uuid()).min(1).max(100);
/** A meeting opens with the members present; a written session takes no attendance (every scoring member is asked). */
export const openSessionBody = z.strictObject({ present: present.optional(), version });
export const convertSessionBody = z.strictObject({ present, version });
export const closeSessionBody = z.strictObject({ minutesNote: optionalText(20000), version });
export const scoreBody = z.strictObject({ answers, knockOuts: knockOuts.optional(), conditions: conditions.optional(), comment: optionalText(5000), submit: z.boolean().default(false), version: z.number().int().min(0).optional() });
export const rescoreBody = z.strictObject({ members: z.array(z.uuid()).max(100).optional(), reason: text(2000) });
export const precedentBody = z.strictObject({ councilId: z.uuid().nullable().optional(), sheet: z.number().int().min(1).max(26), criterionCode: z.string().regex(/^\d+(\.\d+){0,2}$/).max(12), title: text(300), body: text(10000), dossierId: z.uuid().nullable().optional() });
export const precedentQuery = z.strictObject({
  sheet: z.coerce.number().int().min(1).max(26).optional(), criterion: z.string().regex(/^\d+(\.\d+){0,2}$/).max(12).optional(), q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const memberOut = z.object({ id: z.string(), userId: z.string(), fullName: z.string(), email: z.string(), accountRole: z.string(), communeCode: z.string().nullable(), team: z.enum(TEAMS), role: z.enum(MEMBER_ROLES), title: z.string().nullable(), active: z.boolean() });
export const councilOut = z.object({
  id: z.string(), level: z.enum(COUNCIL_LEVELS), provinceCode: z.string().nullable(), name: z.string(), settings: councilSettings,
  members: z.array(memberOut), version: z.number(), dissolvedAt: z.string().nullable(), actions: z.array(z.string()),
});
export const councilList = z.object({ items: z.array(councilOut) });
export const conflictOut = z.object({ userId: z.string(), fullName: z.string(), entityId: z.string(), entityName: z.string().nullable(), kind: z.enum(['declared', 'entity_member', 'same_commune']), reason: z.string().nullable(), declaredAt: z.string().nullable() });

const parts = z.object({ A: z.number(), B: z.number(), C: z.number() });
export const scoreOut = z.object({
  id: z.string(), userId: z.string(), fullName: z.string().nullable(), answers: z.record(z.string(), z.string()), total: z.number(), parts, stars: z.number().nullable(),
  /** The knock-outs this member ticked and the facts they stated (the sheet's deciding notes). */
  knockOuts: z.array(z.string()), conditions: z.record(z.string(), z.boolean()),
  status: z.enum(['draft', 'submitted']), round: z.number(), comment: z.string().nullable(), submittedAt: z.string().nullable(), updatedAt: z.string(), version: z.number(),
});
export const itemOut = z.object({
  id: z.string(), position: z.number(), dossierId: z.string(), dossierNumber: z.string(), dossierStatus: z.string(), sheet: z.number(),
  product: z.object({ name: z.string(), code: z.string() }), entity: z.object({ id: z.string(), name: z.string() }),
  rescoreRound: z.number(), submittedCount: z.number(), expectedCount: z.number(),
  /** Submitted scores needed to close: every expected member in a meeting, the quorum share of them in writing. */
  requiredCount: z.number(),
  /** The chair's last re-score request; `mustRescore` tells the caller they are among those asked and have not re-submitted. */
  rescoreRequest: z.object({ round: z.number(), reason: z.string(), members: z.array(z.string()), at: z.string() }).nullable(), mustRescore: z.boolean(),
  myScore: scoreOut.nullable(), conflicted: z.boolean(), result: z.unknown().nullable(),
});
export const sessionOut = z.object({
  id: z.string(), councilId: z.string(), councilName: z.string(), level: z.enum(COUNCIL_LEVELS), title: z.string(), scheduledOn: z.string(), location: z.string().nullable(),
  status: z.enum(['planned', 'open', 'closed']), mode: z.enum(SESSION_MODES), convertedAt: z.string().nullable(), present: z.array(z.string()), quorum: z.unknown().nullable(), minutesNote: z.string().nullable(),
  openedAt: z.string().nullable(), closedAt: z.string().nullable(), items: z.array(itemOut), version: z.number(), actions: z.array(z.string()),
});
export const sessionList = z.object({ items: z.array(sessionOut.omit({ items: true })) });
export const scoresOut = z.object({ hidden: z.boolean(), submittedCount: z.number(), items: z.array(scoreOut) });
export const overviewOut = z.object({
  mean: z.number().nullable(), parts: parts.nullable(), spread: z.number(), maxSpread: z.number(), withinLimit: z.boolean(), lowest: z.array(z.string()), highest: z.array(z.string()),
  members: z.array(z.object({ userId: z.string(), fullName: z.string().nullable(), status: z.string(), total: z.number(), parts, diffFromMean: z.number() })),
  preview: z.unknown().nullable(),
});
export const revisionOut = z.object({ items: z.array(z.object({ version: z.number(), at: z.string(), byUser: z.string(), action: z.string(), total: z.number(), changed: z.array(z.object({ code: z.string(), from: z.string().nullable(), to: z.string().nullable() })) })) });
export const precedentOut = z.object({ id: z.string(), councilId: z.string().nullable(), sheet: z.number(), criterionCode: z.string(), title: z.string(), body: z.string(), dossierId: z.string().nullable(), createdBy: z.string().nullable(), createdAt: z.string() });
export const idParams = z.strictObject({ id: z.uuid() });
export const itemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
