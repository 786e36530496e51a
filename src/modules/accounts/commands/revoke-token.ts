import { eq } from 'drizzle-orm';
import type { Ctx, UserActor } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { notFound } from '../../../app/errors.js';
import { getTokenById } from '../accounts.repo.js';
import { apiToken } from '../accounts.tables.js';

/** Revokes one of the caller's own API tokens (someone else's reads as not found). Revoking twice changes nothing. */
export async function revokeToken(ctx: Ctx & { actor: UserActor }, id: string) {
  const token = await getTokenById(ctx.tx, id);
  if (!token || token.userId !== ctx.actor.id) throw notFound('token', 'mã truy cập API');
  if (token.revokedAt) return;
  await ctx.tx.update(apiToken).set({ revokedAt: ctx.now }).where(eq(apiToken.id, id));
  await recordAudit(ctx, { action: 'user.token.revoke', recordType: 'user', recordId: ctx.actor.id, provinceCode: ctx.actor.provinceCode, communeCode: ctx.actor.communeCode, before: { tokenId: id, name: token.name }, after: { tokenId: id, revokedAt: ctx.now.toISOString() } });
}
