import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../../app/errors.js';
import type { Queryable } from '../../../app/db.js';
import { LOCKOUT, newToken, SESSION_DAYS, tokenHash, verifyPassword } from '../accounts.rules.js';
import { getUserByEmail } from '../accounts.repo.js';
import { appUser, userSession } from '../accounts.tables.js';

const badCredentials = () => new AppError('unauthenticated', 'invalid_credentials', { vi: 'Sai e-mail hoặc mật khẩu', en: 'Wrong e-mail or password' });

/** Checks the password, locks the account after repeated failures, and opens a session. */
export async function logIn(db: Queryable, input: { email: string; password: string }, now: Date) {
  const user = await getUserByEmail(db, input.email.trim());
  if (user?.lockedUntil && user.lockedUntil > now) {
    throw new AppError('rate_limited', 'account_locked', { vi: 'Tài khoản tạm khoá do đăng nhập sai nhiều lần; hãy thử lại sau 15 phút', en: 'Account temporarily locked after repeated failures; try again in 15 minutes' }, { lockedUntil: user.lockedUntil.toISOString() });
  }
  const ok = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (!user || !ok || !user.active) {
    if (user) {
      const failures = user.failedLogins + 1;
      const lock = failures >= LOCKOUT.maxFailures;
      await db.update(appUser).set({
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + LOCKOUT.minutes * 60_000) : user.lockedUntil,
      }).where(eq(appUser.id, user.id));
    }
    throw badCredentials();
  }
  if (user.failedLogins > 0) await db.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(eq(appUser.id, user.id));
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
