// Sales channel queries: no decisions. Lists fetch the page's ids through an index, then decorate those rows only.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../app/db.js';
import { after, countCapped, inOrder, keyFields, limits, orderBy, pageEnd, type KeysetPage, type KeyValues, type SortKey } from '../../app/paging.js';
import { entity, product, storedFile } from '../registry/index.js';
import { salesChannel } from './trade.tables.js';

const evidenceFile = alias(storedFile, 'evidence_file');
export const channelColumns = {
  channel: salesChannel,
  entityName: entity.name,
  entityStatus: entity.status,
  productName: product.name,
  evidence: { id: evidenceFile.id, mimeType: evidenceFile.mimeType, sizeBytes: evidenceFile.sizeBytes, originalName: evidenceFile.originalName, sha256: evidenceFile.sha256 },
};
export type ChannelView = {
  channel: typeof salesChannel.$inferSelect; entityName: string; entityStatus: string; productName: string | null;
  evidence: { id: string; mimeType: string; sizeBytes: number; originalName: string; sha256: string } | null;
};

const decorated = (db: Queryable) => db.select(channelColumns).from(salesChannel)
  .innerJoin(entity, eq(entity.id, salesChannel.entityId))
  .leftJoin(product, eq(product.id, salesChannel.productId))
  .leftJoin(evidenceFile, eq(evidenceFile.id, salesChannel.evidenceFileId));

export async function getChannel(db: Queryable, id: string): Promise<ChannelView | undefined> {
  const [row] = await decorated(db).where(eq(salesChannel.id, id));
  return row as ChannelView | undefined;
}

export async function getChannelForUpdate(db: Queryable, id: string) {
  const [row] = await db.select().from(salesChannel).where(eq(salesChannel.id, id)).for('update');
  return row;
}

export function channelKeys(sort: string): SortKey[] {
  const dir = sort === 'createdAt' ? 'asc' : 'desc';
  return [{ expr: salesChannel.createdAt, kind: 'timestamp', dir }, { expr: salesChannel.id, kind: 'uuid', dir }];
}

export async function listChannels(db: Queryable, where: SQL | undefined, sort: string, page: number, pageSize: number, after_?: KeyValues): Promise<KeysetPage<ChannelView>> {
  const keys = channelKeys(sort);
  const p = { page, pageSize, after: after_ };
  const found = await db.select({ id: salesChannel.id, ...keyFields(keys) }).from(salesChannel)
    .where(and(where, after_ && after(keys, after_))).orderBy(...orderBy(keys)).limit(limits(p).limit).offset(limits(p).offset);
  const { rows: ids, nextCursor, whole } = pageEnd(found, p, 'channel', sort, keys);
  const rows = ids.length ? await decorated(db).where(inArray(salesChannel.id, ids.map((r) => r.id))) : [];
  const counted = await countCapped(db, db.select({ id: salesChannel.id }).from(salesChannel).where(where), whole);
  return { ...counted, nextCursor, rows: inOrder(ids, rows as ChannelView[], (r) => r.channel.id) };
}

/** Where to buy a product: its entity's verified, current channels for this product or for all its products. */
export function channelsOfProduct(db: Queryable, productId: string, entityId: string, counting: SQL) {
  return db.select({ type: salesChannel.type, partnerName: salesChannel.partnerName, shopUrl: salesChannel.shopUrl, priceVnd: salesChannel.priceVnd, productId: salesChannel.productId })
    .from(salesChannel)
    .where(and(eq(salesChannel.entityId, entityId), counting, sql`(${salesChannel.productId} IS NULL OR ${salesChannel.productId} = ${productId})`))
    .orderBy(asc(salesChannel.type), desc(salesChannel.priceVnd), asc(salesChannel.partnerName))
    .limit(50);
}

/** The file's row, to attach it to a channel. */
export async function getStoredFile(db: Queryable, id: string) {
  const [row] = await db.select().from(storedFile).where(eq(storedFile.id, id));
  return row;
}
