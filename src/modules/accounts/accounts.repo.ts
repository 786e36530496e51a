import { and, asc, count, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../app/db.js';
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

export async function getTokenUser(db: Queryable, tokenHash: string) {
  const [row] = await db.select({ user: appUser }).from(apiToken)
    .innerJoin(appUser, eq(appUser.id, apiToken.userId))
    .where(and(eq(apiToken.tokenHash, tokenHash), isNull(apiToken.revokedAt), eq(appUser.active, true)));
  return row?.user;
}

export async function listUsers(db: Queryable, where: SQL | undefined, page: number, pageSize: number) {
  const [{ n }] = await db.select({ n: count() }).from(appUser).where(where);
  const items = await db.select().from(appUser).where(where).orderBy(asc(appUser.email)).limit(pageSize).offset((page - 1) * pageSize);
  return { total: Number(n), items };
}
