// Puts a dossier on a session's agenda: a provincial council takes dossiers through the advisory review of its
// province, the central council those the Ministry's office accepted. The dossier moves to council scoring.
// A session by written opinion takes only the dossiers the decree lets a council evaluate in writing (re-rating).
import { count, eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField } from '../../../app/errors.js';
import { canAddItem } from '../councils.policy.js';
import { sessionItem } from '../councils.tables.js';
import { procedureRules } from '../deadlines.rules.js';
import { loadFor, saveDossier } from './_dossier.js';
import { assertInOffice, loadOpenableSession } from './_council.js';

export async function addSessionItem(ctx: Ctx, sessionId: string, input: { dossierId: string; version: number }) {
  const { session, council } = await loadOpenableSession(ctx, sessionId);
  if (!canAddItem(ctx.actor, council)) throw forbidden();
  assertInOffice(council);
  const d = await loadFor(ctx, input.dossierId, 'schedule', input.version);
  const wrongCouncil = council.level === 'central' ? d.status !== 'central_advisory' : d.status !== 'advisory_review' || d.provinceCode !== council.provinceCode;
  if (wrongCouncil) throw invalidField('dossierId', 'dossier_not_for_this_council', { vi: 'Hồ sơ không thuộc thẩm quyền của hội đồng này', en: 'This dossier is not for this council' });
  const written = procedureRules().writtenOpinion;
  if (session.mode === 'written' && !written.dossierTypes.includes(d.type)) {
    throw new AppError('unprocessable', 'written_session_rerating_only', {
      vi: 'Phiên lấy ý kiến bằng văn bản chỉ dành cho hồ sơ đánh giá, phân hạng lại; hồ sơ này cần một phiên họp trực tiếp',
      en: 'A written-opinion session takes re-rating dossiers only; this dossier needs a meeting',
    }, { field: 'dossierId', dossierType: d.type, allowed: written.dossierTypes, source: written.source });
  }
  const [{ n }] = await ctx.tx.select({ n: count() }).from(sessionItem).where(eq(sessionItem.sessionId, sessionId));
  const [item] = await ctx.tx.insert(sessionItem).values({ sessionId, dossierId: d.id, position: Number(n) + 1 }).returning();
  await saveDossier(ctx, d, { status: council.level === 'central' ? 'central_scoring' : 'council_scoring' }, 'schedule', { sessionId, itemId: item.id });
  await recordAudit(ctx, { action: 'session.add_item', recordType: 'council_session', recordId: sessionId, provinceCode: council.provinceCode, after: item });
  return item;
}
