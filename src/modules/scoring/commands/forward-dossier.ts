// The commune proposes the dossier to the province (Điều 7.2.b); the date of the proposal sets the provincial round.
import type { Ctx } from '../../../app/actor.js';
import { enqueue } from '../../../app/outbox.js';
import { roundFor, vnDate } from '../deadlines.rules.js';
import { loadFor, saveDossier } from './_dossier.js';

export async function forwardDossier(ctx: Ctx, id: string, version: number) {
  const d = await loadFor(ctx, id, 'forward', version);
  const today = vnDate(ctx.now);
  const round = roundFor('province', today);
  const after = await saveDossier(ctx, d, { status: 'forwarded', forwardedOn: today, provinceFinishBefore: round.finishBefore }, 'forward', { round });
  await enqueue(ctx.tx, 'dossier.forwarded', { dossierId: d.id });
  return after;
}
