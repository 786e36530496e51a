// Returned for completion (hoàn thiện hồ sơ) with reasons, by the commune, the province office or the Ministry's office.
// The entity edits and resubmits; every return is kept with its reasons.
import type { Ctx } from '../../../app/actor.js';
import { dossierReturn, type Stage } from '../dossiers.tables.js';
import { stageOf } from '../dossiers.policy.js';
import { actorId, loadFor, saveDossier } from './_dossier.js';

export async function returnDossier(ctx: Ctx, id: string, input: { reasons: string[]; version: number }) {
  const d = await loadFor(ctx, id, 'return', input.version);
  const stage = stageOf(d.status) as Stage;
  await ctx.tx.insert(dossierReturn).values({ dossierId: d.id, stage, reasons: input.reasons, returnedAt: ctx.now, returnedBy: actorId(ctx) });
  return saveDossier(ctx, d, { status: 'returned', returnedStage: stage }, 'return', { stage, reasons: input.reasons });
}
