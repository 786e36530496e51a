import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, invalidField, notFound } from '../../../app/errors.js';
import type { decideBody } from '../fairs.contract.js';
import { organises } from '../fairs.policy.js';
import { snapshotOf } from '../fairs.present.js';
import { boothHolder, boothsTaken, lockEvent, lockRegistration } from '../fairs.repo.js';
import { boothAvailable, boothLabel } from '../fairs.rules.js';
import { eventRegistration } from '../fairs.tables.js';
import { actorId, checked } from './_fairs.js';

/** The organising office approves a registration (and gives it a booth, one entity's per event) or rejects it with
 * the reason. The event is locked first, so two approvals cannot take the last booth or the same one together. */
export async function decideRegistration(ctx: Ctx, id: string, input: z.infer<typeof decideBody>) {
  const reg = await lockRegistration(ctx.tx, id);
  const event = reg ? await lockEvent(ctx.tx, reg.eventId) : undefined;
  const before = checked(reg, ['registration', 'đăng ký'], () => organises(ctx.actor, event!), input.version);
  if (!event) throw notFound('trade_event', 'sự kiện');
  if (event.status === 'cancelled') throw new AppError('conflict', 'event_cancelled', { vi: 'Sự kiện đã bị hủy', en: 'The event is cancelled' });
  const decided = { decidedBy: actorId(ctx), decidedAt: ctx.now, updatedAt: ctx.now, version: before.version + 1 };
  let set;
  if (input.decision === 'reject') {
    if (before.status === 'rejected') throw new AppError('conflict', 'registration_already_rejected', { vi: 'Đăng ký đã bị từ chối', en: 'The registration is already rejected' });
    set = { status: 'rejected' as const, statusReason: input.reason!, booth: null, ...decided };
  } else {
    const booth = input.booth ? boothLabel(input.booth) : before.booth;
    if (booth && booth !== before.booth) {
      const holder = await boothHolder(ctx.tx, event.id, booth);
      if (holder && holder.id !== id) throw invalidField('booth', 'booth_taken', { vi: `Gian hàng ${booth} đã xếp cho chủ thể khác`, en: `Booth ${booth} is already assigned` });
      if (!before.booth && !boothAvailable(event.booths, await boothsTaken(ctx.tx, event.id))) throw new AppError('conflict', 'no_booth_left', { vi: 'Đã hết gian hàng', en: 'No booth left' }, { field: 'booth' });
    }
    if (before.status === 'approved' && booth === before.booth) throw new AppError('conflict', 'registration_already_approved', { vi: 'Đăng ký đã được duyệt', en: 'The registration is already approved' });
    set = { status: 'approved' as const, statusReason: null, booth, ...decided };
  }
  const [after] = await ctx.tx.update(eventRegistration).set(set).where(eq(eventRegistration.id, id)).returning();
  await recordAudit(ctx, { action: `trade_event.${input.decision}`, recordType: 'trade_event_registration', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshotOf(before), after: snapshotOf(after) });
  return after;
}
