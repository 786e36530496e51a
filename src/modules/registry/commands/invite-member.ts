import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { isUniqueViolation } from '../../../app/db.js';
import { AppError, forbidden, notFound } from '../../../app/errors.js';
import { enqueue } from '../../../app/outbox.js';
import { createUser, getUserByEmail } from '../../accounts/index.js';
import { canInviteMember } from '../registry.policy.js';
import { getEntityForUpdate } from '../registry.repo.js';
import { invitation } from '../registry.tables.js';
import { createHash, randomBytes } from 'node:crypto';

const INVITE_DAYS = 14;
const hash = (t: string) => createHash('sha256').update(t).digest('hex');

/** An entity member invites a colleague; the token is returned once (and sent by the outbox's mailer). */
export async function inviteMember(ctx: Ctx, entityId: string, email: string) {
  const e = await getEntityForUpdate(ctx.tx, entityId);
  if (!e) throw notFound('entity', 'chủ thể');
  if (!canInviteMember(ctx.actor, e)) throw forbidden();
  if (await getUserByEmail(ctx.tx, email)) throw new AppError('conflict', 'email_taken', { vi: 'E-mail này đã có tài khoản', en: 'This e-mail already has an account' }, { field: 'email' });
  const [pending] = await ctx.tx.select().from(invitation)
    .where(and(eq(invitation.entityId, entityId), sql`lower(${invitation.email}) = lower(${email})`, isNull(invitation.acceptedAt), isNull(invitation.revokedAt)));
  if (pending && pending.expiresAt > ctx.now) throw invitationPending(pending.expiresAt);
  // An expired invitation to the same address is revoked (kept for the record) so a fresh one can be sent.
  if (pending) await ctx.tx.update(invitation).set({ revokedAt: ctx.now }).where(eq(invitation.tokenHash, pending.tokenHash));
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(ctx.now.getTime() + INVITE_DAYS * 86_400_000);
  await ctx.tx.insert(invitation).values({ tokenHash: hash(token), entityId, email, invitedBy: (ctx.actor as { id: string }).id, expiresAt })
    // Two invitations at the same moment both passed the check; the partial unique index lets one through.
    .catch((err: unknown) => { throw isUniqueViolation(err, 'invitation_one_pending_idx') ? invitationPending() : err; });
  await recordAudit(ctx, { action: 'entity.invite', recordType: 'entity', recordId: entityId, provinceCode: e.provinceCode, communeCode: e.communeCode, after: { email } });
  await enqueue(ctx.tx, 'invitation.created', { entityId, email, token, invitedBy: (ctx.actor as { id: string }).id });
  return { email, token, expiresAt: expiresAt.toISOString() };
}

const invitationPending = (expiresAt?: Date) => new AppError('conflict', 'invitation_pending', {
  vi: 'E-mail này đang có một lời mời chưa được chấp nhận', en: 'This e-mail already has a pending invitation',
}, { field: 'email', ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) });

export async function acceptInvitation(ctx: Ctx, input: { token: string; fullName: string; password: string }) {
  const [inv] = await ctx.tx.select().from(invitation)
    .where(and(eq(invitation.tokenHash, hash(input.token)), isNull(invitation.acceptedAt), isNull(invitation.revokedAt), gt(invitation.expiresAt, ctx.now))).for('update');
  if (!inv) throw new AppError('not_found', 'invitation_not_found', { vi: 'Lời mời không tồn tại hoặc đã hết hạn', en: 'The invitation does not exist or has expired' });
  const e = await getEntityForUpdate(ctx.tx, inv.entityId);
  const user = await createUser(ctx, {
    email: inv.email, fullName: input.fullName, password: input.password, role: 'entity',
    provinceCode: e!.provinceCode, communeCode: e!.communeCode, entityId: inv.entityId,
  }, { checkPolicy: false });
  await ctx.tx.update(invitation).set({ acceptedAt: ctx.now }).where(eq(invitation.tokenHash, inv.tokenHash));
  return user;
}
