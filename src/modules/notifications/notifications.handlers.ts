// The outbox handlers that send e-mail. Registered explicitly by the composition root (src/modules/index.ts).
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import type { Handler } from '../../app/outbox.js';
import type { MailTransport } from './notifications.mail.js';
import { invitationMessage, passwordResetMessage, signupEmailTakenMessage } from './notifications.messages.js';

export function mailHandlers(mail: MailTransport, publicUrl: string) {
  const passwordReset: Handler<'password.reset_requested'> = async (p, _db, log) => {
    const sent = await mail.send(passwordResetMessage(p, publicUrl));
    log.info({ userId: p.userId, ...sent }, 'password reset e-mail sent');
  };
  const invitation: Handler<'invitation.created'> = async (p, db, log) => {
    // notifications sits left of registry in the module graph: a read across modules, never a write.
    const [entity] = await query<{ name: string }>(db, sql`SELECT name FROM entity WHERE id = ${p.entityId}`);
    const sent = await mail.send(invitationMessage({ email: p.email, token: p.token, entityName: entity?.name ?? null }, publicUrl));
    log.info({ entityId: p.entityId, ...sent }, 'invitation e-mail sent');
  };
  const signupEmailTaken: Handler<'signup.email_taken'> = async (p, _db, log) => {
    const sent = await mail.send(signupEmailTakenMessage(p, publicUrl));
    log.info({ userId: p.userId, ...sent }, 'sign-up with a taken e-mail: its owner told');
  };
  return { passwordReset, invitation, signupEmailTaken };
}
