// Request and response shapes of the certificate API: the public register and verification, revocation,
// re-rating reminders and the legacy import.
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { provinceCode } from '../geo/index.js';
import { EXTENSION_REASONS } from './certificates.rules.js';
import { REVOCATION_GROUNDS } from './rules.data.js';
import { CERTIFICATE_KINDS, CERTIFICATE_STATUSES } from './certificates.tables.js';

const isoDate = z.iso.date();
const message = z.object({ vi: z.string(), en: z.string() });

export const numberParams = z.strictObject({ number: z.string().min(1).max(40) });
export const importIdParams = z.strictObject({ id: z.uuid() });

export const registerQuery = z.strictObject({
  status: z.enum(CERTIFICATE_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  province: provinceCode.optional(),
  stars: z.coerce.number().int().min(3).max(5).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  cursor: cursorParam,
});

const productRef = z.object({ id: z.string(), name: z.string(), code: z.string() });
const entityRef = z.object({ id: z.string(), name: z.string() });
const provinceRef = z.object({ code: z.string(), name: z.string() });

/** Điều 12.3: past its expiry, a certificate whose late re-rating is pending reads 'valid' until the authority decides,
 * at most until `extendedUntil` (expiry + 180 days); both fields are null otherwise. */
const extension = {
  extendedUntil: isoDate.nullable(),
  extensionReason: z.enum(EXTENSION_REASONS).nullable(),
};

export const registerItem = z.object({
  number: z.string(), product: productRef, entity: entityRef, province: provinceRef, stars: z.number(),
  issuedOn: z.string(), expiresOn: z.string(), status: z.enum(CERTIFICATE_STATUSES), ...extension,
});
export const registerList = z.object({
  total: z.number().describe('Exact up to 10,000; beyond, 10,000 with totalExact false (read "more than 10,000")'), totalExact: z.boolean(),
  page: z.number().describe('The page asked for (1 when paging by cursor)'), pageSize: z.number(), nextCursor: nextCursorOut,
  items: z.array(registerItem),
});

export const revocationOut = z.object({
  ground: z.string(), groundText: message, groundFoundOn: z.string().nullable(), decisionNumber: z.string(), decidedOn: z.string(), authority: z.string(),
  /** The office's own note: absent for the public (scoring.fields.ts). */
  note: z.string().nullable().optional(),
  /** Điều 8.4: the day the decision was due (finding + 15 days) and the calendar days it came after that (0: on time). */
  deadlineOn: z.string().nullable(), daysLate: z.number().int().nullable(),
});

export const verifyOut = z.object({
  valid: z.boolean(),
  status: z.enum(CERTIFICATE_STATUSES),
  number: z.string(),
  stars: z.number(),
  product: productRef,
  entity: entityRef,
  province: provinceRef,
  issuedOn: z.string(),
  expiresOn: z.string(),
  ...extension,
  authority: z.string(),
  decisionNumber: z.string(),
  decidedOn: z.string(),
  instrument: z.string(),
  kind: z.enum(CERTIFICATE_KINDS),
  replacedBy: z.string().nullable(),
  replaces: z.string().nullable(),
  revocation: revocationOut.optional(),
});

export const revokeBody = z.strictObject({
  ground: z.enum(REVOCATION_GROUNDS),
  decisionNumber: z.string().trim().min(1).max(100),
  decidedOn: isoDate,
  /** The date of the competent authority's conclusion or the commune's confirmation (Điều 8.4). */
  groundFoundOn: isoDate,
  note: z.string().trim().max(2000).nullable().optional(),
});

/** What the caller may do with one certificate, so the web app shows "Thu hồi" only to the competent authority. */
export const certificateActionsOut = z.object({
  actions: z.array(z.enum(['revoke'])),
  /** The pending proposal to revoke (an inspection's conclusion), shown to the authority that may revoke: its ground,
   * the day it was established (the groundFoundOn of the revocation), Điều 8.4's deadline, the finding, its record. */
  proposal: z.object({ ground: z.string(), groundFoundOn: z.string(), deadlineOn: z.string(), evidence: z.string(), sourcePath: z.string().nullable() }).nullable().optional(),
});
/** The six grounds of Điều 8.1 and the deadline of Điều 8.4, as the revocation form offers them. */
export const revocationGroundsOut = z.object({
  instrument: z.string(), deadlineDays: z.number(),
  grounds: z.array(z.object({ code: z.string(), text: message })),
});

/** Late revocations (Điều 8.4): decided more than 15 days after the finding, newest first, for the authority and inspectors. */
export const lateRevocationsQuery = z.strictObject({
  province: provinceCode.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorParam,
});
export const lateRevocationItem = registerItem.extend({ revocation: revocationOut });
export const lateRevocationsOut = z.object({ total: z.number(), totalExact: z.boolean(), page: z.number(), pageSize: z.number(), nextCursor: nextCursorOut, deadlineDays: z.number(), items: z.array(lateRevocationItem) });

export const remindersQuery = z.strictObject({ province: provinceCode.optional() });
export const reminderItem = registerItem.extend({
  stage: z.enum(['open', 'closed', 'expired']),
  windowOpensOn: z.string(), windowClosesOn: z.string(), daysToExpiry: z.number(),
  message,
});
export const remindersOut = z.object({ today: z.string(), items: z.array(reminderItem) });

// The legacy import, parallel to the registry import: a preview row by row, nothing written until commit.
export const importError = z.object({ column: z.string().nullable(), field: z.string(), code: z.string(), message });
export const importRow = z.object({
  row: z.number(), sheet: z.string(), kind: z.literal('certificate'), action: z.enum(['create', 'update', 'unchanged', 'error']), label: z.string(), errors: z.array(importError),
});
export const importPreview = z.object({
  id: z.string(), fileName: z.string(),
  totals: z.object({ rows: z.number(), create: z.number(), update: z.number(), unchanged: z.number(), errors: z.number() }),
  rows: z.array(importRow),
  committed: z.boolean(),
});
