import { and, count, desc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../app/db.js';
import { after, countCapped, inOrder, keyFields, limits, orderBy, pageEnd, type KeyValues, type SortKey } from '../../app/paging.js';
import { DEMO_EMAIL_DOMAIN } from './accounts.rules.js';
import { apiToken, appUser, userSession } from './accounts.tables.js';

export type UserRow = typeof appUser.$inferSelect;

export async function getUserById(db: Queryable, id: string) {
  const [u] = await db.select().from(appUser).where(eq(appUser.id, id));
  return u;
}

export async function getUserByEmail(db: Queryable, email: string) {
  const [u] = await db.select().from(appUser).where(sql`lower(${appUser.email}) = lower(${email})`);
  return u;
}

/** The user behind a live session, with the session's CSRF token. */
export async function getSessionUser(db: Queryable, tokenHash: string, now: Date) {
  const [row] = await db.select({ user: appUser, csrfToken: userSession.csrfToken }).from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .where(and(eq(userSession.tokenHash, tokenHash), gt(userSession.expiresAt, now), eq(appUser.active, true)));
  return row;
}

/**
 * The user behind an API token that is neither revoked nor expired (an inactive account's tokens count for nothing),
 * looked up on every request that carries one: a prepared statement that drizzle builds once and PostgreSQL parses
 * once per connection (named), reading only what an actor is made of. Nothing is cached: a revoked token is refused
 * from the next request on.
 */
export function prepareTokenUser(db: Queryable) {
  const prepared = db.select({ id: appUser.id, role: appUser.role, provinceCode: appUser.provinceCode, communeCode: appUser.communeCode, entityId: appUser.entityId })
    .from(apiToken)
    .innerJoin(appUser, eq(appUser.id, apiToken.userId))
    .where(and(eq(apiToken.tokenHash, sql.placeholder('hash')), isNull(apiToken.revokedAt), gt(apiToken.expiresAt, sql`${sql.placeholder('now')}::timestamptz`), eq(appUser.active, true)))
    .prepare('ocop_token_user');
  return async (tokenHash: string, now: Date) => (await prepared.execute({ hash: tokenHash, now: now.toISOString() }))[0];
}

/** A user's API tokens, newest first (never the hash). */
export async function listTokensByUser(db: Queryable, userId: string) {
  return db.select({ id: apiToken.id, name: apiToken.name, createdAt: apiToken.createdAt, expiresAt: apiToken.expiresAt, revokedAt: apiToken.revokedAt })
    .from(apiToken).where(eq(apiToken.userId, userId)).orderBy(desc(apiToken.createdAt));
}

export async function getTokenById(db: Queryable, id: string) {
  const [row] = await db.select().from(apiToken).where(eq(apiToken.id, id));
  return row;
}

/** Accounts by e-mail, then id. */
export const userKeys: SortKey[] = [{ expr: appUser.email, kind: 'text', dir: 'asc' }, { expr: appUser.id, kind: 'uuid', dir: 'asc' }];
export const USER_SORT = 'email';

/** A page of accounts by page number or after a cursor's row; the total capped (src/app/paging.ts). */
export async function listUsers(db: Queryable, where: SQL | undefined, page: number, pageSize: number, after_?: KeyValues) {
  const p = { page, pageSize, after: after_ };
  const found = await db.select({ id: appUser.id, ...keyFields(userKeys) }).from(appUser).where(and(where, after_ && after(userKeys, after_)))
    .orderBy(...orderBy(userKeys)).limit(limits(p).limit).offset(limits(p).offset);
  const { rows: ids, nextCursor, whole } = pageEnd(found, p, 'user', USER_SORT, userKeys);
  const rows = ids.length ? await db.select().from(appUser).where(inArray(appUser.id, ids.map((r) => r.id))) : [];
  const counted = await countCapped(db, db.select({ id: appUser.id }).from(appUser).where(where), whole);
  return { ...counted, nextCursor, items: inOrder(ids, rows, (r) => r.id) };
}

/** Whether the demo accounts are loaded (their published password may then be shown on the login page). */
export async function demoAccountsExist(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(appUser).where(and(sql`${appUser.email} LIKE ${`%@${DEMO_EMAIL_DOMAIN}`}`, eq(appUser.active, true)));
  return Number(row.n) > 0;
}
