// The audit trail's search and a certificate's story: requests and responses.
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';

export const auditQuery = z.strictObject({
  province: z.string().regex(/^\d{2}$/).optional(),
  recordType: z.string().min(1).max(60).optional().describe('e.g. dossier, certificate, council_session, member_score, sales_channel'),
  recordId: z.string().min(1).max(100).optional(),
  user: z.uuid().optional().describe('The account that acted'),
  action: z.string().min(1).max(80).optional().describe('An action (dossier.submit) or a family of actions (dossier)'),
  from: z.iso.date().optional().describe('From this day (Việt Nam time)'), to: z.iso.date().optional().describe('To this day inclusive'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorParam,
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  lang: z.enum(['vi', 'en']).default('vi'),
});
const auditItem = z.object({
  id: z.string(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), actorRole: z.string().nullable(), action: z.string(),
  recordType: z.string(), recordId: z.string(), provinceCode: z.string().nullable(), communeCode: z.string().nullable(), changes: z.array(z.string()),
  before: z.unknown(), after: z.unknown(),
});
export const auditList = z.object({ items: z.array(auditItem), nextCursor: nextCursorOut, pageSize: z.number() });
export const auditVocabularyOut = z.object({ recordTypes: z.array(z.string()), actions: z.array(z.string()) });

export const storyParams = z.strictObject({ number: z.string().min(1).max(40) });
const section = z.object({ available: z.boolean(), items: z.array(z.unknown()) });
export const storyOut = z.object({
  certificate: z.object({
    id: z.string(), number: z.string(), stars: z.number(), kind: z.string(), status: z.string(), authority: z.string(), decisionNumber: z.string(), decidedOn: z.string(),
    issuedOn: z.string(), expiresOn: z.string(), score: z.number().nullable(), provinceCode: z.string(), provinceName: z.string().nullable(),
    product: z.object({ id: z.string(), name: z.string(), code: z.string() }), entity: z.object({ id: z.string(), name: z.string() }),
  }),
  chain: z.array(z.object({ number: z.string(), stars: z.number(), issuedOn: z.string(), status: z.string(), kind: z.string() })),
  dossiers: z.array(z.object({
    id: z.string(), number: z.string(), type: z.string(), status: z.string(), stars: z.number().nullable(), certificateNumber: z.string().nullable(),
    submittedOn: z.string().nullable(), communeDueOn: z.string().nullable(), communeReviewedAt: z.string().nullable(), forwardedOn: z.string().nullable(),
    provinceReceivedOn: z.string().nullable(), reratingDueOn: z.string().nullable(), decision: z.unknown(), rejection: z.unknown(),
    provinceMean: z.number().nullable(), centralMean: z.number().nullable(),
  })),
  sessions: z.array(z.object({
    itemId: z.string(), dossierId: z.string(), sessionId: z.string(), title: z.string(), scheduledOn: z.string(), councilName: z.string(), level: z.string(),
    mean: z.number(), stars: z.number(), spread: z.number(), rescoreRound: z.number(),
    scores: z.array(z.object({ member: z.string(), total: z.number(), round: z.number() })),
  })),
  revocation: z.object({
    ground: z.string(), groundFoundOn: z.string().nullable(), decisionNumber: z.string().nullable(), revokedOn: z.string().nullable(), authority: z.string().nullable(),
    note: z.string().nullable(), deadlineOn: z.string().nullable(), daysLate: z.number().nullable(),
  }).nullable(),
  inspections: section, complaints: section,
  audit: z.array(z.object({ id: z.number(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), action: z.string(), before: z.unknown(), after: z.unknown(), changes: z.array(z.string()) })),
});
