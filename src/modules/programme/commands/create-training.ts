import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, invalidField } from '../../../app/errors.js';
import { getCommune } from '../../geo/index.js';
import type { createTrainingBody, updateTrainingBody } from '../trainings.contract.js';
import { canOrganise, type Area } from '../trainings.policy.js';
import { trainingSnapshot } from '../trainings.present.js';
import { training } from '../trainings.tables.js';
import { lockedTraining } from './_training.js';

/** An office organises a training, workshop or study tour in its own area. */
export async function createTraining(ctx: Ctx, input: z.infer<typeof createTrainingBody>) {
  if (ctx.actor.kind !== 'user') throw forbidden();
  let area: Area;
  if (input.level === 'national') area = { level: 'national', provinceCode: null, communeCode: null };
  else if (input.level === 'province') area = { level: 'province', provinceCode: ctx.actor.provinceCode, communeCode: null };
  else {
    const code = input.communeCode ?? ctx.actor.communeCode;
    const c = code ? await getCommune(ctx.tx, code) : undefined;
    if (!c) throw invalidField('communeCode', 'commune_required', { vi: 'Cần chọn xã tổ chức', en: 'Choose the commune it is held for' });
    area = { level: 'commune', provinceCode: c.provinceCode, communeCode: c.code };
  }
  if (!canOrganise(ctx.actor, area)) throw forbidden('training_outside_scope');
  const [row] = await ctx.tx.insert(training).values({
    kind: input.kind, title: input.title, topic: input.topic, ...area, startsOn: input.startsOn, endsOn: input.endsOn, place: input.place,
    trainers: input.trainers ?? null, budgetVnd: input.budgetVnd ?? null, description: input.description ?? null,
    organiserId: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'training.create', recordType: 'training', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: trainingSnapshot(row) });
  return row;
}

/** The managing office changes the event (or cancels it: cancelled true). */
export async function updateTraining(ctx: Ctx, id: string, input: z.infer<typeof updateTrainingBody>) {
  const { version, ...changes } = input;
  const before = await lockedTraining(ctx, id, version);
  const startsOn = changes.startsOn ?? before.startsOn;
  const endsOn = changes.endsOn ?? before.endsOn;
  if (endsOn < startsOn) throw invalidField('endsOn', 'ends_before_start', { vi: 'Ngày kết thúc không thể trước ngày bắt đầu', en: 'The end date cannot precede the start date' });
  const [after] = await ctx.tx.update(training).set({ ...changes, updatedAt: ctx.now, version: before.version + 1 }).where(eq(training.id, id)).returning();
  await recordAudit(ctx, { action: changes.cancelled && !before.cancelled ? 'training.cancel' : 'training.update', recordType: 'training', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: trainingSnapshot(before), after: trainingSnapshot(after) });
  return after;
}
