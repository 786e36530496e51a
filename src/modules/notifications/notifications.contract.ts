// The notification centre's API: in-app notifications, each person's choice of channels per kind, and the
// development mailbox (the .eml files written when no SMTP server is set). The web app imports these schemas too.
import { z } from 'zod';

/** What a notification is about. Security mail (password reset, a sign-up with a taken address) is not a kind:
 * it is always sent by e-mail and cannot be switched off. */
export const NOTIFICATION_KINDS = [
  'invitation',
  'entity_approved',
  'entity_refused',
  'dossier_returned',
  'dossier_forwarded',
  'dossier_accepted',
  'dossier_decided',
  'session_scheduled',
  'rescore_requested',
  'certificate_issued',
  'rerating_window_opening',
  'rerating_window_closing',
  'certificate_revoked',
] as const;
export const notificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKind>;

const localized = z.object({ vi: z.string(), en: z.string() });

export const notificationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});

export const notification = z.object({
  id: z.uuid(),
  kind: notificationKind,
  title: localized,
  body: localized,
  /** A path inside the web app (`/ho-so/…`), or null when there is no page to open. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationList = z.object({
  items: z.array(notification),
  /** The caller's unread notifications in all (not only this page). */
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});
export const unreadCount = z.object({ unread: z.number().int() });
export const notificationIdParams = z.strictObject({ id: z.uuid() });

export const preference = z.strictObject({ kind: notificationKind, email: z.boolean(), app: z.boolean() });
/** GET answers every kind; PUT takes any subset (kinds not named keep their setting) and answers every kind. */
export const preferences = z.strictObject({ items: z.array(preference).max(NOTIFICATION_KINDS.length * 2) });

/** The language a person's e-mail is written in (GET/PUT /notifications/language); vi until chosen. */
export const languageBody = z.strictObject({ language: z.enum(['vi', 'en']) });

export const mailboxIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'A mailbox id is the file name without .eml') });
export const mailboxItem = z.object({ id: z.string(), to: z.string(), subject: z.string(), date: z.string() });
export const mailboxList = z.object({ items: z.array(mailboxItem) });
export const mailboxMessage = mailboxItem.extend({ text: z.string() });

export type Notification = z.infer<typeof notification>;
export type NotificationList = z.infer<typeof notificationList>;
export type Preference = z.infer<typeof preference>;
export type Preferences = z.infer<typeof preferences>;
export type MailboxItem = z.infer<typeof mailboxItem>;
export type MailboxMessage = z.infer<typeof mailboxMessage>;
