import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, notFound } from '../../../app/errors.js';
import { canManageUser } from '../accounts.policy.js';
import { presentUser } from '../accounts.present.js';
import { getUserById } from '../accounts.repo.js';
import { apiToken, appUser, userSession } from '../accounts.tables.js';

/** Accounts are never deleted: deactivation keeps the history and ends every session and token at once. */
export async function deactivateUser(ctx: Ctx, id: string) {
  const before = await getUserById(ctx.tx, id);
  if (!before) throw notFound('user', 'tài khoản');
  if (!canManageUser(ctx.actor, before)) throw forbidden();
  const [after] = await ctx.tx.update(appUser).set({ active: false, version: before.version + 1 }).where(eq(appUser.id, id)).returning();
  await ctx.tx.delete(userSession).where(eq(userSession.userId, id));
  await ctx.tx.update(apiToken).set({ revokedAt: ctx.now }).where(eq(apiToken.userId, id));
  await recordAudit(ctx, { action: 'user.deactivate', recordType: 'user', recordId: id, provinceCode: before.provinceCode, communeCode: before.communeCode, before: presentUser(before), after: presentUser(after) });
  return after;
}
