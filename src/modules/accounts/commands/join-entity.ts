import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { notFound } from '../../../app/errors.js';
import { presentUser } from '../accounts.present.js';
import { getUserById } from '../accounts.repo.js';
import { appUser } from '../accounts.tables.js';

/**
 * Makes an account a member of an entity. For trusted callers only (sign-up, which opens the account, then registers
 * the entity as that account, then joins the two): no policy check here.
 */
export async function joinEntity(ctx: Ctx, userId: string, entityId: string) {
  const before = await getUserById(ctx.tx, userId);
  if (!before) throw notFound('user', 'tài khoản');
  const [after] = await ctx.tx.update(appUser).set({ entityId, version: before.version + 1 }).where(eq(appUser.id, userId)).returning();
  await recordAudit(ctx, { action: 'user.join_entity', recordType: 'user', recordId: userId, provinceCode: after.provinceCode, communeCode: after.communeCode, before: presentUser(before), after: presentUser(after) });
  return after;
}
