import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError } from '../../../app/errors.js';
import { vnDate } from '../../scoring/index.js';
import type { resultsBody } from '../fairs.contract.js';
import { mayReportResults } from '../fairs.policy.js';
import { snapshotOf } from '../fairs.present.js';
import { lockEvent, lockRegistration } from '../fairs.repo.js';
import { resultsOpen } from '../fairs.rules.js';
import { eventRegistration } from '../fairs.tables.js';
import { actorId, checked } from './_fairs.js';

/** After the event (from its first day), the entity or the organising office reports what it brought: sales in
 * đồng, contracts signed, new partners. A later report replaces an earlier one (the audit trail keeps both). */
export async function reportResults(ctx: Ctx, id: string, input: z.infer<typeof resultsBody>) {
  const reg = await lockRegistration(ctx.tx, id);
  const event = reg ? await lockEvent(ctx.tx, reg.eventId) : undefined;
  const before = checked(reg, ['registration', 'đăng ký'], (r) => mayReportResults(ctx.actor, r, event!), input.version);
  if (before.status !== 'approved') throw new AppError('conflict', 'registration_not_approved', { vi: 'Chỉ báo cáo kết quả cho đăng ký đã được duyệt', en: 'Results are reported for an approved registration only' });
  if (!resultsOpen(event!, vnDate(ctx.now))) throw new AppError('conflict', 'event_not_started', { vi: 'Sự kiện chưa diễn ra', en: 'The event has not started yet' });
  const [after] = await ctx.tx.update(eventRegistration).set({
    salesVnd: input.salesVnd, contracts: input.contracts, newPartners: input.newPartners, resultsNote: input.note ?? null,
    resultsBy: actorId(ctx), resultsAt: ctx.now, updatedAt: ctx.now, version: before.version + 1,
  }).where(eq(eventRegistration.id, id)).returning();
  await recordAudit(ctx, { action: 'trade_event.results', recordType: 'trade_event_registration', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshotOf(before), after: snapshotOf(after) });
  return after;
}
