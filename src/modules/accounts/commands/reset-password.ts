import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { query } from '../../../app/db.js';
import { AppError } from '../../../app/errors.js';
import { enqueue } from '../../../app/outbox.js';
import { assertAcceptablePassword } from '../accounts.passwords.js';
import { presentUser } from '../accounts.present.js';
import { getUserByEmail, getUserById } from '../accounts.repo.js';
import { hashPassword, newToken, RESET_MINUTES, tokenHash } from '../accounts.rules.js';
import { apiToken, appUser, passwordReset, userSession } from '../accounts.tables.js';

/**
 * Someone asks to reset the password of an e-mail address. When it names an active account, a single-use link
 * valid for RESET_MINUTES is created (only its hash is kept) and the outbox mails it; otherwise nothing happens.
 * The caller answers the same either way, so the request tells nobody whether the address has an account.
 */
export async function requestPasswordReset(ctx: Ctx, email: string): Promise<void> {
  const user = await getUserByEmail(ctx.tx, email);
  if (!user || !user.active) return;
  const token = newToken();
  const expiresAt = new Date(ctx.now.getTime() + RESET_MINUTES * 60_000);
  await ctx.tx.insert(passwordReset).values({ tokenHash: tokenHash(token), userId: user.id, createdAt: ctx.now, expiresAt });
  await recordAudit(ctx, { action: 'user.password_reset.request', recordType: 'user', recordId: user.id, provinceCode: user.provinceCode, communeCode: user.communeCode, after: { expiresAt: expiresAt.toISOString() } });
  await enqueue(ctx.tx, 'password.reset_requested', { userId: user.id, email: user.email, fullName: user.fullName, token, expiresAt: expiresAt.toISOString() });
}

const invalidLink = () => new AppError('invalid', 'reset_token_invalid', {
  vi: 'Liên kết đặt lại mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn; hãy yêu cầu liên kết mới',
  en: 'The password reset link is invalid, used or expired; ask for a new one',
}, { field: 'token' });

/**
 * Sets a new password from a reset link. The link is consumed by one atomic UPDATE (two concurrent uses: one wins),
 * every other open link of the account dies with it, and every session and API token of the account ends: whoever
 * knew the old password is out. A lockout is lifted (the owner proved control of the mailbox).
 */
export async function confirmPasswordReset(ctx: Ctx, input: { token: string; password: string }) {
  assertAcceptablePassword(input.password); // before the link is consumed, so a refused password keeps it usable
  const [used] = await query<{ user_id: string }>(ctx.tx, sql`
    UPDATE password_reset SET used_at = ${ctx.now.toISOString()}
    WHERE token_hash = ${tokenHash(input.token)} AND used_at IS NULL AND expires_at > ${ctx.now.toISOString()}
    RETURNING user_id`);
  if (!used) throw invalidLink();
  const before = await getUserById(ctx.tx, used.user_id);
  if (!before || !before.active) throw invalidLink();
  const [after] = await ctx.tx.update(appUser).set({ passwordHash: await hashPassword(input.password), failedLogins: 0, lockedUntil: null, version: before.version + 1 })
    .where(eq(appUser.id, before.id)).returning();
  await ctx.tx.update(passwordReset).set({ usedAt: ctx.now }).where(and(eq(passwordReset.userId, before.id), isNull(passwordReset.usedAt)));
  await ctx.tx.delete(userSession).where(eq(userSession.userId, before.id));
  await ctx.tx.update(apiToken).set({ revokedAt: ctx.now }).where(and(eq(apiToken.userId, before.id), isNull(apiToken.revokedAt)));
  // The audit says the password changed, never what it is.
  await recordAudit(ctx, { action: 'user.password_reset', recordType: 'user', recordId: before.id, provinceCode: before.provinceCode, communeCode: before.communeCode, before: presentUser(before), after: { ...presentUser(after), sessionsEnded: true, tokensRevoked: true } });
  return after;
}
