// Schedules a council session (phiên họp): a meeting, or by written opinion for re-rating (Điều 7 khoản 6 điểm d, e);
// dossiers are then put on its agenda.
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { enqueue } from '../../../app/outbox.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden } from '../../../app/errors.js';
import type { createSessionBody } from '../councils.contract.js';
import { canRunSession } from '../councils.policy.js';
import { councilSession } from '../councils.tables.js';
import { assertInOffice, loadCouncil } from './_council.js';

export async function createSession(ctx: Ctx, councilId: string, input: z.input<typeof createSessionBody>) {
  const { council, member } = await loadCouncil(ctx, councilId);
  if (!canRunSession(ctx.actor, council, member)) throw forbidden();
  assertInOffice(council);
  const [row] = await ctx.tx.insert(councilSession).values({
    councilId, title: input.title, scheduledOn: input.scheduledOn, location: input.location ?? null, mode: input.mode ?? 'meeting', present: [], createdAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'session.create', recordType: 'council_session', recordId: row.id, provinceCode: council.provinceCode, after: row });
  await enqueue(ctx.tx, 'session.scheduled', { sessionId: row.id, councilId });
  return row;
}
