// Inspection plans, inspections and corrective actions: requests and responses (the web app imports them too).
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { provinceCode } from '../geo/index.js';
import { REVOCATION_GROUNDS } from '../scoring/index.js';
import { ACTION_STATUSES, CHECK_ITEMS, CHECK_RESULTS, CONCLUSIONS, INSPECTION_STATUSES, LAB_RESULTS, PLAN_LEVELS, PLAN_STATUSES, RISK_REASONS } from './inspections.tables.js';

const isoDate = z.iso.date().refine((d) => d >= '2020-01-01' && d <= '2100-12-31', 'A date between 2020 and 2100');
const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
export const idParams = z.strictObject({ id: z.uuid() });
const ref = z.object({ id: z.string(), name: z.string() });

export const INSPECTION_STATES = ['planned', 'compliant', 'corrective_open', 'corrective_closed', 'revocation_pending', 'revoked'] as const;

// Plans
export const createPlanBody = z.strictObject({
  provinceCode, level: z.enum(PLAN_LEVELS).default('province').describe('province: 3★–4★ products, approved by the province office; central: the Ministry\'s plan of 5★ products'),
  year: z.number().int().min(2020).max(2100), title: text(300), note: z.string().trim().max(2000).nullable().optional(),
});
export const approvePlanBody = z.strictObject({ version });
export const planListQuery = z.strictObject({ year: z.coerce.number().int().min(2020).max(2100).optional(), province: provinceCode.optional() });
export const planOut = z.object({
  id: z.string(), provinceCode: z.string(), provinceName: z.string(), level: z.enum(PLAN_LEVELS), year: z.number(), title: z.string(), note: z.string().nullable(),
  status: z.enum(PLAN_STATUSES), approvedAt: z.string().nullable(), approvedBy: z.string().nullable(), createdAt: z.string(), version: z.number(),
  counts: z.object({ planned: z.number(), done: z.number(), overdue: z.number() }),
  actions: z.array(z.string()),
});
export const planList = z.object({ items: z.array(planOut).describe('At most 200, newest year first') });

export const addItemsBody = z.strictObject({
  items: z.array(z.strictObject({
    productId: z.uuid(), dueOn: isoDate,
    reasons: z.array(z.enum(RISK_REASONS)).max(RISK_REASONS.length).default([]).describe('Why it was chosen (the suggestion\'s reasons)'),
  })).min(1).max(100),
});
export const suggestionOut = z.object({
  productId: z.string(), productCode: z.string(), productName: z.string(), entityName: z.string(), communeName: z.string().nullable(), stars: z.number(),
  certificateNumber: z.string(), expiresOn: z.string(), complaints: z.number(), lastInspectedOn: z.string().nullable(), traceMissing: z.boolean(),
  reasons: z.array(z.enum(RISK_REASONS)),
});
export const suggestionList = z.object({ items: z.array(suggestionOut), limit: z.number() });

// Inspections
const check = z.strictObject({ result: z.enum(CHECK_RESULTS), note: z.string().trim().max(2000).nullable().optional() });
export const checksIn = z.strictObject(Object.fromEntries(CHECK_ITEMS.map((k) => [k, check])) as Record<(typeof CHECK_ITEMS)[number], typeof check>);
export const createInspectionBody = z.strictObject({
  productId: z.uuid(), dueOn: isoDate,
  reportId: z.uuid().optional().describe('The complaint (report) that triggered this unplanned inspection'),
});
export const recordInspectionBody = z.strictObject({
  version,
  inspectedOn: isoDate,
  team: z.array(text(120)).min(1).max(20).describe('The members\' names'),
  checks: checksIn,
  labName: z.string().trim().max(300).nullable().optional(),
  labResult: z.enum(LAB_RESULTS).nullable().optional(),
  findings: text(8000),
  conclusion: z.enum(CONCLUSIONS),
  concludedOn: isoDate,
  correctiveActions: z.array(z.strictObject({ description: text(2000), dueOn: isoDate })).max(20).optional(),
  revocationGround: z.enum(REVOCATION_GROUNDS).nullable().optional().describe('One of the six grounds of Điều 8.1 (revocation_proposed only)'),
});
export const completeRevocationBody = z.strictObject({
  decisionNumber: text(100), decidedOn: isoDate, note: z.string().trim().max(2000).nullable().optional(),
});
export const inspectionListQuery = z.strictObject({
  province: provinceCode.optional(), plan: z.uuid().optional(), status: z.enum(INSPECTION_STATUSES).optional(),
  proposal: z.enum(['pending']).optional().describe('pending: conclusions proposing a revocation the authority has not completed'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50), cursor: cursorParam,
});

export const correctiveActionOut = z.object({
  id: z.string(), inspectionId: z.string(), provinceCode: z.string(), product: ref.nullable(), entityName: z.string().nullable(),
  description: z.string(), dueOn: z.string(), status: z.enum(ACTION_STATUSES), overdue: z.boolean(),
  closedOn: z.string().nullable(), closingNote: z.string().nullable(), version: z.number(), actions: z.array(z.string()),
});
export const inspectionOut = z.object({
  id: z.string(), planId: z.string().nullable(), planTitle: z.string().nullable(), planStatus: z.enum(PLAN_STATUSES).nullable(),
  product: z.object({ id: z.string(), name: z.string(), code: z.string() }), entity: ref, provinceCode: z.string(), provinceName: z.string(), communeName: z.string().nullable(),
  certificate: z.object({ number: z.string(), stars: z.number(), status: z.string(), expiresOn: z.string() }),
  level: z.enum(PLAN_LEVELS), reasons: z.array(z.enum(RISK_REASONS)), dueOn: z.string(), overdue: z.boolean(),
  status: z.enum(INSPECTION_STATUSES), state: z.enum(INSPECTION_STATES),
  inspectedOn: z.string().nullable(), team: z.array(z.string()), checks: z.record(z.string(), z.object({ result: z.enum(CHECK_RESULTS), note: z.string().nullable().optional() })).nullable(),
  labName: z.string().nullable(), labResult: z.enum(LAB_RESULTS).nullable(),
  labFile: z.object({ url: z.string(), mimeType: z.string(), sizeBytes: z.number(), originalName: z.string() }).nullable(),
  findings: z.string().nullable(), conclusion: z.enum(CONCLUSIONS).nullable(), concludedOn: z.string().nullable(),
  revocation: z.object({ ground: z.string(), deadlineOn: z.string(), status: z.enum(['pending', 'completed']), overdue: z.boolean() }).nullable(),
  correctiveActions: z.array(correctiveActionOut),
  version: z.number(), actions: z.array(z.string()),
});
export type InspectionOut = z.infer<typeof inspectionOut>;
export const inspectionList = z.object({ items: z.array(inspectionOut), nextCursor: nextCursorOut });

export const actionListQuery = z.strictObject({
  province: provinceCode.optional(), status: z.enum(ACTION_STATUSES).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50), cursor: cursorParam,
});
export const actionList = z.object({ items: z.array(correctiveActionOut), nextCursor: nextCursorOut });
export const closeActionBody = z.strictObject({ version, closedOn: isoDate, closingNote: text(2000).describe('The evidence seen that the action was taken') });
