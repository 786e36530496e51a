// Drizzle mirror of migrations/0003_certificates.sql (and 0012: the revocation's deadline and delay).
import { date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const CERTIFICATE_KINDS = ['first', 'upgrade', 're_rating', 'legacy'] as const;
export const STORED_STATUSES = ['valid', 'replaced', 'revoked'] as const;
/** What the API shows: 'expired' is derived from the expiry date, never stored. */
export const CERTIFICATE_STATUSES = ['valid', 'expired', 'replaced', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const certificateSeq = pgTable('certificate_seq', {
  provinceCode: text('province_code').notNull(),
  year: integer('year').notNull(),
  lastValue: integer('last_value').notNull(),
}, (t) => [primaryKey({ columns: [t.provinceCode, t.year] })]);

export const certificate = pgTable('certificate', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull(),
  productId: uuid('product_id').notNull(),
  entityId: uuid('entity_id').notNull(),
  provinceCode: text('province_code').notNull(),
  stars: integer('stars').notNull(),
  kind: text('kind', { enum: CERTIFICATE_KINDS }).notNull(),
  authorityLevel: text('authority_level', { enum: ['province', 'central'] }).notNull(),
  authority: text('authority').notNull(),
  decisionNumber: text('decision_number').notNull(),
  decidedOn: date('decided_on').notNull(),
  issuedOn: date('issued_on').notNull(),
  expiresOn: date('expires_on').notNull(),
  instrument: text('instrument').notNull(),
  score: numeric('score', { precision: 5, scale: 2, mode: 'number' }),
  evaluationId: uuid('evaluation_id'),
  source: text('source', { enum: ['system', 'import'] }).notNull().default('system'),
  status: text('status', { enum: STORED_STATUSES }).notNull().default('valid'),
  replacesId: uuid('replaces_id'),
  replacedById: uuid('replaced_by_id'),
  replacedOn: date('replaced_on'),
  revocationGround: text('revocation_ground'),
  revocationGroundFoundOn: date('revocation_ground_found_on'),
  revocationDecisionNumber: text('revocation_decision_number'),
  revokedOn: date('revoked_on'),
  revocationAuthority: text('revocation_authority'),
  revocationNote: text('revocation_note'),
  revokedBy: uuid('revoked_by'),
  /** Điều 8.4's deadline (finding + 15 days) and the calendar days the decision came after it (0 on time); 0012. */
  revocationDeadlineOn: date('revocation_deadline_on'),
  revocationDaysLate: integer('revocation_days_late'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type CertificateRow = typeof certificate.$inferSelect;

export const certificateImport = pgTable('certificate_import', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  createdBy: uuid('created_by').notNull(),
  provinceCode: text('province_code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  committedAt: timestamp('committed_at', { withTimezone: true }),
  rows: jsonb('rows').$type<unknown>().notNull(),
  /** What the preview announced per row (action, target, its version): a commit that would differ is stale. */
  planned: jsonb('planned').$type<{ row: number; action: string; targetId: string | null; version: number | null }[]>(),
});

/** A proposal to revoke (migrations/0027_inspections.sql): opened by an inspection's conclusion, waiting for the
 * competent authority, completed when the certificate is revoked. */
export const revocationProposal = pgTable('revocation_proposal', {
  id: uuid('id').primaryKey().defaultRandom(),
  certificateId: uuid('certificate_id').notNull(),
  ground: text('ground').notNull(),
  groundFoundOn: date('ground_found_on').notNull(),
  deadlineOn: date('deadline_on').notNull(),
  evidence: text('evidence').notNull(),
  sourceType: text('source_type', { enum: ['inspection'] }).notNull(),
  sourceId: uuid('source_id').notNull(),
  sourcePath: text('source_path'),
  status: text('status', { enum: ['pending', 'completed'] }).notNull().default('pending'),
  proposedBy: uuid('proposed_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
});
export type RevocationProposalRow = typeof revocationProposal.$inferSelect;
