import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../../app/errors.js';
import { query, type Queryable } from '../../../app/db.js';
import { BUDGETS, LOCKOUT, newToken, SESSION_DAYS, tokenHash, verifyPassword } from '../accounts.rules.js';
import { giveBack, takeAttempt } from '../accounts.limiter.js';
import { getUserByEmail } from '../accounts.repo.js';
import { appUser, userSession } from '../accounts.tables.js';

// One answer for every refusal after the budgets: unknown e-mail, wrong password, locked or deactivated account.
const badCredentials = () => new AppError('unauthenticated', 'invalid_credentials', { vi: 'Sai e-mail hoặc mật khẩu', en: 'Wrong e-mail or password' });

/**
 * Counts this attempt against the account before the password is checked, in one atomic UPDATE: concurrent
 * attempts each get their own number, the one reaching LOCKOUT.maxFailures locks the account, and a locked account
 * matches no row. A lock that has run out starts the count again. False when the account is locked.
 */
async function countAccountAttempt(db: Queryable, userId: string, now: Date): Promise<boolean> {
  const nowIso = now.toISOString();
  const count = sql`CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END`;
  const rows = await query<{ failed_logins: number }>(db, sql`
    UPDATE app_user SET
      failed_logins = ${count},
      locked_until = CASE WHEN ${count} >= ${LOCKOUT.maxFailures} THEN ${new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString()}::timestamptz END
    WHERE id = ${userId} AND (locked_until IS NULL OR locked_until <= ${nowIso})
    RETURNING failed_logins`);
  return rows.length === 1;
}

/**
 * Checks the password and opens a session. Refusals cannot tell an attacker whether the e-mail exists: a locked,
 * deactivated or unknown account answers exactly like a wrong password (401 invalid_credentials), after the same
 * password-hash computation. Budgets per client address and per address and e-mail (429) come first.
 */
export async function logIn(db: Queryable, input: { email: string; password: string }, now: Date, client: { ip: string }) {
  const email = input.email.trim().toLowerCase();
  const taken = await takeAttempt(db, now, [[BUDGETS.loginPerAddress, client.ip], [BUDGETS.loginPerAddressAndEmail, `${client.ip}|${email}`]]);
  const user = await getUserByEmail(db, email);
  const counted = user ? await countAccountAttempt(db, user.id, now) : false;
  const ok = await verifyPassword(input.password, user?.passwordHash ?? null); // also when locked: same time taken
  if (!user || !counted || !ok || !user.active) throw badCredentials();
  await db.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(eq(appUser.id, user.id));
  await giveBack(db, taken);
  const token = newToken();
  const csrfToken = newToken(24);
  await db.insert(userSession).values({ tokenHash: tokenHash(token), userId: user.id, csrfToken, expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000) });
  // Opportunistic clean-up of this user's expired sessions.
  await db.execute(sql`DELETE FROM user_session WHERE user_id = ${user.id} AND expires_at < ${now.toISOString()}`);
  return { user, token, csrfToken };
}

export async function logOut(db: Queryable, token: string) {
  await db.delete(userSession).where(eq(userSession.tokenHash, tokenHash(token)));
}
