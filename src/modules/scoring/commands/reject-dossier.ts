// The dossier is rejected on one of its sheet's "Hồ sơ bị loại khi" conditions (forged dossier, no food-safety
// certificate, incomplete registration…).
import type { Ctx } from '../../../app/actor.js';
import { invalidField } from '../../../app/errors.js';
import { stageOf } from '../dossiers.policy.js';
import type { Stage } from '../dossiers.tables.js';
import { getSheet } from '../sheets.data.js';
import { actorId, loadFor, saveDossier } from './_dossier.js';

export async function rejectDossier(ctx: Ctx, id: string, input: { condition: string; note?: string | null; version: number }) {
  const d = await loadFor(ctx, id, 'reject', input.version);
  const sheet = getSheet(d.sheet, d.instrument)!;
  if (!sheet.rejectionConditions.includes(input.condition)) {
    throw invalidField('condition', 'unknown_rejection_condition', {
      vi: `Điều kiện loại hồ sơ phải là một trong các điều kiện của phiếu số ${sheet.number}`,
      en: `The condition must be one of sheet ${sheet.number}'s rejection conditions`,
    });
  }
  const rejection = { condition: input.condition, note: input.note ?? null, stage: stageOf(d.status) as Stage, by: actorId(ctx)!, at: ctx.now.toISOString() };
  return saveDossier(ctx, d, { status: 'rejected', rejection }, 'reject');
}
