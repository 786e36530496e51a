// Checks the plan's workflow commands share.
import { AppError } from '../../../app/errors.js';
import { mayStep, type VersionStep } from '../plans.rules.js';

/** Only the newest version moves, and only from the status before the step (409 with the newest version otherwise). */
export function refuseStep(step: VersionStep, latest: { number: number; status: string }, asked: number) {
  const ok = mayStep(step, latest, asked);
  if (ok === 'not_latest') throw new AppError('conflict', 'stale_version', { vi: 'Kế hoạch đã có phiên bản mới hơn; hãy tải lại', en: 'The plan has a newer version; reload' }, { currentVersion: latest.number });
  if (ok === 'wrong_status') {
    throw new AppError('conflict', step === 'submit' ? 'plan_not_draft' : 'plan_not_submitted',
      step === 'submit' ? { vi: 'Chỉ gửi duyệt được bản dự thảo', en: 'Only a draft can be submitted' } : { vi: 'Chỉ phê duyệt được bản đã gửi duyệt', en: 'Only a submitted version can be approved' },
      { planStatus: latest.status });
  }
}
