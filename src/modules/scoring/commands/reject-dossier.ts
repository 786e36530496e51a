// The dossier is rejected on one of its sheet's "Hồ sơ bị loại khi" conditions (forged dossier, no food-safety
// certificate, incomplete registration…) or on a criterion's knock-out note ("Bị loại nếu …"): exactly one of the two.
import type { Ctx } from '../../../app/actor.js';
import { invalidField } from '../../../app/errors.js';
import { knockOutNote } from '../deciding-notes.rules.js';
import { stageOf } from '../dossiers.policy.js';
import type { Stage } from '../dossiers.tables.js';
import { getSheet } from '../sheets.data.js';
import { actorId, loadFor, saveDossier } from './_dossier.js';

export async function rejectDossier(ctx: Ctx, id: string, input: { condition?: string; knockOut?: string; note?: string | null; version: number }) {
  const d = await loadFor(ctx, id, 'reject', input.version);
  const sheet = getSheet(d.sheet, d.instrument)!;
  if ((input.condition === undefined) === (input.knockOut === undefined)) {
    throw invalidField('condition', 'rejection_ground_required', {
      vi: 'Hãy nêu đúng một căn cứ loại hồ sơ: một điều kiện "Hồ sơ bị loại khi" của phiếu, hoặc một tiêu chí có ghi chú "Bị loại nếu"',
      en: 'Give exactly one ground: one of the sheet\'s rejection conditions, or one criterion with a knock-out note',
    });
  }
  let condition = input.condition;
  if (input.knockOut !== undefined) {
    condition = knockOutNote(sheet, input.knockOut);
    if (condition === undefined) {
      throw invalidField('knockOut', 'no_knock_out', {
        vi: `Tiêu chí ${input.knockOut} của phiếu số ${sheet.number} không có ghi chú loại`,
        en: `Criterion ${input.knockOut} of sheet ${sheet.number} has no knock-out note`,
      });
    }
  } else if (!sheet.rejectionConditions.includes(condition!)) {
    throw invalidField('condition', 'unknown_rejection_condition', {
      vi: `Điều kiện loại hồ sơ phải là một trong các điều kiện của phiếu số ${sheet.number}`,
      en: `The condition must be one of sheet ${sheet.number}'s rejection conditions`,
    });
  }
  const rejection = { condition: condition!, knockOut: input.knockOut ?? null, note: input.note ?? null, stage: stageOf(d.status) as Stage, by: actorId(ctx)!, at: ctx.now.toISOString() };
  return saveDossier(ctx, d, { status: 'rejected', rejection }, 'reject');
}
