import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { invalidField } from '../../../app/errors.js';
import type { updateEventBody } from '../fairs.contract.js';
import { organises } from '../fairs.policy.js';
import { snapshotOf } from '../fairs.present.js';
import { boothsTaken, lockEvent } from '../fairs.repo.js';
import { tradeEvent } from '../fairs.tables.js';
import { checked } from './_fairs.js';

/** The organiser changes its event (dates, place, booths), publishes a draft or cancels it. */
export async function updateEvent(ctx: Ctx, id: string, input: z.infer<typeof updateEventBody>) {
  const { version, ...changes } = input;
  const before = checked(await lockEvent(ctx.tx, id), ['trade_event', 'sự kiện xúc tiến thương mại'], (e) => organises(ctx.actor, e), version);
  const next = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as typeof before;
  if (next.endsOn < next.startsOn) throw invalidField('endsOn', 'ends_before_start', { vi: 'Ngày kết thúc không thể trước ngày bắt đầu', en: 'The last day cannot precede the first' });
  if (next.registrationDeadline && next.registrationDeadline > next.endsOn) throw invalidField('registrationDeadline', 'deadline_after_event', { vi: 'Hạn đăng ký không thể sau khi sự kiện kết thúc', en: 'The registration deadline cannot follow the event' });
  if (next.country === 'VN' && !next.venueProvinceCode) throw invalidField('venueProvinceCode', 'venue_province_required', { vi: 'Cần chọn tỉnh nơi tổ chức', en: 'The province of a venue in Việt Nam is required' });
  if (next.booths !== null && next.booths < await boothsTaken(ctx.tx, id)) throw invalidField('booths', 'booths_below_taken', { vi: 'Số gian hàng ít hơn số gian đã xếp', en: 'Fewer booths than already assigned' });
  if (before.status !== 'draft' && next.status === 'draft') throw invalidField('status', 'cannot_unpublish', { vi: 'Sự kiện đã công bố không thể trở lại bản nháp (hãy hủy)', en: 'A published event cannot go back to draft (cancel it)' });
  const [after] = await ctx.tx.update(tradeEvent).set({ ...changes, updatedAt: ctx.now, version: before.version + 1 }).where(eq(tradeEvent.id, id)).returning();
  await recordAudit(ctx, { action: 'trade_event.update', recordType: 'trade_event', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshotOf(before), after: snapshotOf(after) });
  return after;
}
