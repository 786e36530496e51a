import { and, asc, count, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../app/db.js';
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

/** The user behind an API token that is neither revoked nor expired. */
export async function getTokenUser(db: Queryable, tokenHash: string, now: Date) {
  const [row] = await db.select({ user: appUser }).from(apiToken)
    .innerJoin(appUser, eq(appUser.id, apiToken.userId))
    .where(and(eq(apiToken.tokenHash, tokenHash), isNull(apiToken.revokedAt), gt(apiToken.expiresAt, now), eq(appUser.active, true)));
  return row?.user;
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

export async function listUsers(db: Queryable, where: SQL | undefined, page: number, pageSize: number) {
  const [{ n }] = await db.select({ n: count() }).from(appUser).where(where);
  const items = await db.select().from(appUser).where(where).orderBy(asc(appUser.email)).limit(pageSize).offset((page - 1) * pageSize);
  return { total: Number(n), items };
}

/** Whether the demo accounts are loaded (their published password may then be shown on the login page). */
export async function demoAccountsExist(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(appUser).where(and(sql`${appUser.email} LIKE ${`%@${DEMO_EMAIL_DOMAIN}`}`, eq(appUser.active, true)));
  return Number(row.n) > 0;
}
