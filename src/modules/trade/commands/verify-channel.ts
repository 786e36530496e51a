import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError } from '../../../app/errors.js';
import { canRejectChannel, canVerifyChannel, inScope } from '../channels.policy.js';
import { snapshot } from '../channels.present.js';
import { salesChannel } from '../trade.tables.js';
import { lockedChannel } from './_channel.js';

const mayDecide = (ctx: Ctx) => (c: Parameters<typeof inScope>[1]) => ctx.actor.kind === 'user' && (ctx.actor.role === 'commune' || ctx.actor.role === 'province') && inScope(ctx.actor, c);

/** The commune or province has seen the evidence: the channel counts from now on. */
export async function verifyChannel(ctx: Ctx, id: string, version: number) {
  const before = await lockedChannel(ctx, id, version, mayDecide(ctx));
  if (!canVerifyChannel(ctx.actor, before)) throw new AppError('conflict', 'channel_already_verified', { vi: 'Kênh bán hàng đã được xác nhận', en: 'The channel is already verified' });
  if (!before.evidenceFileId) throw new AppError('unprocessable', 'evidence_required', { vi: 'Chưa có minh chứng (hợp đồng) để xác nhận', en: 'No evidence (contract) to verify against' }, { field: 'evidence' });
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const [after] = await ctx.tx.update(salesChannel).set({ status: 'verified', statusReason: null, verifiedBy: actorId, verifiedAt: ctx.now, updatedAt: ctx.now, version: before.version + 1 }).where(eq(salesChannel.id, id)).returning();
  await recordAudit(ctx, { action: 'channel.verify', recordType: 'sales_channel', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshot(before), after: snapshot(after) });
  return after;
}

/** The evidence does not hold: the channel is rejected with the reason (the entity may correct it and resubmit). */
export async function rejectChannel(ctx: Ctx, id: string, version: number, reason: string) {
  const before = await lockedChannel(ctx, id, version, mayDecide(ctx));
  if (!canRejectChannel(ctx.actor, before)) throw new AppError('conflict', 'channel_already_rejected', { vi: 'Kênh bán hàng đã bị từ chối', en: 'The channel is already rejected' });
  const [after] = await ctx.tx.update(salesChannel).set({ status: 'rejected', statusReason: reason, verifiedBy: null, verifiedAt: null, updatedAt: ctx.now, version: before.version + 1 }).where(eq(salesChannel.id, id)).returning();
  await recordAudit(ctx, { action: 'channel.reject', recordType: 'sales_channel', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshot(before), after: snapshot(after) });
  return after;
}
