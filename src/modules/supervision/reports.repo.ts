// Consumer report queries: no decisions. The list fetches the page's ids through an index, then decorates those rows.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../app/db.js';
import { after, countCapped, inOrder, keyFields, limits, orderBy, pageEnd, type KeysetPage, type KeyValues, type SortKey } from '../../app/paging.js';
import { appUser } from '../accounts/index.js';
import { entity, product, storedFile } from '../registry/index.js';
import { certificate } from '../scoring/index.js';
import { report, reportAttachment, type ReportRow } from './reports.tables.js';

const original = alias(report, 'original');
export type ReportView = {
  report: ReportRow;
  productName: string; productCode: string;
  certificateNumber: string | null;
  assigneeName: string | null;
  duplicateOfReference: string | null;
};
const decorated = (db: Queryable) => db.select({
  report, productName: product.name, productCode: product.code, certificateNumber: certificate.number, assigneeName: appUser.fullName,
  duplicateOfReference: original.reference,
}).from(report)
  .innerJoin(product, eq(product.id, report.productId))
  .leftJoin(certificate, eq(certificate.id, report.certificateId))
  .leftJoin(appUser, eq(appUser.id, report.assignedTo))
  .leftJoin(original, eq(original.id, report.duplicateOf));

export async function getReport(db: Queryable, reference: string): Promise<ReportView | undefined> {
  const [row] = await decorated(db).where(eq(report.reference, reference));
  return row;
}

/** What the public reads: the report's status, and that of the report it was merged into. */
export async function getReportStatus(db: Queryable, reference: string) {
  const [row] = await db.select({ reference: report.reference, status: report.status, updatedAt: report.updatedAt, originalStatus: original.status, originalUpdatedAt: original.updatedAt })
    .from(report).leftJoin(original, eq(original.id, report.duplicateOf)).where(eq(report.reference, reference));
  return row;
}

export async function lockReport(db: Queryable, reference: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(report).where(eq(report.reference, reference)).for('update');
  return row;
}

/** A product a report may be about, with its place, whether the public sees it, and its current certificate. */
export async function productForReport(db: Queryable, productId: string) {
  const [row] = await db.select({
    id: product.id, entityId: product.entityId, status: product.status, provinceCode: product.provinceCode, communeCode: product.communeCode, entityStatus: entity.status,
    certificateId: sql<string | null>`(SELECT c.id FROM certificate c WHERE c.product_id = ${product.id} ORDER BY (c.status = 'valid') DESC, c.issued_on DESC LIMIT 1)`,
  }).from(product).innerJoin(entity, eq(entity.id, product.entityId)).where(eq(product.id, productId));
  return row;
}

export async function insertReport(db: Queryable, values: typeof report.$inferInsert): Promise<ReportRow | undefined> {
  const [row] = await db.insert(report).values(values).onConflictDoNothing({ target: report.reference }).returning();
  return row;
}

export async function attachPhoto(db: Queryable, reportId: string, fileId: string) {
  await db.insert(reportAttachment).values({ reportId, fileId }).onConflictDoNothing();
}

export function photosOf(db: Queryable, reportId: string) {
  return db.select({ id: storedFile.id, mimeType: storedFile.mimeType, sizeBytes: storedFile.sizeBytes, sha256: storedFile.sha256 })
    .from(reportAttachment).innerJoin(storedFile, eq(storedFile.id, reportAttachment.fileId))
    .where(eq(reportAttachment.reportId, reportId)).orderBy(asc(reportAttachment.createdAt), asc(storedFile.id)).limit(20);
}

export async function duplicatesOf(db: Queryable, reportId: string): Promise<string[]> {
  const rows = await db.select({ reference: report.reference }).from(report).where(eq(report.duplicateOf, reportId)).orderBy(asc(report.createdAt)).limit(100);
  return rows.map((r) => r.reference);
}

/** A user who may be assigned a report of a province: its office, its inspectors, or the central office. */
export async function assignable(db: Queryable, userId: string) {
  const [row] = await db.select({ id: appUser.id, role: appUser.role, provinceCode: appUser.provinceCode }).from(appUser).where(eq(appUser.id, userId));
  return row;
}

export function reportKeys(sort: string): SortKey[] {
  const dir = sort === '-createdAt' ? 'desc' : 'asc';
  return [{ expr: report.createdAt, kind: 'timestamp', dir }, { expr: report.id, kind: 'uuid', dir }];
}

export async function listReports(db: Queryable, where: SQL | undefined, sort: string, pageSize: number, after_?: KeyValues): Promise<KeysetPage<ReportView>> {
  const keys = reportKeys(sort);
  const p = { page: 1, pageSize, after: after_ };
  const found = await db.select({ id: report.id, ...keyFields(keys) }).from(report)
    .where(and(where, after_ && after(keys, after_))).orderBy(...orderBy(keys)).limit(limits(p).limit).offset(limits(p).offset);
  const { rows: ids, nextCursor, whole } = pageEnd(found, p, 'report', sort, keys);
  const rows = ids.length ? await decorated(db).where(inArray(report.id, ids.map((r) => r.id))) : [];
  const counted = await countCapped(db, db.select({ id: report.id }).from(report).where(where), whole);
  return { ...counted, nextCursor, rows: inOrder(ids, rows, (r) => r.report.id) };
}

/** Products with reports (newest first), for the inspectors' risk-based plan: how many open and in all. */
export function productsWithReports(db: Queryable, where: SQL | undefined, limit = 100) {
  return db.select({ productId: report.productId, open: sql<number>`count(*) FILTER (WHERE ${report.status} IN ('received', 'triaging', 'investigating'))::int`, total: sql<number>`count(*)::int`, latest: sql<Date>`max(${report.createdAt})` })
    .from(report).where(and(where, sql`${report.status} <> 'merged'`)).groupBy(report.productId).orderBy(desc(sql`max(${report.createdAt})`)).limit(limit);
}
