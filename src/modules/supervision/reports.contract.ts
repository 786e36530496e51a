// Consumer reports: requests and responses (the web app imports them too).
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { communeCode, provinceCode } from '../geo/index.js';
import { categoryCodes } from './reports.rules.js';
import { REPORT_CHANNELS, REPORT_SOURCES, REPORT_STATUSES } from './reports.tables.js';

const version = z.number().int().min(1);
const category = z.enum(categoryCodes()).describe('A category code of data/supervision/reports.json');
const message = z.string().trim().min(5).max(2000);
const contact = z.string().trim().max(200).describe('Phone or e-mail to call back (personal data: never shown publicly)');
const lot = z.string().trim().max(80).describe('The batch (lot) printed on the pack');
/** A reference code as typed: checked and normalised by the route (reports.rules.ts normalizeReference). */
export const referenceParam = z.object({ reference: z.string().min(8).max(40) });

/** The public's report (JSON, or multipart/form-data with up to 3 photos in fields named `photos`). */
export const submitReportBody = z.strictObject({
  productId: z.uuid(),
  category,
  message,
  contact: contact.optional(),
  lot: lot.optional(),
  /** Left empty by people: the field is hidden on the forms; robots fill it. */
  website: z.string().max(500).optional().describe('Leave empty (a field hidden from people)'),
});
export const reportCreated = z.strictObject({ reference: z.string() });
export const reportStatusOut = z.strictObject({ reference: z.string(), status: z.enum(REPORT_STATUSES), updatedAt: z.string() });

/** A report an officer types in from a phone call, a letter, an e-mail or a visit. */
export const recordReportBody = z.strictObject({
  productId: z.uuid(), category, message: z.string().trim().min(5).max(4000), contact: contact.nullable().optional(), lot: lot.nullable().optional(),
  channel: z.enum(REPORT_CHANNELS),
});

export const triageReportBody = z.strictObject({
  version,
  category: category.optional(),
  assignedTo: z.uuid().nullable().optional().describe('The officer or inspector handling it (null: nobody)'),
  lot: lot.nullable().optional(),
  investigate: z.boolean().optional().describe('Start the investigation now'),
});
export const mergeReportBody = z.strictObject({ version, into: z.string().min(8).max(40).describe('The reference of the report this one duplicates') });
export const linkInspectionBody = z.strictObject({ version, inspectionId: z.uuid() });
export const closeReportBody = z.strictObject({ version, resolution: z.string().trim().min(5).max(4000) });

const person = z.object({ id: z.string(), name: z.string() });
const photo = z.object({ id: z.string(), url: z.string(), mimeType: z.string(), sizeBytes: z.number() });
export const reportOut = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(REPORT_STATUSES),
  category: z.string(),
  product: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  lot: z.string().nullable(),
  certificate: z.object({ id: z.string(), number: z.string() }).nullable(),
  provinceCode: z.string(),
  communeCode: z.string(),
  message: z.string(),
  contact: z.string().nullable().optional(),
  source: z.enum(REPORT_SOURCES),
  channel: z.enum(REPORT_CHANNELS).nullable(),
  assignedTo: person.nullable(),
  duplicateOf: z.string().nullable().describe('The reference of the report this one was merged into'),
  duplicates: z.array(z.string()).optional(),
  inspectionId: z.string().nullable(),
  slaDueOn: z.string(),
  overdue: z.boolean(),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  photos: z.array(photo).optional(),
  version: z.number(),
  actions: z.array(z.string()),
});
export type ReportOut = z.infer<typeof reportOut>;

export const reportListQuery = z.object({
  status: z.enum([...REPORT_STATUSES, 'open']).optional().describe('open: received, triaging or investigating'),
  category: category.optional(),
  product: z.uuid().optional(),
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  sort: z.enum(['createdAt', '-createdAt']).default('createdAt').describe('Oldest first (the triage queue), or newest first'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorParam,
});
export const reportList = z.object({ total: z.number(), totalExact: z.boolean(), nextCursor: nextCursorOut, items: z.array(reportOut) });

export const reportCategoriesOut = z.object({
  serviceLevel: z.object({ workingDays: z.number(), note: z.string(), noteEn: z.string() }),
  attachments: z.object({ maxFiles: z.number(), maxBytes: z.number(), types: z.array(z.string()) }),
  items: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
});
