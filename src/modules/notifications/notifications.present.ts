// Rows to API output, and the opaque page cursor of the notification list.
import { invalidField } from '../../app/errors.js';
import { NOTIFICATION_KINDS, type Notification, type NotificationKind, type Preferences } from './notifications.contract.js';
import type { PageKey } from './notifications.repo.js';
import type { NotificationRow } from './notifications.tables.js';

export const presentNotification = (n: NotificationRow): Notification => ({
  id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null,
});

/** Every kind, in the contract's order, both channels on where the person chose nothing. */
export function presentPreferences(stored: { kind: NotificationKind; email: boolean; app: boolean }[]): Preferences {
  const byKind = new Map(stored.map((p) => [p.kind, p]));
  return { items: NOTIFICATION_KINDS.map((kind) => ({ kind, email: byKind.get(kind)?.email ?? true, app: byKind.get(kind)?.app ?? true })) };
}

// The cursor is the last row's (created_at with microseconds lost to JS Dates is fine: ties fall back on the id).
export const encodeCursor = (n: Pick<NotificationRow, 'createdAt' | 'id'>) => Buffer.from(`${n.createdAt.toISOString()}|${n.id}`).toString('base64url');

export function decodeCursor(cursor: string): PageKey {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) {
    throw invalidField('cursor', 'invalid_cursor', { vi: 'Con trỏ trang không hợp lệ', en: 'The page cursor is not valid' });
  }
  return { createdAt, id };
}
