// Records that a dossier was filed before QĐ 26/2026/QĐ-TTg took effect, under the instrument then in force (QĐ
// 148/QĐ-TTg as amended by QĐ 1489/QĐ-TTg), e.g. when a province brings in its dossiers pending on 22/05/2026 or in
// the demo data. Điều 12.2 then gives it a transition deadline: 60 days from 22/05/2026 for a first rating or an
// upgrade, 30 for a re-rating. The province office (or the central office) of the dossier's province records it.
import type { Ctx } from '../../../app/actor.js';
import { forbidden, invalidField, notFound } from '../../../app/errors.js';
import { transitionDueOn } from '../deadlines.rules.js';
import { canReadDossier } from '../dossiers.policy.js';
import { getDossierForUpdate } from '../dossiers.repo.js';
import { RULES } from '../rules.data.js';
import { saveDossier } from './_dossier.js';

export async function recordTransitionFiling(ctx: Ctx, id: string, input: { filedUnder: string; filedOn: string }) {
  const d = await getDossierForUpdate(ctx.tx, id);
  if (!d || !canReadDossier(ctx.actor, d)) throw notFound('dossier', 'hồ sơ');
  const a = ctx.actor;
  if (a.kind !== 'user' || !(a.role === 'central' || (a.role === 'province' && a.provinceCode === d.provinceCode))) throw forbidden();
  const earlier = RULES.transition.instruments.find((i) => i.code === input.filedUnder && i.code !== RULES.instrument);
  if (!earlier) {
    throw invalidField('filedUnder', 'unknown_instrument', { vi: 'Văn bản không phải là quy định trước QĐ 26/2026/QĐ-TTg', en: 'Not an instrument in force before QĐ 26/2026/QĐ-TTg' });
  }
  const effectiveOn = RULES.transition.pendingDossiers.effectiveOn;
  if (!(input.filedOn < effectiveOn && input.filedOn >= earlier.date)) {
    throw invalidField('filedOn', 'not_before_effective', {
      vi: `Ngày nộp phải trước ngày 22/05/2026 và trong thời gian ${earlier.code} còn hiệu lực`,
      en: `The filing date must be before 22/05/2026 and while ${earlier.code} was in force`,
    });
  }
  if (d.status === 'draft' || ['certified', 'not_recognised', 'rejected'].includes(d.status)) {
    throw invalidField('status', 'not_pending', { vi: 'Chỉ hồ sơ đã nộp, chưa có kết quả mới thuộc diện chuyển tiếp', en: 'Only a filed dossier not yet decided is pending' });
  }
  const due = transitionDueOn({ type: d.type, filedUnder: input.filedUnder, filedOn: input.filedOn });
  return saveDossier(ctx, d, { filedUnder: input.filedUnder, submittedOn: input.filedOn, transitionDueOn: due }, 'record_transition_filing', { filedUnder: input.filedUnder, filedOn: input.filedOn, transitionDueOn: due });
}
