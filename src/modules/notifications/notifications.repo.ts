// Queries of the notification centre: no decisions. Reads of other modules' tables (who the members of an entity
// are, which officers hold a dossier's scope) are in notifications.recipients.ts.
import { and, desc, eq, isNull, lt, or, sql, count } from 'drizzle-orm';
import type { Queryable } from '../../app/db.js';
import type { NotificationKind } from './notifications.contract.js';
import { notification, notificationPreference, notificationSetting, type NotificationRow } from './notifications.tables.js';

export type PageKey = { createdAt: Date; id: string };

/** A page of the user's notifications, newest first, after `after` (the last row of the previous page). */
export async function listByUser(db: Queryable, userId: string, limit: number, after?: PageKey): Promise<NotificationRow[]> {
  const older = after ? or(lt(notification.createdAt, after.createdAt), and(eq(notification.createdAt, after.createdAt), lt(notification.id, after.id))) : undefined;
  return db.select().from(notification).where(and(eq(notification.userId, userId), older))
    .orderBy(desc(notification.createdAt), desc(notification.id)).limit(limit);
}

export async function countUnread(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notification).where(and(eq(notification.userId, userId), isNull(notification.readAt)));
  return Number(row.n);
}

/** Marks one notification read, only if it is the user's; returns whether it is (read before or now). */
export async function markRead(db: Queryable, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db.update(notification).set({ readAt: sql`coalesce(${notification.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notification.id, id), eq(notification.userId, userId))).returning({ id: notification.id });
  return rows.length > 0;
}

export async function markAllRead(db: Queryable, userId: string, at: Date): Promise<number> {
  const rows = await db.update(notification).set({ readAt: at }).where(and(eq(notification.userId, userId), isNull(notification.readAt))).returning({ id: notification.id });
  return rows.length;
}

export async function listPreferences(db: Queryable, userId: string) {
  return db.select({ kind: notificationPreference.kind, email: notificationPreference.email, app: notificationPreference.app })
    .from(notificationPreference).where(eq(notificationPreference.userId, userId));
}

export async function upsertPreference(db: Queryable, userId: string, p: { kind: NotificationKind; email: boolean; app: boolean }, at: Date) {
  await db.insert(notificationPreference).values({ userId, ...p, updatedAt: at })
    .onConflictDoUpdate({ target: [notificationPreference.userId, notificationPreference.kind], set: { email: p.email, app: p.app, updatedAt: at } });
}

export async function getLanguage(db: Queryable, userId: string): Promise<'vi' | 'en' | undefined> {
  const [row] = await db.select({ language: notificationSetting.language }).from(notificationSetting).where(eq(notificationSetting.userId, userId));
  return row?.language;
}

export async function setLanguage(db: Queryable, userId: string, language: 'vi' | 'en', at: Date) {
  await db.insert(notificationSetting).values({ userId, language, updatedAt: at })
    .onConflictDoUpdate({ target: notificationSetting.userId, set: { language, updatedAt: at } });
}
