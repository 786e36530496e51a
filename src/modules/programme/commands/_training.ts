// Checks the training commands share.
import type { Ctx } from '../../../app/actor.js';
import { AppError, forbidden, notFound, staleVersion } from '../../../app/errors.js';
import { canManage } from '../trainings.policy.js';
import { getTrainingForUpdate } from '../trainings.repo.js';
import type { TrainingRow } from '../trainings.tables.js';

export async function lockedTraining(ctx: Ctx, id: string, version?: number, may: (t: TrainingRow) => boolean = (t) => canManage(ctx.actor, t)) {
  const t = await getTrainingForUpdate(ctx.tx, id);
  if (!t) throw notFound('training', 'lớp tập huấn');
  if (!may(t)) throw forbidden();
  if (version !== undefined && t.version !== version) throw staleVersion(t.version);
  return t;
}

export const cancelledTraining = () => new AppError('conflict', 'training_cancelled', { vi: 'Lớp tập huấn đã bị hủy', en: 'The training was cancelled' });
