// Dossier queries only: no decisions.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { after, countCapped, inOrder, keyFields, limits, orderBy, pageEnd, type KeysetPage, type KeyValues, type SortKey } from '../../app/paging.js';
import { entity, product } from '../registry/index.js';
import { dossier, dossierFile, dossierReturn, dossierSubmission } from './dossiers.tables.js';

const provinceName = sql<string>`(SELECT full_name FROM province WHERE code = ${dossier.provinceCode})`;
const communeName = sql<string>`(SELECT full_name FROM commune WHERE code = ${dossier.communeCode})`;

/** The deadline that applies in the dossier's current stage: the earlier of the round's and, for a re-rating, the
 * 45-day limit of that level (LEAST ignores the NULL of a limit not started; at the central stage the province's limit
 * no longer applies until the Ministry receives the dossier). */
export const currentDue = sql<string | null>`LEAST(CASE
  WHEN ${dossier.status} IN ('submitted','commune_reviewed') THEN ${dossier.communeDueOn}
  WHEN ${dossier.status} IN ('forwarded','advisory_review','council_scoring','scored') THEN LEAST(${dossier.provinceFinishBefore}, ${dossier.reratingDueOn})
  WHEN ${dossier.status} IN ('sent_to_central','central_advisory','central_scoring','central_scored')
    THEN LEAST(${dossier.centralFinishBefore}, CASE WHEN ${dossier.centralReceivedOn} IS NOT NULL THEN ${dossier.reratingDueOn} END)
  ELSE NULL END,
  -- Điều 12.2: a dossier pending on 22/05/2026 must be finished by its transition deadline, whatever its stage.
  CASE WHEN ${dossier.status} NOT IN ('draft','certified','not_recognised','rejected') THEN ${dossier.transitionDueOn} END)`;

export const dossierColumns = {
  dossier, productName: product.name, productCode: product.code, entityName: entity.name, provinceName, communeName, currentDue,
};
export type DossierListRow = { dossier: typeof dossier.$inferSelect; productName: string; productCode: string; entityName: string; provinceName: string; communeName: string; currentDue: string | null };

const from = (db: Queryable) => db.select(dossierColumns).from(dossier)
  .innerJoin(product, eq(product.id, dossier.productId))
  .innerJoin(entity, eq(entity.id, dossier.entityId));

export async function getDossier(db: Queryable, id: string): Promise<DossierListRow | undefined> {
  const [row] = await from(db).where(eq(dossier.id, id));
  return row;
}

export async function getDossierForUpdate(db: Queryable, id: string) {
  const [row] = await db.select().from(dossier).where(eq(dossier.id, id)).for('update');
  return row;
}

/** The queue's order: the nearest deadline first (none last), then the most recently updated, then the id. */
export const dossierKeys: SortKey[] = [
  { expr: currentDue, kind: 'date', dir: 'asc', nullable: true },
  { expr: dossier.updatedAt, kind: 'timestamp', dir: 'desc' },
  { expr: dossier.id, kind: 'uuid', dir: 'asc' },
];
export const DOSSIER_SORT = 'due';

/** A page of the queue: its ids first (filters and order only), then those rows decorated; the total capped
 * (src/app/paging.ts); by page number or after a cursor's row. */
export async function listDossiers(db: Queryable, where: SQL | undefined, page: number, pageSize: number, after_?: KeyValues): Promise<KeysetPage<DossierListRow>> {
  const p = { page, pageSize, after: after_ };
  const matches = (fields: { id: typeof dossier.id } | ReturnType<typeof keyFields> & { id: typeof dossier.id }, cond: SQL | undefined) => db.select(fields).from(dossier)
    .innerJoin(product, eq(product.id, dossier.productId))
    .innerJoin(entity, eq(entity.id, dossier.entityId)).where(cond);
  const found = await matches({ id: dossier.id, ...keyFields(dossierKeys) }, and(where, after_ && after(dossierKeys, after_)))
    .orderBy(...orderBy(dossierKeys)).limit(limits(p).limit).offset(limits(p).offset);
  const { rows: ids, nextCursor, whole } = pageEnd(found, p, 'dossier', DOSSIER_SORT, dossierKeys);
  const rows = ids.length ? await from(db).where(inArray(dossier.id, ids.map((r) => r.id))) : [];
  const counted = await countCapped(db, matches({ id: dossier.id }, where), whole);
  return { ...counted, nextCursor, rows: inOrder(ids, rows, (r) => r.dossier.id) };
}

/** Next number of the registration form in the commune and year: `…/PĐK-(Mã tỉnh)-(Mã xã)-(Năm)` (Mẫu 01). */
export async function nextDossierSequence(db: Queryable, communeCode: string, year: number): Promise<number> {
  const rows = await query<{ last_value: number }>(db, sql`
    INSERT INTO dossier_seq (commune_code, year, last_value) VALUES (${communeCode}, ${year}, 1)
    ON CONFLICT (commune_code, year) DO UPDATE SET last_value = dossier_seq.last_value + 1
    RETURNING last_value`);
  return Number(rows[0].last_value);
}

export function listDossierFiles(db: Queryable, dossierId: string) {
  return db.select().from(dossierFile).where(eq(dossierFile.dossierId, dossierId)).orderBy(asc(dossierFile.createdAt));
}

export async function getDossierFile(db: Queryable, dossierId: string, fileId: string) {
  const [row] = await db.select().from(dossierFile).where(and(eq(dossierFile.dossierId, dossierId), eq(dossierFile.id, fileId)));
  return row;
}

export function listReturns(db: Queryable, dossierId: string) {
  return db.select().from(dossierReturn).where(eq(dossierReturn.dossierId, dossierId)).orderBy(asc(dossierReturn.returnedAt));
}

export function listSubmissions(db: Queryable, dossierId: string) {
  return db.select({ seq: dossierSubmission.seq, submittedAt: dossierSubmission.submittedAt, submittedBy: dossierSubmission.submittedBy })
    .from(dossierSubmission).where(eq(dossierSubmission.dossierId, dossierId)).orderBy(asc(dossierSubmission.seq));
}

export async function getSubmission(db: Queryable, dossierId: string, seq: number) {
  const [row] = await db.select().from(dossierSubmission).where(and(eq(dossierSubmission.dossierId, dossierId), eq(dossierSubmission.seq, seq)));
  return row;
}

export async function lastSubmissionSeq(db: Queryable, dossierId: string): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`coalesce(max(${dossierSubmission.seq}), 0)::int` }).from(dossierSubmission).where(eq(dossierSubmission.dossierId, dossierId));
  return Number(n);
}

/** An open (not finished) dossier of the product, if any: one product runs one dossier at a time. */
export async function openDossierOfProduct(db: Queryable, productId: string) {
  const [row] = await db.select({ id: dossier.id, number: dossier.number }).from(dossier)
    .where(and(eq(dossier.productId, productId), sql`${dossier.status} NOT IN ('certified','not_recognised','rejected')`));
  return row;
}

export type CriterionNoteRow = { id: string; criterion_code: string; author_id: string; full_name: string | null; author_side: string; body: string; created_at: Date };

/** The notes on a dossier's criteria with their authors' names, oldest first; `noteId` narrows to one. */
export function listCriterionNotes(db: Queryable, dossierId: string, noteId?: string): Promise<CriterionNoteRow[]> {
  return query<CriterionNoteRow>(db, sql`
    SELECT n.id, n.criterion_code, n.author_id, u.full_name, n.author_side, n.body, n.created_at
    FROM criterion_note n LEFT JOIN app_user u ON u.id = n.author_id
    WHERE n.dossier_id = ${dossierId} ${noteId ? sql`AND n.id = ${noteId}` : sql``} ORDER BY n.created_at, n.id`);
}
