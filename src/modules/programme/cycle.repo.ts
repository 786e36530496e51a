// Product ideas and the facts a product's cycle is derived from: queries only, no decisions.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { after, countCapped, inOrder, keyFields, limits, orderBy, pageEnd, type KeysetPage, type KeyValues, type SortKey } from '../../app/paging.js';
import { certificateStatusIs } from '../scoring/index.js';
import { entity, productSet } from '../registry/index.js';
import { productIdea, type IdeaRow } from './cycle.tables.js';

export type IdeaView = { idea: IdeaRow; entityName: string | null; communeName: string; productSetName: string | null };

const decorated = (db: Queryable) => db.select({
  idea: productIdea, entityName: entity.name, communeName: sql<string>`(SELECT name FROM commune WHERE code = ${productIdea.communeCode})`, productSetName: productSet.name,
}).from(productIdea).leftJoin(entity, eq(entity.id, productIdea.entityId)).leftJoin(productSet, eq(productSet.sheet, productIdea.productSet));

export async function getIdea(db: Queryable, id: string): Promise<IdeaView | undefined> {
  const [row] = await decorated(db).where(eq(productIdea.id, id));
  return row;
}
export async function getIdeaForUpdate(db: Queryable, id: string) {
  const [row] = await db.select().from(productIdea).where(eq(productIdea.id, id)).for('update');
  return row;
}

export const IDEA_KEYS: SortKey[] = [{ expr: productIdea.createdAt, kind: 'timestamp', dir: 'desc' }, { expr: productIdea.id, kind: 'uuid', dir: 'desc' }];

/** A page of ideas, newest first: the page's ids through the index, then those rows decorated. */
export async function listIdeas(db: Queryable, where: SQL | undefined, page: number, pageSize: number, after_?: KeyValues): Promise<KeysetPage<IdeaView>> {
  const p = { page, pageSize, after: after_ };
  const found = await db.select({ id: productIdea.id, ...keyFields(IDEA_KEYS) }).from(productIdea)
    .where(and(where, after_ && after(IDEA_KEYS, after_))).orderBy(...orderBy(IDEA_KEYS)).limit(limits(p).limit).offset(limits(p).offset);
  const { rows: ids, nextCursor, whole } = pageEnd(found, p, 'idea', '-createdAt', IDEA_KEYS);
  const rows = ids.length ? await decorated(db).where(inArray(productIdea.id, ids.map((r) => r.id))) : [];
  const counted = await countCapped(db, db.select({ id: productIdea.id }).from(productIdea).where(where), whole);
  return { ...counted, nextCursor, rows: inOrder(ids, rows, (r) => r.idea.id) };
}

/** What a product's step is derived from: its certificate in force (and whether it ever had one), its latest dossier. */
export async function cycleFacts(db: Queryable, productId: string, today: string) {
  const [f] = await query<{ in_force: string | null; had: boolean; dossier_status: string | null }>(db, sql`SELECT
    (SELECT certificate.number FROM certificate WHERE certificate.product_id = ${productId} AND ${certificateStatusIs('valid', today)} ORDER BY certificate.issued_on DESC LIMIT 1) AS in_force,
    EXISTS (SELECT 1 FROM certificate c WHERE c.product_id = ${productId}) AS had,
    (SELECT d.status FROM dossier d WHERE d.product_id = ${productId} ORDER BY d.created_at DESC LIMIT 1) AS dossier_status`);
  return { certificateInForce: f.in_force !== null, hadCertificate: Boolean(f.had), latestDossierStatus: f.dossier_status };
}

/** The scores an upgrade path reads: the member answers behind the product's latest certificate (its council item),
 * else the self-assessment of its latest dossier. */
export async function latestScores(db: Queryable, productId: string): Promise<{ source: 'council' | 'self_assessment'; sheet: number; instrument: string; certificateNumber: string | null; members: Record<string, string>[] } | null> {
  const [cert] = await query<{ number: string; evaluation_id: string | null }>(db, sql`
    SELECT number, evaluation_id FROM certificate WHERE product_id = ${productId} AND status <> 'revoked' ORDER BY issued_on DESC, created_at DESC LIMIT 1`);
  if (cert?.evaluation_id) {
    const rows = await query<{ answers: Record<string, string>; sheet: number; instrument: string }>(db, sql`
      SELECT ms.answers, d.sheet, d.instrument FROM session_item si JOIN dossier d ON d.id = si.dossier_id
      JOIN member_score ms ON ms.item_id = si.id AND ms.status = 'submitted' AND ms.round = si.rescore_round
      WHERE si.id = ${cert.evaluation_id}`);
    if (rows.length) return { source: 'council', sheet: Number(rows[0].sheet), instrument: rows[0].instrument, certificateNumber: cert.number, members: rows.map((r) => r.answers) };
  }
  const [d] = await query<{ answers: Record<string, string>; sheet: number; instrument: string }>(db, sql`
    SELECT answers, sheet, instrument FROM dossier WHERE product_id = ${productId} ORDER BY created_at DESC LIMIT 1`);
  if (!d) return null;
  return { source: 'self_assessment', sheet: Number(d.sheet), instrument: d.instrument, certificateNumber: cert?.number ?? null, members: [d.answers] };
}

/** The idea a product came from, if any. */
export async function ideaOfProduct(db: Queryable, productId: string) {
  const [row] = await db.select({ id: productIdea.id, title: productIdea.title, status: productIdea.status, entityId: productIdea.entityId, communeCode: productIdea.communeCode, provinceCode: productIdea.provinceCode })
    .from(productIdea).where(eq(productIdea.productId, productId)).limit(1);
  return row;
}
