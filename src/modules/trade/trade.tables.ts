// Drizzle mirror of migrations/0023_trade.sql.
import { bigint, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const CHANNEL_TYPES = ['supermarket', 'convenience_store', 'ocop_point_of_sale', 'ecommerce', 'own_website', 'social_shop', 'livestream', 'export', 'traditional_market', 'agent'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
export const CHANNEL_STATUSES = ['unverified', 'verified', 'rejected'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

export const salesChannel = pgTable('sales_channel', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id').notNull(),
  productId: uuid('product_id'),
  type: text('type', { enum: CHANNEL_TYPES }).notNull(),
  partnerName: text('partner_name').notNull(),
  shopUrl: text('shop_url'),
  priceVnd: bigint('price_vnd', { mode: 'number' }),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on'),
  evidenceFileId: uuid('evidence_file_id'),
  note: text('note'),
  status: text('status', { enum: CHANNEL_STATUSES }).notNull().default('unverified'),
  statusReason: text('status_reason'),
  verifiedBy: uuid('verified_by'),
  verifiedAt: timestamp('verified_at', { withTimezone: true }),
  provinceCode: text('province_code').notNull(),
  communeCode: text('commune_code').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
export type ChannelRow = typeof salesChannel.$inferSelect;
