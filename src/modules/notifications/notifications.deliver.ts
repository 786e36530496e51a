// Delivering one outbox event's notices: to each recipient, in the app and by e-mail as the recipient chose, each
// at most once per (event, recipient, channel) however often the outbox retries the event.
//  - In the app: the delivery row and the notification are written in one transaction (exactly once).
//  - By e-mail: the delivery row is claimed before the send and stamped after it; a failed send leaves it unstamped
//    and the handler fails, so the outbox retries the event later (with its backoff) and only the unstamped
//    recipients are sent to again. A process dying between the SMTP server's acceptance and the stamp is the one
//    case that sends twice: no mail system can make an SMTP send and a database write one atomic step.
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Queryable } from '../../app/db.js';
import type { EventMeta } from '../../app/outbox.js';
import type { NotificationKind } from './notifications.contract.js';
import type { MailMessage, MailTransport } from './notifications.mail.js';
import type { Recipient } from './notifications.recipients.js';
import { getLanguage } from './notifications.repo.js';
import { notification, notificationDelivery, notificationPreference } from './notifications.tables.js';
import { noticeMail, type Notice } from './notifications.templates.js';

export type DeliverDeps = { mail: MailTransport; publicUrl: string };
/** One notice for a group of people (the entity hears one thing, the office another). */
export type Delivery = { notice: Notice; to: Recipient[] };

async function channelsOf(db: Queryable, userId: string, kind: NotificationKind) {
  const [p] = await db.select({ email: notificationPreference.email, app: notificationPreference.app }).from(notificationPreference)
    .where(and(eq(notificationPreference.userId, userId), eq(notificationPreference.kind, kind)));
  return p ?? { email: true, app: true };
}

/** Claims the e-mail to `recipient` for this event: true unless it was already delivered. */
async function claimEmail(db: Queryable, eventId: number, recipient: string): Promise<boolean> {
  const rows = await db.insert(notificationDelivery).values({ eventId, recipient, channel: 'email' })
    .onConflictDoUpdate({ target: [notificationDelivery.eventId, notificationDelivery.recipient, notificationDelivery.channel], set: { startedAt: sql`now()` }, setWhere: sql`${notificationDelivery.deliveredAt} IS NULL` })
    .returning({ eventId: notificationDelivery.eventId });
  return rows.length > 0;
}

/** Sends one e-mail once per event and recipient key; returns the error instead of throwing, so the others still go. */
export async function sendOnce(db: Db, deps: DeliverDeps, event: EventMeta, recipient: string, message: () => Promise<MailMessage>, log: FastifyBaseLogger): Promise<unknown> {
  if (!(await claimEmail(db, event.id, recipient))) return undefined;
  try {
    const sent = await deps.mail.send(await message());
    await db.update(notificationDelivery).set({ deliveredAt: sql`now()`, detail: sent.file ?? sent.messageId ?? null })
      .where(and(eq(notificationDelivery.eventId, event.id), eq(notificationDelivery.recipient, recipient), eq(notificationDelivery.channel, 'email')));
    return undefined;
  } catch (err) {
    log.warn({ err, eventId: event.id, attempt: event.attempt }, 'notification e-mail failed; the event will be retried');
    return err;
  }
}

/** Writes the in-app notice once per event and user. */
async function notifyInApp(db: Db, event: EventMeta, userId: string, n: Notice) {
  await db.transaction(async (tx) => {
    const claimed = await tx.insert(notificationDelivery).values({ eventId: event.id, recipient: userId, channel: 'app', deliveredAt: sql`now()` as never })
      .onConflictDoNothing().returning({ eventId: notificationDelivery.eventId });
    if (claimed.length) await tx.insert(notification).values({ userId, kind: n.kind, title: n.title, body: n.body, link: n.link, eventId: event.id });
  });
}

/** Delivers every notice to its people (each person once per event: the first group naming them wins). */
export async function deliver(db: Db, deps: DeliverDeps, event: EventMeta, deliveries: Delivery[], log: FastifyBaseLogger): Promise<void> {
  const seen = new Set<string>();
  const failures: unknown[] = [];
  for (const { notice, to } of deliveries) {
    for (const person of to) {
      if (seen.has(person.id)) continue;
      seen.add(person.id);
      const channels = await channelsOf(db, person.id, notice.kind);
      if (channels.app) await notifyInApp(db, event, person.id, notice);
      if (channels.email) {
        const err = await sendOnce(db, deps, event, person.id, async () => noticeMail(notice, person, (await getLanguage(db, person.id)) ?? 'vi', deps.publicUrl), log);
        if (err) failures.push(err);
      }
    }
  }
  if (failures.length) throw new Error(`${failures.length} notification e-mail(s) failed: ${String(failures[0])}`);
}
