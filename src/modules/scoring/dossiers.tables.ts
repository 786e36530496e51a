// Drizzle mirror of migrations/0004_dossiers.sql (dossier part), 0005_rerating.sql (the re-rating columns) and 0009_knock_outs.sql.
import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const DOSSIER_TYPES = ['first', 'upgrade', 'rerating'] as const;
export const DOSSIER_STATUSES = ['draft', 'submitted', 'commune_reviewed', 'forwarded', 'returned', 'advisory_review', 'council_scoring',
  'scored', 'sent_to_central', 'central_advisory', 'central_scoring', 'central_scored', 'certified', 'not_recognised', 'rejected'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
export type Stage = 'commune' | 'province' | 'central';

export type Registration = {
  unitName: string; representativeName: string; representativeTitle: string; address: string; phone: string | null; email: string | null;
  productName: string; sampleCount: number | null; year: number;
};
export type SelfReport = {
  orgType?: string | null; foundedOn?: string | null; registrationNumber?: string | null; representative?: { fullName: string; sex: string; ethnicity: string; permanentAddress?: string | null };
  productSpec?: string | null; checks?: Record<string, boolean>; ipOther?: string | null;
  history?: string | null; organisation?: string | null; businessResults?: string | null; changesSinceRecognition?: string | null; plan?: string | null;
};
export type CommuneReview = {
  items: Record<'a' | 'b' | 'c' | 'd', { assessment: 'meets' | 'partly' | 'not_meets'; note: string }>;
  conclusion: string | null; signer: string | null; reviewedAt: string; reviewedBy: string;
};
export type AdvisoryReview = {
  fieldVisit: { on: string | null; findings: string | null } | null;
  extraTests: { requested: string; result: string | null }[];
  answers: Record<string, string>;
  preScore: { total: number; parts: Record<string, number>; stars: number } | null;
  report: string | null; updatedAt: string; updatedBy: string;
};
export type CouncilResult = {
  sessionId: string; itemId: string; councilId: string; mean: number; parts: Record<string, number>; stars: number; band: number; unmetMinimums: unknown[]; members: number; closedAt: string;
  /** The sheet's deciding notes as the council found them (absent on results closed before 0009): any knock-out or a
   * stop makes the result not recognised. */
  knockedOutBy?: string[]; stoppedAt?: string | null; knockOutVotes?: { criterion: string; foundBy: number }[];
};
export type Decision = { level: 'province' | 'central'; outcome: 'certified' | 'sent_to_central' | 'not_recognised'; stars: number | null; decisionNumber: string | null; decisionDate: string | null; basis: 'province_council' | 'central_council'; decidedBy: string; decidedAt: string };
/** On a sheet-level "Hồ sơ bị loại khi" condition, or on a criterion's knock-out note (`knockOut` = its code, and
 * `condition` its note's text). */
export type Rejection = { condition: string; knockOut?: string | null; note: string | null; stage: Stage; by: string; at: string };

export const dossier = pgTable('dossier', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull(),
  productId: uuid('product_id').notNull(),
  entityId: uuid('entity_id').notNull(),
  provinceCode: text('province_code').notNull(),
  communeCode: text('commune_code').notNull(),
  sheet: integer('sheet').notNull(),
  instrument: text('instrument').notNull(),
  /** The instrument the dossier was filed under (Điều 12.2) and, filed before 22/05/2026, its transition deadline (0012). */
  filedUnder: text('filed_under').notNull(),
  transitionDueOn: date('transition_due_on'),
  type: text('type', { enum: DOSSIER_TYPES }).notNull(),
  status: text('status', { enum: DOSSIER_STATUSES }).notNull().default('draft'),
  registration: jsonb('registration').$type<Registration>().notNull(),
  selfReport: jsonb('self_report').$type<SelfReport>().notNull(),
  answers: jsonb('answers').$type<Record<string, string>>().notNull(),
  answerNotes: jsonb('answer_notes').$type<Record<string, string>>().notNull(),
  /** The self-assessment's knock-outs ticked and facts stated (0009_knock_outs.sql). */
  knockOuts: jsonb('knock_outs').$type<string[]>().notNull().default([]),
  conditions: jsonb('conditions').$type<Record<string, boolean>>().notNull().default({}),
  communeReview: jsonb('commune_review').$type<CommuneReview>(),
  advisoryReview: jsonb('advisory_review').$type<AdvisoryReview>(),
  centralAdvisory: jsonb('central_advisory').$type<AdvisoryReview>(),
  provinceResult: jsonb('province_result').$type<CouncilResult>(),
  centralResult: jsonb('central_result').$type<CouncilResult>(),
  decision: jsonb('decision').$type<Decision>(),
  rejection: jsonb('rejection').$type<Rejection>(),
  returnedStage: text('returned_stage', { enum: ['commune', 'province', 'central'] }),
  stars: integer('stars'),
  certificateNumber: text('certificate_number'),
  submittedOn: date('submitted_on'),
  communeDueOn: date('commune_due_on'),
  forwardedOn: date('forwarded_on'),
  provinceFinishBefore: date('province_finish_before'),
  sentToCentralOn: date('sent_to_central_on'),
  centralFinishBefore: date('central_finish_before'),
  /** Re-rating (Điều 7.6): the certificate re-rated, set on the first submission, and whether it was filed late (Điều 12.3). */
  reratingCertificateId: uuid('rerating_certificate_id'),
  reratingLate: boolean('rerating_late').notNull().default(false),
  /** The office accepted the complete dossier: the province (from the commune) and the Ministry (from the province). */
  provinceReceivedOn: date('province_received_on'),
  centralReceivedOn: date('central_received_on'),
  /** Re-rating only: the last day of the 45 days counted from the latest receipt (Điều 7.6.g). */
  reratingDueOn: date('rerating_due_on'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type DossierRow = typeof dossier.$inferSelect;

export const dossierSubmission = pgTable('dossier_submission', {
  id: uuid('id').primaryKey().defaultRandom(),
  dossierId: uuid('dossier_id').notNull(),
  seq: integer('seq').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  submittedBy: uuid('submitted_by'),
  snapshot: jsonb('snapshot').notNull(),
});

export const dossierReturn = pgTable('dossier_return', {
  id: uuid('id').primaryKey().defaultRandom(),
  dossierId: uuid('dossier_id').notNull(),
  stage: text('stage', { enum: ['commune', 'province', 'central'] }).notNull(),
  reasons: jsonb('reasons').$type<string[]>().notNull(),
  /** Criterion knock-outs the office cites (codes of criteria with a knock-out note), besides the reasons. */
  knockOuts: jsonb('knock_outs').$type<string[]>().notNull().default([]),
  returnedAt: timestamp('returned_at', { withTimezone: true }).notNull(),
  returnedBy: uuid('returned_by'),
  resubmittedAt: timestamp('resubmitted_at', { withTimezone: true }),
});

export const dossierFile = pgTable('dossier_file', {
  id: uuid('id').primaryKey().defaultRandom(),
  dossierId: uuid('dossier_id').notNull(),
  criterionCode: text('criterion_code'),
  sha256: text('sha256').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  originalName: text('original_name').notNull(),
  caption: text('caption'),
  uploadedBy: uuid('uploaded_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const dossierSeq = pgTable('dossier_seq', {
  communeCode: text('commune_code').notNull(),
  year: integer('year').notNull(),
  lastValue: integer('last_value').notNull(),
});
