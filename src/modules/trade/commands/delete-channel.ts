import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { snapshot } from '../channels.present.js';
import { salesChannel } from '../trade.tables.js';
import { lockedChannel } from './_channel.js';

/** The entity removes a channel it no longer has (the audit trail keeps what it was). */
export async function deleteChannel(ctx: Ctx, id: string, version: number) {
  const before = await lockedChannel(ctx, id, version);
  await ctx.tx.delete(salesChannel).where(eq(salesChannel.id, id));
  await recordAudit(ctx, { action: 'channel.delete', recordType: 'sales_channel', recordId: id, provinceCode: before.provinceCode, communeCode: before.communeCode, before: snapshot(before) });
}
