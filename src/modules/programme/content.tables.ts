// Drizzle mirror of migrations/0030_content.sql: news and guidance, good models, credit programmes and applications.
import { bigint, boolean, date, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { SECTOR_CODES } from '../registry/index.js';

export const PUBLICATION_STATUSES = ['draft', 'published', 'unpublished'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const NEWS_KINDS = ['article', 'guide', 'announcement'] as const;
export type NewsKind = (typeof NEWS_KINDS)[number];

export const newsArticle = pgTable('news_article', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  kind: text('kind', { enum: NEWS_KINDS }).notNull(),
  titleVi: text('title_vi').notNull(),
  titleEn: text('title_en'),
  summaryVi: text('summary_vi').notNull(),
  summaryEn: text('summary_en'),
  bodyVi: text('body_vi').notNull(),
  bodyEn: text('body_en'),
  provinceCode: text('province_code'),
  status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type ArticleRow = typeof newsArticle.$inferSelect;

export const newsImage = pgTable('news_image', {
  id: uuid('id').primaryKey().defaultRandom(),
  articleId: uuid('article_id').notNull(),
  fileId: uuid('file_id').notNull(),
  caption: text('caption'),
  position: integer('position').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const GOOD_MODEL_TOPICS = ['product_innovation', 'value_chain', 'cooperative', 'digital_sales', 'raw_material', 'community_tourism', 'quality_standards', 'export', 'branding'] as const;
export type GoodModelTopic = (typeof GOOD_MODEL_TOPICS)[number];

export const goodModel = pgTable('good_model', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  summary: text('summary').notNull(),
  whatTheyDid: text('what_they_did').notNull(),
  results: text('results').notNull(),
  lessons: text('lessons'),
  topic: text('topic', { enum: GOOD_MODEL_TOPICS }).notNull(),
  sectorCode: text('sector_code', { enum: SECTOR_CODES }).notNull(),
  provinceCode: text('province_code').notNull(),
  entityId: uuid('entity_id'),
  productId: uuid('product_id'),
  scoreBefore: numeric('score_before', { mode: 'number' }),
  starsBefore: integer('stars_before'),
  scoreAfter: numeric('score_after', { mode: 'number' }),
  starsAfter: integer('stars_after'),
  status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type GoodModelRow = typeof goodModel.$inferSelect;

export const goodModelFile = pgTable('good_model_file', {
  id: uuid('id').primaryKey().defaultRandom(),
  modelId: uuid('model_id').notNull(),
  fileId: uuid('file_id').notNull(),
  kind: text('kind', { enum: ['image', 'document'] }).notNull(),
  caption: text('caption'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const CREDIT_KINDS = ['preferential_loan', 'interest_support', 'grant', 'guarantee'] as const;
export const APPLICATION_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const creditProgramme = pgTable('credit_programme', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  lender: text('lender').notNull(),
  kind: text('kind', { enum: CREDIT_KINDS }).notNull(),
  description: text('description').notNull(),
  conditions: text('conditions').notNull(),
  ratePercent: numeric('rate_percent', { mode: 'number' }),
  rateNote: text('rate_note'),
  maxAmountVnd: bigint('max_amount_vnd', { mode: 'number' }),
  opensOn: date('opens_on'),
  deadline: date('deadline'),
  legalBasis: text('legal_basis').notNull(),
  contact: text('contact'),
  provinceCode: text('province_code'),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type ProgrammeRow = typeof creditProgramme.$inferSelect;

export const creditApplication = pgTable('credit_application', {
  id: uuid('id').primaryKey().defaultRandom(),
  programmeId: uuid('programme_id').notNull(),
  entityId: uuid('entity_id').notNull(),
  requestedAmountVnd: bigint('requested_amount_vnd', { mode: 'number' }).notNull(),
  purpose: text('purpose').notNull(),
  submittedOn: date('submitted_on').notNull(),
  status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('submitted'),
  approvedAmountVnd: bigint('approved_amount_vnd', { mode: 'number' }),
  decidedOn: date('decided_on'),
  rejectionReason: text('rejection_reason'),
  note: text('note'),
  provinceCode: text('province_code').notNull(),
  communeCode: text('commune_code').notNull(),
  recordedBy: uuid('recorded_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type ApplicationRow = typeof creditApplication.$inferSelect;
