// The entity edits its dossier while it is a draft or was returned for completion; a change of type (drafts only)
// obeys the same rule as opening the dossier with that type.
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { invalidField } from '../../../app/errors.js';
import type { updateDossierBody } from '../dossiers.contract.js';
import { assertFindings } from '../deciding-notes.rules.js';
import { assertAnswers } from '../scoring.rules.js';
import { getSheet } from '../sheets.data.js';
import { getProduct } from '../../registry/index.js';
import { assertTypeFitsProduct } from './_dossier-type.js';
import { loadFor, saveDossier } from './_dossier.js';
import { clean } from './create-dossier.js';

export async function updateDossier(ctx: Ctx, id: string, input: z.infer<typeof updateDossierBody>) {
  const d = await loadFor(ctx, id, 'edit', input.version);
  // A change of type is checked as if the dossier were opened with it; restating the current type is not a change.
  // Once filed, the type is part of the filing: a returned re-rating turned into an upgrade would keep its certificate's
  // Điều 12.3 extension, and an upgrade turned into a re-rating would skip the filing window of Điều 7.6.a.
  if (input.type && input.type !== d.type) {
    if (d.status !== 'draft') throw invalidField('type', 'type_fixed_after_filing', { vi: 'Hồ sơ đã nộp không thể đổi loại đề nghị; hãy giữ loại đã nộp', en: 'A filed dossier keeps the type it was filed with' });
    await assertTypeFitsProduct(ctx, (await getProduct(ctx.tx, d.productId))!.product, input.type);
  }
  const sheet = getSheet(d.sheet, d.instrument)!;
  if (input.answers) assertAnswers(sheet, input.answers);
  const knockOuts = input.knockOuts ?? d.knockOuts;
  const conditions = input.conditions ?? d.conditions;
  assertFindings(sheet, input.answers ?? d.answers, { knockOuts: input.knockOuts, conditions });
  return saveDossier(ctx, d, {
    type: input.type ?? d.type,
    registration: { ...d.registration, ...clean(input.registration) },
    selfReport: { ...d.selfReport, ...clean(input.selfReport) },
    answers: input.answers ?? d.answers,
    answerNotes: input.answerNotes ?? d.answerNotes,
    knockOuts, conditions,
  }, 'update');
}
