// Product ideas and the cycle of a product: requests and responses (the web app imports them too).
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { communeCode } from '../geo/index.js';
import { IDEA_STATUSES, IDEA_STEPS } from './cycle.tables.js';
import { STEP_CODES } from './cycle.rules.js';

const version = z.number().int().min(1);
const phone = z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/, 'A phone number');
const ideaFields = {
  title: z.string().trim().min(3).max(200).describe('The product the idea is about'),
  description: z.string().trim().min(10).max(4000).describe('What the product is, what makes it local, who makes it'),
  productSet: z.number().int().min(1).max(26).nullable().optional().describe('The product set (score sheet 1–26) it would be rated under'),
  rawMaterials: z.string().trim().max(1000).nullable().optional(),
  market: z.string().trim().max(1000).nullable().optional().describe('Who would buy it, where'),
};
export const createIdeaBody = z.strictObject({
  ...ideaFields,
  producerName: z.string().trim().min(2).max(200).optional().describe('A producer not registered yet (the commune officer submits for them)'),
  producerPhone: phone.nullable().optional(),
});
export const updateIdeaBody = z.strictObject({ ...z.object(ideaFields).partial().shape, producerPhone: phone.nullable().optional(), version });
export const acceptIdeaBody = z.strictObject({ version });
export const returnIdeaBody = z.strictObject({ version, reason: z.string().trim().min(3).max(1000) });
export const businessPlanBody = z.strictObject({
  version,
  summary: z.string().trim().min(10).max(8000).describe('The production and business plan: what, how much, with whom, when'),
  investmentVnd: z.number().int().min(0).max(1e13).nullable().optional(),
  expectedOutput: z.string().trim().max(1000).nullable().optional(),
  startsOn: z.iso.date().nullable().optional(),
});
export const advanceIdeaBody = z.strictObject({ version, productId: z.uuid().nullable().optional().describe('The product registered from the idea, once it exists') });

export const ideaOut = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  productSet: z.number().nullable(),
  productSetName: z.string().nullable(),
  rawMaterials: z.string().nullable(),
  market: z.string().nullable(),
  entity: z.object({ id: z.string(), name: z.string() }).nullable(),
  producerName: z.string(),
  producerPhone: z.string().nullable().optional(),
  communeCode: z.string(),
  communeName: z.string(),
  provinceCode: z.string(),
  status: z.enum(IDEA_STATUSES),
  statusReason: z.string().nullable(),
  step: z.enum(STEP_CODES),
  ideaStep: z.enum(IDEA_STEPS),
  businessPlan: z.object({ summary: z.string(), investmentVnd: z.number().nullable(), expectedOutput: z.string().nullable(), startsOn: z.string().nullable(), submittedAt: z.string() }).nullable(),
  productId: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  actions: z.array(z.string()),
});
export type IdeaOut = z.infer<typeof ideaOut>;

export const ideaListQuery = z.object({
  status: z.enum(IDEA_STATUSES).optional(),
  commune: communeCode.optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  cursor: cursorParam,
});
export const ideaList = z.object({ total: z.number(), totalExact: z.boolean(), page: z.number(), pageSize: z.number(), nextCursor: nextCursorOut, items: z.array(ideaOut) });

const stepOut = z.object({ code: z.enum(STEP_CODES), order: z.number(), vi: z.string(), en: z.string(), state: z.enum(['done', 'current', 'ahead']) });
export const cycleStepsOut = z.object({
  version: z.string(), instrument: z.string(), source: z.string(), principle: z.object({ vi: z.string(), en: z.string() }),
  items: z.array(z.object({ code: z.enum(STEP_CODES), order: z.number(), vi: z.string(), en: z.string(), who: z.string(), months: z.object({ vi: z.string(), en: z.string() }) })),
});
const upgradeCriterion = z.object({ code: z.string(), name: z.string(), points: z.number(), max: z.number(), gain: z.number(), missesMinimum: z.boolean() });
export const productCycleOut = z.object({
  productId: z.string(),
  step: z.enum(STEP_CODES),
  reason: z.string(),
  steps: z.array(stepOut),
  // Internal (the entity and the officers in scope): where the product came from and what its scores say.
  idea: z.object({ id: z.string(), title: z.string(), status: z.enum(IDEA_STATUSES) }).nullable().optional(),
  upgradePath: z.object({
    source: z.enum(['council', 'self_assessment']).describe('The council\'s member scores of the certificate, else the latest dossier\'s self-assessment'),
    sheet: z.number(),
    certificateNumber: z.string().nullable(),
    currentStars: z.number().nullable(), targetStars: z.number().nullable(), total: z.number(), pointsNeeded: z.number(),
    minimumsToMeet: z.array(z.object({ code: z.string(), name: z.string(), requiredStar: z.number(), requiredOption: z.string() })),
    groups: z.array(z.object({ part: z.enum(['A', 'B', 'C']), code: z.string(), name: z.string(), gain: z.number(), criteria: z.array(upgradeCriterion) })),
  }).nullable().optional(),
  help: z.object({
    standards: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string(), reference: z.string().nullable(), state: z.enum(['missing', 'in_progress', 'expired']) }))
      .describe('The product set\'s requirements (data/programme/standards.json) not met yet on the product\'s checklist'),
    trainings: z.array(z.object({ id: z.string(), title: z.string(), topic: z.string(), level: z.string(), startsOn: z.string() }))
      .describe('The trainings coming up in the product\'s area (national, its province, its commune), soonest first'),
  }).optional(),
});
export type ProductCycleOut = z.infer<typeof productCycleOut>;
