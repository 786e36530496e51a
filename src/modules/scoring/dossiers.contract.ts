// Request and response shapes of the dossier workflow (the web app imports them too).
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { communeCode, provinceCode } from '../geo/index.js';
import { DOSSIER_STATUSES, DOSSIER_TYPES } from './dossiers.tables.js';
import { conditions, knockOuts } from './sheets.contract.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const version = z.number().int().min(1);
const answers = z.record(z.string().regex(/^\d+(\.\d+){0,2}$/).max(12), z.string().max(20)).refine((a) => Object.keys(a).length <= 200, 'Too many answers');

export const registrationFields = z.strictObject({
  unitName: text(300).optional(),
  representativeName: text(200).optional(),
  representativeTitle: text(100).optional(),
  address: text(500).optional(),
  phone: optionalText(30),
  email: optionalText(200),
  productName: text(300).optional(),
  sampleCount: z.number().int().min(0).max(1000).nullable().optional(),
});

export const selfReportFields = z.strictObject({
  orgType: optionalText(100),
  foundedOn: z.iso.date().nullable().optional(),
  registrationNumber: optionalText(60),
  representative: z.strictObject({ fullName: text(200), sex: z.enum(['male', 'female']), ethnicity: text(60), permanentAddress: optionalText(500) }).optional(),
  productSpec: optionalText(5000),
  checks: z.strictObject({
    businessRegistration: z.boolean().optional(), qualityDeclared: z.boolean().optional(), foodSafetyCertificate: z.boolean().optional(),
    productionConditionCertificate: z.boolean().optional(), ipRegistered: z.boolean().optional(), trademark: z.boolean().optional(),
    geographicalIndication: z.boolean().optional(), patent: z.boolean().optional(), industrialDesign: z.boolean().optional(), copyright: z.boolean().optional(), ipOther: z.boolean().optional(),
  }).optional(),
  ipOther: optionalText(300),
  history: optionalText(10000),
  organisation: optionalText(10000),
  businessResults: optionalText(20000),
  changesSinceRecognition: optionalText(20000),
  plan: optionalText(20000),
});

export const createDossierBody = z.strictObject({
  productId: z.uuid(),
  type: z.enum(DOSSIER_TYPES),
  registration: registrationFields.optional(),
  selfReport: selfReportFields.optional(),
  answers: answers.optional(),
  answerNotes: z.record(z.string().max(12), z.string().max(5000)).optional(),
  knockOuts: knockOuts.optional(),
  conditions: conditions.optional(),
});
export const updateDossierBody = z.strictObject({
  type: z.enum(DOSSIER_TYPES).optional(),
  registration: registrationFields.optional(),
  selfReport: selfReportFields.optional(),
  answers: answers.optional(),
  answerNotes: z.record(z.string().max(12), z.string().max(5000)).optional(),
  knockOuts: knockOuts.optional(),
  conditions: conditions.optional(),
  version,
});
export const versionBody = z.strictObject({ version });
/** `knockOuts`: criteria of the dossier's sheet whose knock-out note the office cites (each must have one). */
export const returnBody = z.strictObject({ reasons: z.array(text(1000)).min(1).max(30), knockOuts: knockOuts.optional(), version });
/** On one of the sheet's "Hồ sơ bị loại khi" conditions (`condition`), or on a criterion's knock-out note (`knockOut`,
 * its code): exactly one of the two. */
export const rejectBody = z.strictObject({ condition: text(1000).optional(), knockOut: z.string().regex(/^\d+(\.\d+){0,2}$/).max(12).optional(), note: optionalText(2000), version });
const assessment = z.strictObject({ assessment: z.enum(['meets', 'partly', 'not_meets']), note: text(5000) });
export const communeReviewBody = z.strictObject({
  items: z.strictObject({ a: assessment, b: assessment, c: assessment, d: assessment }),
  conclusion: optionalText(5000), signer: optionalText(200), version,
});
export const advisoryReviewBody = z.strictObject({
  fieldVisit: z.strictObject({ on: z.iso.date().nullable(), findings: optionalText(10000).transform((v) => v ?? null) }).nullable().optional(),
  extraTests: z.array(z.strictObject({ requested: text(1000), result: optionalText(2000).transform((v) => v ?? null) })).max(30).optional(),
  answers: answers.optional(),
  report: optionalText(20000),
  version,
});
export const decideBody = z.strictObject({ decisionNumber: text(100), decisionDate: z.iso.date(), version });
export const noteBody = z.strictObject({ criterionCode: z.string().regex(/^\d+(\.\d+){0,2}$/).max(12), body: text(5000) });

export const dossierListQuery = z.strictObject({
  status: z.enum(DOSSIER_STATUSES).optional(),
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  entity: z.uuid().optional(),
  product: z.uuid().optional(),
  type: z.enum(DOSSIER_TYPES).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  cursor: cursorParam,
});

const evaluationOut = z.object({
  total: z.number(), parts: z.object({ A: z.number(), B: z.number(), C: z.number() }), band: z.number(), stars: z.number().nullable(),
  unmetMinimums: z.array(z.object({ criterion: z.string(), requiredStar: z.number(), requiredOption: z.string(), chosenOption: z.string().nullable() })),
  knockedOutBy: z.array(z.string()), stoppedAt: z.string().nullable(), notApplicable: z.array(z.object({ criterion: z.string(), condition: z.string() })),
});

export const dossierListItem = z.object({
  id: z.string(), number: z.string(), type: z.enum(DOSSIER_TYPES), status: z.enum(DOSSIER_STATUSES), stage: z.string(),
  product: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  entity: z.object({ id: z.string(), name: z.string() }),
  sheet: z.number(),
  provinceCode: z.string(), provinceName: z.string(), communeCode: z.string(), communeName: z.string(),
  submittedOn: z.string().nullable(), due: z.string().nullable(), overdue: z.boolean(), workingDaysLeft: z.number().nullable(),
  /** Điều 12.2: a dossier pending on 22/05/2026 is finished under the instrument it was filed under, by this day. */
  filedUnder: z.string(), transitionDueOn: z.string().nullable(),
  stars: z.number().nullable(), certificateNumber: z.string().nullable(),
  updatedAt: z.string(), version: z.number(), actions: z.array(z.string()),
});
export const dossierList = z.object({
  total: z.number().describe('Exact up to 10,000; beyond, 10,000 with totalExact false (read "more than 10,000")'), totalExact: z.boolean(),
  page: z.number().describe('The page asked for (1 when paging by cursor)'), pageSize: z.number(), nextCursor: nextCursorOut,
  items: z.array(dossierListItem),
});

/** Re-rating dossiers: the filing window of the certificate re-rated (Điều 7.6.a), null for other types or when the
 * product holds no certificate. `stage` is today's: not_yet (opens on `opensOn`), open, closed (filing now is late),
 * expired (re-rating refused). `late`: filed after the window closed (for a draft: would be, if filed today); such a
 * filing keeps the certificate in force past expiry until the decision, at most until `graceEndsOn` (Điều 12.3). */
export const reRatingOut = z.object({
  certificateNumber: z.string(), expiresOn: z.string(), opensOn: z.string(), closesOn: z.string(),
  stage: z.enum(['not_yet', 'open', 'closed', 'expired']), late: z.boolean(), graceEndsOn: z.string().nullable(),
});

const fileOut = z.object({ id: z.string(), criterionCode: z.string().nullable(), url: z.string(), mimeType: z.string(), sizeBytes: z.number(), originalName: z.string(), caption: z.string().nullable(), createdAt: z.string() });
export const dossierFileOut = fileOut;

export const dossierOut = dossierListItem.extend({
  instrument: z.string(),
  registration: z.record(z.string(), z.unknown()),
  selfReport: z.record(z.string(), z.unknown()),
  answers: z.record(z.string(), z.string()),
  answerNotes: z.record(z.string(), z.string()),
  /** The self-assessment's knock-outs ticked and facts stated. */
  knockOuts: z.array(z.string()), conditions: z.record(z.string(), z.boolean()),
  selfEvaluation: evaluationOut,
  nextStar: z.object({
    currentStars: z.number().nullable(), targetStars: z.number().nullable(), pointsNeeded: z.number(),
    minimumsToMeet: z.array(z.object({ criterion: z.string(), requiredStar: z.number(), requiredOption: z.string(), chosenOption: z.string().nullable() })),
    improvements: z.array(z.object({ criterion: z.string(), part: z.string(), chosenOption: z.string().nullable(), chosenPoints: z.number(), missesMinimum: z.boolean(), options: z.array(z.object({ id: z.string(), points: z.number(), gain: z.number(), meetsTargetMinimum: z.boolean() })) })),
  }),
  rejectionConditions: z.array(z.string()),
  /** The sheet's criterion knock-out notes the office may cite when returning or rejecting (criterion code, note). */
  knockOutNotes: z.array(z.object({ criterion: z.string(), text: z.string() })),
  communeReview: z.unknown().nullable(),
  advisoryReview: z.unknown().nullable(),
  centralAdvisory: z.unknown().nullable(),
  provinceResult: z.unknown().nullable(),
  centralResult: z.unknown().nullable(),
  decision: z.unknown().nullable(),
  rejection: z.unknown().nullable(),
  /** For the one who may decide: what signing the decision will do (certify, send to the Ministry, not recognised). */
  plannedDecision: z.object({ outcome: z.enum(['certified', 'sent_to_central', 'not_recognised']), stars: z.number().nullable(), basis: z.enum(['province_council', 'central_council']), mean: z.number() }).nullable(),
  deadlines: z.object({
    communeDueOn: z.string().nullable(), forwardedOn: z.string().nullable(), provinceFinishBefore: z.string().nullable(), sentToCentralOn: z.string().nullable(), centralFinishBefore: z.string().nullable(),
    /** The office accepted the complete dossier: the province (from the commune), the Ministry (from the province). */
    provinceReceivedOn: z.string().nullable(), centralReceivedOn: z.string().nullable(),
    /** Re-rating only: the last day (inclusive) of the 45 calendar days from the latest receipt (Điều 7.6.g); null until received. */
    reRatingDueOn: z.string().nullable(),
    /** Điều 12.2: filed before 22/05/2026 under an earlier instrument, the last day to finish it (60 or 30 days from 22/05/2026). */
    transitionDueOn: z.string().nullable(),
  }),
  reRating: reRatingOut.nullable(),
  returns: z.array(z.object({ id: z.string(), stage: z.string(), reasons: z.array(z.string()), knockOuts: z.array(z.string()), returnedAt: z.string(), resubmittedAt: z.string().nullable() })),
  submissions: z.array(z.object({ seq: z.number(), submittedAt: z.string() })),
  files: z.array(fileOut),
  createdAt: z.string(),
});
export type DossierOut = z.infer<typeof dossierOut>;

export const submissionOut = z.object({ seq: z.number(), submittedAt: z.string(), snapshot: z.unknown() });
export const noteOut = z.object({ id: z.string(), criterionCode: z.string(), authorId: z.string(), authorName: z.string().nullable(), side: z.string(), body: z.string(), createdAt: z.string() });
export const idParams = z.strictObject({ id: z.uuid() });
