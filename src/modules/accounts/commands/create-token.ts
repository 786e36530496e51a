import type { Ctx, UserActor } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { newToken, tokenHash } from '../accounts.rules.js';
import { apiToken } from '../accounts.tables.js';

/** An API token for a machine client acting as this user; only its hash is kept, the token is shown once. */
export async function createToken(ctx: Ctx & { actor: UserActor }, name: string) {
  const token = `ocop_${newToken()}`;
  const [row] = await ctx.tx.insert(apiToken).values({ tokenHash: tokenHash(token), userId: ctx.actor.id, name, createdAt: ctx.now }).returning();
  await recordAudit(ctx, { action: 'user.token.create', recordType: 'user', recordId: ctx.actor.id, provinceCode: ctx.actor.provinceCode, communeCode: ctx.actor.communeCode, after: { tokenId: row.id, name } });
  return { id: row.id, name: row.name, token };
}
