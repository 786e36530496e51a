// Plans: requests and responses (the web app imports them too).
import { z } from 'zod';
import { communeCode, provinceCode } from '../geo/index.js';
import { PLAN_STATUSES } from './plans.tables.js';
import { MAX_TARGETS, UNITS } from './plans.rules.js';
import { SECTOR_CODES as SECTORS } from '../registry/index.js';

export const yearParams = z.object({ year: z.coerce.number().int().min(2020).max(2100) });
/** Which plan: a province's, or the nation's when no province is given. */
export const planScopeQuery = z.object({ province: provinceCode.optional().describe('A province code; none: the national plan') });
export const planReadQuery = planScopeQuery.extend({
  version: z.coerce.number().int().min(1).optional().describe('A version number (officers of the scope); default: the newest for them, the approved one for others'),
});

const targetIn = z.strictObject({
  key: z.string().trim().regex(/^[A-Za-z0-9_-]{1,20}$/).nullable().optional().describe('Keeps a target\'s identity across versions; the server names new ones'),
  kind: z.string().min(1).max(40).describe('A kind of data/programme/plan-targets.json'),
  label: z.string().trim().min(1).max(200).nullable().optional().describe('Own wording (a budget line\'s name); default: the kind\'s'),
  stars: z.union([z.literal(3), z.literal(4), z.literal(5)]).nullable().optional(),
  sector: z.enum(SECTORS).nullable().optional().describe('Sector (ngành) of Phụ lục I, QĐ 26/2026/QĐ-TTg'),
  target: z.number().min(0).max(1e15),
  byCommune: z.array(z.strictObject({ communeCode, target: z.number().min(0).max(1e15) })).max(200).optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export const savePlanBody = z.strictObject({
  basedOn: z.number().int().min(1).nullable().describe('The newest version number you read (null when the plan does not exist yet): a stale edit is refused'),
  targets: z.array(targetIn).max(MAX_TARGETS),
  note: z.string().trim().max(4000).nullable().optional(),
});
export type SavePlanBody = z.infer<typeof savePlanBody>;
export const stepPlanBody = z.strictObject({ versionNumber: z.number().int().min(1) });

const labelOut = z.object({ vi: z.string(), en: z.string() });
export const targetOut = z.object({
  key: z.string(),
  kind: z.string(),
  label: labelOut,
  ownLabel: z.string().nullable().describe('The wording the office gave (null: the kind\'s)'),
  unit: z.enum(UNITS),
  stars: z.number().nullable(),
  sector: z.string().nullable(),
  target: z.number(),
  achieved: z.number().nullable().describe('Computed live from the data; null: not measured (a line planned only, such as the budget)'),
  progress: z.number().nullable().describe('achieved / target in %, one decimal'),
  measured: z.boolean(),
  how: labelOut,
  byCommune: z.array(z.object({ communeCode: z.string(), communeName: z.string(), target: z.number(), achieved: z.number().nullable(), progress: z.number().nullable() })),
  targetNote: z.string().nullable().optional(),
});
export type TargetOut = z.infer<typeof targetOut>;

export const planOut = z.object({
  year: z.number(),
  scope: z.enum(['province', 'nation']),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  versionNumber: z.number(),
  status: z.enum(PLAN_STATUSES),
  approvedVersion: z.number().nullable(),
  latestVersion: z.number(),
  approvedAt: z.string().nullable(),
  asOf: z.string().describe('The day progress is counted on'),
  targets: z.array(targetOut),
  // Internal: the officers of the scope.
  planNote: z.string().nullable().optional(),
  createdAt: z.string().optional(),
  createdByName: z.string().nullable().optional(),
  submittedAt: z.string().nullable().optional(),
  submittedByName: z.string().nullable().optional(),
  approvedByName: z.string().nullable().optional(),
  actions: z.array(z.string()).optional(),
});
export type PlanOut = z.infer<typeof planOut>;

export const planVersionsOut = z.object({
  items: z.array(z.object({
    versionNumber: z.number(), status: z.enum(PLAN_STATUSES), targetCount: z.number(), createdAt: z.string(), createdByName: z.string().nullable(),
    submittedAt: z.string().nullable(), submittedByName: z.string().nullable(), approvedAt: z.string().nullable(), approvedByName: z.string().nullable(),
  })),
});

export const planListQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100) });
export const planListOut = z.object({
  items: z.array(z.object({ provinceCode: z.string().nullable(), provinceName: z.string().nullable(), latestVersion: z.number(), latestStatus: z.enum(PLAN_STATUSES), approvedVersion: z.number().nullable() })),
});

export const targetKindsOut = z.object({
  version: z.string(), instrument: z.string(),
  items: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string(), unit: z.enum(UNITS), byStars: z.boolean(), bySector: z.boolean(), how: labelOut, source: z.string() })),
});
