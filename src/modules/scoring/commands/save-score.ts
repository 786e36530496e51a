// A member's own score on one product: saved as often as needed, then submitted. Every save is a revision (who, when,
// what changed). A submitted score is final unless the chair asks for re-scoring. Only present, unconflicted scoring
// members of an open session may score.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, notFound, staleVersion } from '../../../app/errors.js';
import { scores } from '../councils.policy.js';
import { getScoreForUpdate, listItems } from '../councils.repo.js';
import { memberScore, scoreRevision } from '../councils.tables.js';
import { RULES } from '../rules.data.js';
import type { Conditions } from '../deciding-notes.rules.js';
import { evaluate } from '../scoring.rules.js';
import { getSheet } from '../sheets.data.js';
import { isConflicted, loadOpenableSession, me } from './_council.js';

export async function saveScore(ctx: Ctx, sessionId: string, itemId: string, input: { answers: Record<string, string>; knockOuts?: string[]; conditions?: Conditions; comment?: string | null; submit: boolean; version?: number }) {
  const { session, council, member } = await loadOpenableSession(ctx, sessionId);
  const userId = me(ctx)!;
  if (!scores(member)) throw forbidden('not_a_scoring_member');
  if (session.status !== 'open') throw new AppError('conflict', 'session_not_open', { vi: 'Phiên họp chưa mở', en: 'The session is not open yet' });
  if (!session.present.includes(userId)) throw forbidden('not_present');
  const [item] = await listItems(ctx.tx, sessionId, itemId);
  if (!item) throw notFound('item', 'sản phẩm trong phiên họp');
  if (await isConflicted(ctx, council.id, userId, item.entityId)) {
    throw new AppError('forbidden', 'conflict_of_interest', { vi: 'Bạn có xung đột lợi ích với chủ thể này nên không được chấm điểm sản phẩm', en: 'You have a conflict of interest with this entity and may not score its product' });
  }
  const before = await getScoreForUpdate(ctx.tx, itemId, userId);
  // Ticks and facts left out of a save keep what was saved before (a member may save answers and ticks separately).
  const knockOuts = input.knockOuts ?? before?.knockOuts ?? [];
  const conditions = input.conditions ?? before?.conditions ?? {};
  const ev = evaluate(getSheet(item.sheet, item.instrument)!, input.answers, RULES, council.settings.minimumMiss, { knockOuts, conditions });
  if (before?.status === 'submitted') throw new AppError('conflict', 'score_already_submitted', { vi: 'Bạn đã nộp phiếu chấm; chỉ Chủ tịch Hội đồng mới yêu cầu chấm lại', en: 'Your score is submitted; only the chair can ask for re-scoring' });
  if (before && input.version !== undefined && input.version !== before.version) throw staleVersion(before.version);
  const values = {
    answers: input.answers, knockOuts, conditions, total: ev.total, parts: ev.parts, stars: ev.stars, comment: input.comment ?? before?.comment ?? null,
    status: input.submit ? 'submitted' as const : 'draft' as const, submittedAt: input.submit ? ctx.now : null, updatedAt: ctx.now,
  };
  const [row] = before
    ? await ctx.tx.update(memberScore).set({ ...values, version: before.version + 1 }).where(eq(memberScore.id, before.id)).returning()
    : await ctx.tx.insert(memberScore).values({ itemId, userId, round: item.item.rescoreRound, ...values }).returning();
  const old = before?.answers ?? {};
  const codes = [...new Set([...Object.keys(old), ...Object.keys(input.answers)])].sort();
  const changed = codes.filter((c) => old[c] !== input.answers[c]).map((c) => ({ code: c, from: old[c] ?? null, to: input.answers[c] ?? null }));
  await ctx.tx.insert(scoreRevision).values({ scoreId: row.id, version: row.version, at: ctx.now, byUser: userId, action: input.submit ? 'submit' : 'save', answers: input.answers, knockOuts, total: ev.total, changed });
  await recordAudit(ctx, { action: input.submit ? 'score.submit' : 'score.save', recordType: 'member_score', recordId: row.id, provinceCode: council.provinceCode, after: { itemId, total: ev.total, version: row.version, changed: changed.map((c) => c.code), knockOuts, conditions } });
  return row;
}
