import type { Ctx, UserActor } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError } from '../../../app/errors.js';
import { newToken, TOKEN_DAYS, tokenHash } from '../accounts.rules.js';
import { apiToken } from '../accounts.tables.js';

/**
 * An API token for a machine client acting as this user; only its hash is kept, the token is shown once. Only a
 * person in a browser session may create one: a token that could mint tokens would outlive its own revocation.
 */
export async function createToken(ctx: Ctx & { actor: UserActor }, input: { name: string; days?: number }) {
  if (ctx.actor.via !== 'session') throw new AppError('forbidden', 'token_cannot_create_tokens', {
    vi: 'Không thể dùng mã truy cập API để tạo mã mới; hãy đăng nhập trên trình duyệt để tạo', en: 'An API token cannot create tokens; log in with a browser session to create one',
  });
  const token = `ocop_${newToken()}`;
  const expiresAt = new Date(ctx.now.getTime() + Math.min(input.days ?? TOKEN_DAYS.default, TOKEN_DAYS.max) * 86_400_000);
  const [row] = await ctx.tx.insert(apiToken).values({ tokenHash: tokenHash(token), userId: ctx.actor.id, name: input.name, createdAt: ctx.now, expiresAt }).returning();
  await recordAudit(ctx, { action: 'user.token.create', recordType: 'user', recordId: ctx.actor.id, provinceCode: ctx.actor.provinceCode, communeCode: ctx.actor.communeCode, after: { tokenId: row.id, name: row.name, expiresAt: expiresAt.toISOString() } });
  return { id: row.id, name: row.name, token, createdAt: row.createdAt.toISOString(), expiresAt: expiresAt.toISOString() };
}
