// Standards, market requirements and compliance checklists: requests and responses (the web app imports them too).
import { z } from 'zod';
import { communeCode, provinceCode } from '../geo/index.js';
import { COMPLIANCE_STATUSES } from './standards.tables.js';

const isoDate = z.iso.date().refine((d) => Number(d.slice(0, 4)) >= 1990 && Number(d.slice(0, 4)) <= 2100, 'A date between 1990 and 2100');

export const marketsBody = z.strictObject({ markets: z.array(z.string().regex(/^[A-Z]{2,3}$/)).max(10) });
export const complianceBody = z.strictObject({
  status: z.enum(COMPLIANCE_STATUSES),
  certificateNumber: z.string().trim().max(100).nullable().optional(),
  issuer: z.string().trim().max(300).nullable().optional(),
  issuedOn: isoDate.nullable().optional(),
  expiresOn: isoDate.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  version: z.number().int().min(1).optional().describe('The version you read (none for a line not yet recorded)'),
}).refine((b) => !b.issuedOn || !b.expiresOn || b.expiresOn >= b.issuedOn, { path: ['expiresOn'], message: 'The expiry cannot precede the issue date' });

const requirementOut = z.object({
  code: z.string(), kind: z.enum(['standard', 'regulation', 'certificate', 'label', 'market']), certificate: z.enum(['conformity', 'food_safety']).nullable(),
  expires: z.boolean(), vi: z.string(), en: z.string(), reference: z.string().nullable(), source: z.string(), market: z.string().nullable(),
});
const expiryOut = z.object({ state: z.enum(['valid', 'expiring', 'expired']), daysLeft: z.number() }).nullable();
export const complianceLineOut = z.object({
  requirement: requirementOut,
  status: z.enum(['missing', ...COMPLIANCE_STATUSES]),
  certificateNumber: z.string().nullable(), issuer: z.string().nullable(), issuedOn: z.string().nullable(), expiresOn: z.string().nullable(),
  expiry: expiryOut,
  evidence: z.object({ url: z.string(), mimeType: z.string(), originalName: z.string(), sizeBytes: z.number() }).nullable(),
  note: z.string().nullable(), updatedAt: z.string().nullable(), version: z.number().nullable(),
});
export type ComplianceLineOut = z.infer<typeof complianceLineOut>;
export const checklistOut = z.object({
  product: z.object({ id: z.string(), name: z.string(), code: z.string(), productSet: z.number(), entity: z.object({ id: z.string(), name: z.string() }) }),
  standardsVersion: z.string(), warnDays: z.number(),
  markets: z.array(z.string()),
  availableMarkets: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
  items: z.array(complianceLineOut),
  summary: z.object({ total: z.number(), met: z.number(), missing: z.number(), expiring: z.number(), expired: z.number() }),
  actions: z.array(z.string()),
});
export type ChecklistOut = z.infer<typeof checklistOut>;

export const expiringQuery = z.strictObject({
  province: provinceCode.optional(), commune: communeCode.optional(), entity: z.uuid().optional(),
  days: z.coerce.number().int().min(1).max(365).optional().describe('Lead time in days (the data\'s by default)'),
  lapsed: z.enum(['true', 'false']).default('true').describe('Include certificates already lapsed'),
});
export const expiringOut = z.object({
  warnDays: z.number(), capped: z.boolean(),
  items: z.array(z.object({
    product: z.object({ id: z.string(), name: z.string() }), entity: z.object({ id: z.string(), name: z.string() }),
    provinceCode: z.string(), communeCode: z.string(), requirement: requirementOut, certificateNumber: z.string().nullable(), issuer: z.string().nullable(),
    expiresOn: z.string(), expiry: expiryOut,
  })),
});

export const standardsOut = z.object({ version: z.string(), instrument: z.string(), warnDays: z.number(), requirements: z.array(requirementOut), markets: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })) });
