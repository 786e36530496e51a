// The province office (or the Ministry's office for the central stage) finds the dossier complete and hands it to
// the advisory team (Tổ tư vấn). That day is the day the complete dossier is received: for a re-rating it starts the
// 45 days the re-rating may take at that level (Điều 7.6.g), counted again if a return made the dossier incomplete.
import type { Ctx } from '../../../app/actor.js';
import { enqueue } from '../../../app/outbox.js';
import { reRatingDueOn, vnDate } from '../deadlines.rules.js';
import { loadFor, saveDossier } from './_dossier.js';

export async function acceptDossier(ctx: Ctx, id: string, version: number) {
  const d = await loadFor(ctx, id, 'accept', version);
  const today = vnDate(ctx.now);
  const central = d.status === 'sent_to_central';
  const received = central ? { centralReceivedOn: today } : { provinceReceivedOn: today };
  const due = d.type === 'rerating' ? { reratingDueOn: reRatingDueOn(today) } : {};
  const after = await saveDossier(ctx, d, { status: central ? 'central_advisory' : 'advisory_review', ...received, ...due }, 'accept');
  await enqueue(ctx.tx, 'dossier.accepted', { dossierId: d.id });
  return after;
}
