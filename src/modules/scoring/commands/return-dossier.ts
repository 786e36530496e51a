// Returned for completion (hoàn thiện hồ sơ) with reasons, by the commune, the province office or the Ministry's office.
// The office may also cite criteria whose knock-out note ("Bị loại nếu …") it found met, checked against the sheet.
// The entity edits and resubmits; every return is kept with its reasons.
import type { Ctx } from '../../../app/actor.js';
import { enqueue } from '../../../app/outbox.js';
import { assertFindings } from '../deciding-notes.rules.js';
import { dossierReturn, type Stage } from '../dossiers.tables.js';
import { stageOf } from '../dossiers.policy.js';
import { getSheet } from '../sheets.data.js';
import { actorId, loadFor, saveDossier } from './_dossier.js';

export async function returnDossier(ctx: Ctx, id: string, input: { reasons: string[]; knockOuts?: string[]; version: number }) {
  const d = await loadFor(ctx, id, 'return', input.version);
  const knockOuts = input.knockOuts ?? [];
  assertFindings(getSheet(d.sheet, d.instrument)!, {}, { knockOuts });
  const stage = stageOf(d.status) as Stage;
  await ctx.tx.insert(dossierReturn).values({ dossierId: d.id, stage, reasons: input.reasons, knockOuts, returnedAt: ctx.now, returnedBy: actorId(ctx) });
  const after = await saveDossier(ctx, d, { status: 'returned', returnedStage: stage }, 'return', { stage, reasons: input.reasons, knockOuts });
  await enqueue(ctx.tx, 'dossier.returned', { dossierId: d.id, reasons: input.reasons });
  return after;
}
