// Council, session and score queries only: no decisions.
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { conflictDeclaration, council, councilMember, councilSession, memberScore, precedent, scoreRevision, sessionItem } from './councils.tables.js';

export async function getCouncil(db: Queryable, id: string) {
  const [row] = await db.select().from(council).where(eq(council.id, id));
  return row;
}

/** The council in office at a level (a province's, or the central one): at most one, by a unique index. */
export async function councilInOffice(db: Queryable, level: 'province' | 'central', provinceCode: string | null) {
  const [row] = await db.select({ id: council.id }).from(council)
    .where(and(eq(council.level, level), provinceCode ? eq(council.provinceCode, provinceCode) : sql`true`, isNull(council.dissolvedAt)));
  return row;
}

export function listCouncils(db: Queryable, where: SQL | undefined) {
  return db.select().from(council).where(where).orderBy(asc(council.level), asc(council.provinceCode), asc(council.name));
}

export type MemberWithUser = { member: typeof councilMember.$inferSelect; fullName: string; email: string; role: string; provinceCode: string | null; communeCode: string | null; entityId: string | null };

export async function listMembers(db: Queryable, councilId: string): Promise<MemberWithUser[]> {
  const rows = await query<{ id: string; full_name: string; email: string; user_role: string; province_code: string | null; commune_code: string | null; entity_id: string | null }>(db, sql`
    SELECT m.id, u.full_name, u.email, u.role AS user_role, u.province_code, u.commune_code, u.entity_id
    FROM council_member m JOIN app_user u ON u.id = m.user_id WHERE m.council_id = ${councilId}`);
  const members = await db.select().from(councilMember).where(eq(councilMember.councilId, councilId));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const order = { chair: 0, secretary: 1, member: 2 } as const;
  return members.map((m) => {
    const u = byId.get(m.id)!;
    return { member: m, fullName: u.full_name, email: u.email, role: u.user_role, provinceCode: u.province_code, communeCode: u.commune_code, entityId: u.entity_id };
  }).sort((a, b) => a.member.team.localeCompare(b.member.team) || order[a.member.role] - order[b.member.role] || a.fullName.localeCompare(b.fullName, 'vi'));
}

export async function getMember(db: Queryable, councilId: string, userId: string | null) {
  if (!userId) return undefined;
  const [row] = await db.select().from(councilMember).where(and(eq(councilMember.councilId, councilId), eq(councilMember.userId, userId)));
  return row;
}

export function councilIdsOfUser(db: Queryable, userId: string) {
  return db.select({ councilId: councilMember.councilId }).from(councilMember).where(and(eq(councilMember.userId, userId), eq(councilMember.active, true)));
}

export function listConflicts(db: Queryable, councilId: string, entityIds?: string[]) {
  return db.select().from(conflictDeclaration).where(and(eq(conflictDeclaration.councilId, councilId), entityIds?.length ? inArray(conflictDeclaration.entityId, entityIds) : undefined));
}

export async function getSession(db: Queryable, id: string) {
  const [row] = await db.select().from(councilSession).where(eq(councilSession.id, id));
  return row;
}
export async function getSessionForUpdate(db: Queryable, id: string) {
  const [row] = await db.select().from(councilSession).where(eq(councilSession.id, id)).for('update');
  return row;
}
export function listSessions(db: Queryable, councilId: string) {
  return db.select().from(councilSession).where(eq(councilSession.councilId, councilId)).orderBy(asc(councilSession.scheduledOn), asc(councilSession.createdAt));
}

export type ItemWithDossier = {
  item: typeof sessionItem.$inferSelect; dossierNumber: string; dossierStatus: string; sheet: number; instrument: string; entityId: string;
  entityName: string; entityCommune: string; productName: string; productCode: string; address: string; phone: string | null;
};
export async function listItems(db: Queryable, sessionId: string, itemId?: string): Promise<ItemWithDossier[]> {
  const rows = await query<{ id: string; number: string; status: string; sheet: number; instrument: string; entity_id: string; entity_name: string; commune_code: string; product_name: string; product_code: string; address: string; phone: string | null }>(db, sql`
    SELECT i.id, d.number, d.status, d.sheet, d.instrument, d.entity_id, e.name AS entity_name, e.commune_code, p.name AS product_name, p.code AS product_code, e.address, e.phone
    FROM session_item i JOIN dossier d ON d.id = i.dossier_id JOIN entity e ON e.id = d.entity_id JOIN product p ON p.id = d.product_id
    WHERE i.session_id = ${sessionId} ${itemId ? sql`AND i.id = ${itemId}` : sql``}`);
  const items = await db.select().from(sessionItem).where(and(eq(sessionItem.sessionId, sessionId), itemId ? eq(sessionItem.id, itemId) : undefined)).orderBy(asc(sessionItem.position));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return items.map((item) => {
    const r = byId.get(item.id)!;
    return { item, dossierNumber: r.number, dossierStatus: r.status, sheet: Number(r.sheet), instrument: r.instrument, entityId: r.entity_id, entityName: r.entity_name, entityCommune: r.commune_code, productName: r.product_name, productCode: r.product_code, address: r.address, phone: r.phone };
  });
}

export function listScores(db: Queryable, itemIds: string[]) {
  if (!itemIds.length) return Promise.resolve([] as (typeof memberScore.$inferSelect)[]);
  return db.select().from(memberScore).where(inArray(memberScore.itemId, itemIds));
}

export async function getScoreForUpdate(db: Queryable, itemId: string, userId: string) {
  const [row] = await db.select().from(memberScore).where(and(eq(memberScore.itemId, itemId), eq(memberScore.userId, userId))).for('update');
  return row;
}

export function listRevisions(db: Queryable, scoreId: string) {
  return db.select().from(scoreRevision).where(eq(scoreRevision.scoreId, scoreId)).orderBy(asc(scoreRevision.version));
}

export async function userNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await query<{ id: string; full_name: string }>(db, sql`SELECT id, full_name FROM app_user WHERE id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

export function searchPrecedents(db: Queryable, where: SQL | undefined, limit: number, offset: number) {
  return db.select().from(precedent).where(where).orderBy(asc(precedent.sheet), asc(precedent.criterionCode), asc(precedent.createdAt)).limit(limit).offset(offset);
}
