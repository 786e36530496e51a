// The daily re-rating reminder: a certificate in force whose re-rating window (Điều 7.6.a: from 180 to 120 days
// before expiry) has opened gets an 'opening' event, and one whose window closes within CLOSING_NOTICE_DAYS with no
// re-rating dossier filed yet gets a 'closing' event. rerating_reminder keeps what was enqueued, in the same
// transaction, so each certificate gets each reminder once, whichever day or process runs the job. Run by the server
// as a oncePerDay job; the notification centre turns the events into messages to the entity's members.
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { systemActor, type Ctx } from '../../../app/actor.js';
import { query, type Db } from '../../../app/db.js';
import { enqueue } from '../../../app/outbox.js';
import { addDays, vnDate } from '../certificates.rules.js';
import { RULES } from '../rules.data.js';

/** How long before the window closes the closing reminder goes out: a product choice, not the law's. */
export const CLOSING_NOTICE_DAYS = 15;
export const REMINDER_ACTOR = systemActor('rerating-reminders');

export type ReminderResult = { today: string; opening: number; closing: number };

export async function remindReRating(ctx: Ctx): Promise<ReminderResult> {
  const today = vnDate(ctx.now);
  const { windowOpensDaysBeforeExpiry: opens, windowClosesDaysBeforeExpiry: closes } = RULES.reRating;
  // expires_on - opens <= today  ⇔  expires_on <= today + opens (so the index on expires_on can serve).
  const openFrom = addDays(today, closes); // the window is still open while today <= expires_on - closes
  const openTo = addDays(today, opens);
  const closingTo = addDays(today, closes + CLOSING_NOTICE_DAYS);
  // A window first seen in its last days gets the closing reminder only.
  const due = (stage: 'opening' | 'closing', from: string, to: string) => query<{ id: string; expires_on: string }>(ctx.tx, sql`
    INSERT INTO rerating_reminder (certificate_id, stage, enqueued_on)
    SELECT c.id, ${stage}, ${today}::date FROM certificate c
    WHERE c.status = 'valid' AND c.expires_on >= ${from}::date AND c.expires_on <= ${to}::date
      AND NOT EXISTS (SELECT 1 FROM dossier d WHERE d.rerating_certificate_id = c.id)
    ON CONFLICT (certificate_id, stage) DO NOTHING
    RETURNING certificate_id AS id, (SELECT expires_on::text FROM certificate WHERE id = certificate_id) AS expires_on`);
  const counts = { opening: 0, closing: 0 };
  for (const [stage, from, to] of [['opening', addDays(closingTo, 1), openTo], ['closing', openFrom, closingTo]] as const) {
    for (const c of await due(stage, from, to)) {
      await enqueue(ctx.tx, 'certificate.rerating_window', {
        certificateId: c.id, stage, opensOn: addDays(c.expires_on, -opens), closesOn: addDays(c.expires_on, -closes), expiresOn: c.expires_on,
      });
      counts[stage]++;
    }
  }
  return { today, ...counts };
}

/** One run in one transaction, as the system; `now` decides "today" (Việt Nam's calendar day). */
export function runReRatingReminders(db: Db, log: FastifyBaseLogger, now = new Date()): Promise<ReminderResult> {
  return db.transaction((tx) => remindReRating({ actor: REMINDER_ACTOR, tx, log, now }));
}
