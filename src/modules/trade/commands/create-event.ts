import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden } from '../../../app/errors.js';
import type { createEventBody } from '../fairs.contract.js';
import { organiserScope } from '../fairs.policy.js';
import { snapshotOf } from '../fairs.present.js';
import { tradeEvent } from '../fairs.tables.js';
import { actorId } from './_fairs.js';

/** An office announces an event at its own level: the central office national ones, a province's office its
 * province's, a commune its own. */
export async function createEvent(ctx: Ctx, input: z.infer<typeof createEventBody>) {
  const scope = organiserScope(ctx.actor);
  if (!scope) throw forbidden();
  const [row] = await ctx.tx.insert(tradeEvent).values({
    ...scope, kind: input.kind, name: input.name, organiser: input.organiser, venue: input.venue, country: input.country,
    venueProvinceCode: input.country === 'VN' ? input.venueProvinceCode ?? null : input.venueProvinceCode ?? null,
    startsOn: input.startsOn, endsOn: input.endsOn, registrationDeadline: input.registrationDeadline ?? null, booths: input.booths ?? null,
    description: input.description ?? null, status: input.status ?? 'published', createdBy: actorId(ctx), createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'trade_event.create', recordType: 'trade_event', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: snapshotOf(row) });
  return row;
}
