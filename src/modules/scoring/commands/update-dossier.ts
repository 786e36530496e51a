// The entity edits its dossier while it is a draft or was returned for completion.
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import type { updateDossierBody } from '../dossiers.contract.js';
import { assertAnswers } from '../scoring.rules.js';
import { getSheet } from '../sheets.data.js';
import { loadFor, saveDossier } from './_dossier.js';
import { clean } from './create-dossier.js';

export async function updateDossier(ctx: Ctx, id: string, input: z.infer<typeof updateDossierBody>) {
  const d = await loadFor(ctx, id, 'edit', input.version);
  if (input.answers) assertAnswers(getSheet(d.sheet, d.instrument)!, input.answers);
  return saveDossier(ctx, d, {
    type: input.type ?? d.type,
    registration: { ...d.registration, ...clean(input.registration) },
    selfReport: { ...d.selfReport, ...clean(input.selfReport) },
    answers: input.answers ?? d.answers,
    answerNotes: input.answerNotes ?? d.answerNotes,
  }, 'update');
}
