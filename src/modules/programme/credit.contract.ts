// Access to credit: support programmes and preferential credit (public), and the entities' applications with their
// outcome (the entity and the officers in scope). Requests and responses; the web app imports them too.
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { communeCode, provinceCode } from '../geo/index.js';
import { APPLICATION_STATUSES, CREDIT_KINDS } from './content.tables.js';

const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date().refine((d) => Number(d.slice(0, 4)) >= 2000 && Number(d.slice(0, 4)) <= 2100, 'A date between 2000 and 2100');
const vnd = z.number().int().min(1).max(1_000_000_000_000);

const programmeFields = {
  name: text(300),
  lender: text(300).describe('e.g. Ngân hàng Chính sách xã hội, Agribank, Quỹ Hỗ trợ nông dân'),
  kind: z.enum(CREDIT_KINDS),
  description: text(5000),
  conditions: text(5000).describe('Who may borrow and on what terms'),
  ratePercent: z.number().min(0).max(100).nullable().optional().describe('Yearly rate in percent, when there is one number'),
  rateNote: text(500).nullable().optional(),
  maxAmountVnd: vnd.nullable().optional(),
  opensOn: isoDate.nullable().optional(),
  deadline: isoDate.nullable().optional(),
  legalBasis: text(500).describe('The instrument the programme rests on, e.g. "Nghị định 55/2015/NĐ-CP; Nghị định 116/2018/NĐ-CP"'),
  contact: text(500).nullable().optional(),
  active: z.boolean().optional(),
};
const datesInOrder = (b: { opensOn?: string | null; deadline?: string | null }) => !b.opensOn || !b.deadline || b.deadline >= b.opensOn;
const dateOrder = { message: 'The deadline cannot precede the opening date', path: ['deadline'] };
export const createProgrammeBody = z.strictObject(programmeFields).refine(datesInOrder, dateOrder);
export const updateProgrammeBody = z.strictObject({ ...z.object(programmeFields).partial().shape, version }).refine(datesInOrder, dateOrder);

export const programmeOut = z.object({
  id: z.string(), name: z.string(), lender: z.string(), kind: z.enum(CREDIT_KINDS), description: z.string(), conditions: z.string(),
  ratePercent: z.number().nullable(), rateNote: z.string().nullable(), maxAmountVnd: z.number().nullable(),
  opensOn: z.string().nullable(), deadline: z.string().nullable(), open: z.boolean().describe('Active and its deadline not passed'),
  legalBasis: z.string(), contact: z.string().nullable(), provinceCode: z.string().nullable().describe('null: nationwide'), active: z.boolean(),
  // Internal (credit.fields.ts).
  version: z.number().optional(), actions: z.array(z.string()).optional(),
});
export type ProgrammeOut = z.infer<typeof programmeOut>;
export const programmeListQuery = z.object({
  province: provinceCode.optional().describe('The programmes open to entities of this province: its own and the national ones'),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  kind: z.enum(CREDIT_KINDS).optional(),
});
export const programmeList = z.object({ items: z.array(programmeOut) });

export const createApplicationBody = z.strictObject({
  programmeId: z.uuid(),
  entityId: z.uuid().optional().describe('The commune officer names the entity; an entity\'s member applies for its own'),
  requestedAmountVnd: vnd,
  purpose: text(2000),
  submittedOn: isoDate,
  note: text(2000).nullable().optional(),
});
export const outcomeBody = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('approved'), version, approvedAmountVnd: vnd, decidedOn: isoDate, note: text(2000).nullable().optional() }),
  z.strictObject({ status: z.literal('rejected'), version, reason: text(1000), decidedOn: isoDate, note: text(2000).nullable().optional() }),
]);

export const applicationOut = z.object({
  id: z.string(),
  programme: z.object({ id: z.string(), name: z.string(), lender: z.string() }),
  entity: z.object({ id: z.string(), name: z.string() }),
  provinceCode: z.string(), communeCode: z.string(),
  requestedAmountVnd: z.number(), purpose: z.string(), submittedOn: z.string(),
  status: z.enum(APPLICATION_STATUSES), approvedAmountVnd: z.number().nullable(), decidedOn: z.string().nullable(), rejectionReason: z.string().nullable(),
  note: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(), version: z.number(), actions: z.array(z.string()),
});
export type ApplicationOut = z.infer<typeof applicationOut>;
export const applicationListQuery = z.object({
  programme: z.uuid().optional(),
  entity: z.uuid().optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorParam,
});
export const applicationList = z.object({
  nextCursor: nextCursorOut,
  items: z.array(applicationOut),
  summary: z.object({ applications: z.number(), approved: z.number(), rejected: z.number(), pending: z.number(), entitiesHelped: z.number(), approvedAmountVnd: z.number() })
    .describe('Over every application the filters and your scope select (not only this page): who was helped and with what'),
});
