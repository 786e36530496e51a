// The competent authority's decision on the council's result (Điều 7.3.e, 7.4.e–g), as planned by decision.rules.ts:
//  - province, on its council's result: ≥ 90 → approve and send to the Ministry's central council; 3★/4★ → certify;
//    otherwise not recognised (1–2★ get no decision and no certificate);
//  - Ministry, on its central council's 5★ result → certify 5★;
//  - province, on a central result below 5★ → certify 3★/4★ on that result, or not recognised.
import type { Ctx } from '../../../app/actor.js';
import { enqueue } from '../../../app/outbox.js';
import { roundFor, vnDate } from '../deadlines.rules.js';
import { plannedDecision } from '../decision.rules.js';
import type { Decision } from '../dossiers.tables.js';
import { RULES } from '../rules.data.js';
import { actorId, loadFor, saveDossier } from './_dossier.js';
import { certifyDossier } from './certify-dossier.js';

export async function decideDossier(ctx: Ctx, id: string, input: { decisionNumber: string; decisionDate: string; version: number }) {
  const d = await loadFor(ctx, id, 'decide', input.version);
  const base = { decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, decidedBy: actorId(ctx)!, decidedAt: ctx.now.toISOString() };
  // The policy offers 'decide' only on a council result, so there is always a plan here.
  const plan = plannedDecision(d, RULES)!;

  if (plan.outcome === 'sent_to_central') {
    const today = vnDate(ctx.now);
    const decision: Decision = { level: 'province', outcome: 'sent_to_central', stars: plan.stars, basis: 'province_council', ...base };
    const after = await saveDossier(ctx, d, { status: 'sent_to_central', decision, sentToCentralOn: today, centralFinishBefore: roundFor('central', today).finishBefore }, 'decide');
    await enqueue(ctx.tx, 'dossier.decided', { dossierId: d.id, outcome: 'sent_to_central', stars: plan.stars });
    return after;
  }
  const level = plan.basis === 'central_council' && ctx.actor.kind === 'user' && ctx.actor.role === 'central' ? 'central' : 'province';
  return finish(ctx, d, plan.outcome === 'certified' ? plan.stars : null, { level, basis: plan.basis, ...base });
}

async function finish(ctx: Ctx, d: Parameters<typeof saveDossier>[1], stars: number | null, partial: Omit<Decision, 'outcome' | 'stars'>) {
  if (stars === null) {
    const after = await saveDossier(ctx, d, { status: 'not_recognised', decision: { ...partial, outcome: 'not_recognised', stars: null } }, 'decide');
    await enqueue(ctx.tx, 'dossier.decided', { dossierId: d.id, outcome: 'not_recognised', stars: null });
    return after;
  }
  const decision: Decision = { ...partial, outcome: 'certified', stars };
  const certificateNumber = await certifyDossier(ctx, d, stars, decision);
  const after = await saveDossier(ctx, d, { status: 'certified', stars, decision, certificateNumber }, 'decide');
  await enqueue(ctx.tx, 'dossier.decided', { dossierId: d.id, outcome: 'certified', stars });
  return after;
}
