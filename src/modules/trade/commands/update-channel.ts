import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import type { updateChannelBody } from '../channels.contract.js';
import { snapshot } from '../channels.present.js';
import { statusAfterEdit } from '../channels.rules.js';
import { salesChannel } from '../trade.tables.js';
import { lockedChannel, priceNeedsProduct, productOfEntity } from './_channel.js';
import { invalidField } from '../../../app/errors.js';

/** The entity changes its channel (send the version read). A change of what the officer checked (type, partner,
 * link, product, dates, evidence) sends a verified or rejected channel back to the queue. */
export async function updateChannel(ctx: Ctx, id: string, input: z.infer<typeof updateChannelBody>) {
  const { version, ...changes } = input;
  const before = await lockedChannel(ctx, id, version);
  const productId = changes.productId === undefined ? before.productId : changes.productId;
  priceNeedsProduct(changes.priceVnd === undefined ? before.priceVnd : changes.priceVnd, productId);
  if (changes.productId) await productOfEntity(ctx, changes.productId, before.entityId);
  const startsOn = changes.startsOn ?? before.startsOn;
  const endsOn = changes.endsOn === undefined ? before.endsOn : changes.endsOn;
  if (endsOn && endsOn < startsOn) throw invalidField('endsOn', 'ends_before_start', { vi: 'Ngày kết thúc không thể trước ngày bắt đầu', en: 'The end date cannot precede the start date' });
  const status = statusAfterEdit(before, changes);
  const reset = status !== before.status ? { statusReason: null, verifiedBy: null, verifiedAt: null } : {};
  const [after] = await ctx.tx.update(salesChannel).set({ ...changes, status, ...reset, updatedAt: ctx.now, version: before.version + 1 }).where(eq(salesChannel.id, id)).returning();
  await recordAudit(ctx, { action: 'channel.update', recordType: 'sales_channel', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshot(before), after: snapshot(after) });
  return after;
}
