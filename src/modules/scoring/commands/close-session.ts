// Closes the session: in a meeting, every present scoring member (not conflicted) has submitted a score for every
// product; by written opinion, at least the council's quorum share of the scoring members asked has, on every product.
// And no two members are further apart than the council's spread setting: a meeting re-scores, a written session is
// converted to a meeting first (Điều 7 khoản 6 điểm d). The council's result (mean, parts, stars from the rules with
// the council's minimum settings) goes to each dossier; from now on nothing in the session changes.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, staleVersion } from '../../../app/errors.js';
import { canRunSession, expectedScorers } from '../councils.policy.js';
import { listConflicts, listItems, listMembers, listScores } from '../councils.repo.js';
import { councilSession, sessionItem, type ItemResult } from '../councils.tables.js';
import { getDossierForUpdate } from '../dossiers.repo.js';
import type { CouncilResult } from '../dossiers.tables.js';
import { RULES } from '../rules.data.js';
import { evaluateCouncil, requiredScores, spreadCheck } from '../scoring.rules.js';
import { getSheet } from '../sheets.data.js';
import { saveDossier } from './_dossier.js';
import { loadOpenableSession } from './_council.js';

export async function closeSession(ctx: Ctx, sessionId: string, input: { minutesNote?: string | null; version: number }) {
  const { session, council, member } = await loadOpenableSession(ctx, sessionId);
  if (!canRunSession(ctx.actor, council, member)) throw forbidden();
  if (session.version !== input.version) throw staleVersion(session.version);
  if (session.status !== 'open') throw new AppError('conflict', 'session_not_open', { vi: 'Phiên họp chưa mở', en: 'The session is not open yet' });
  const [members, conflicts] = await Promise.all([listMembers(ctx.tx, council.id), listConflicts(ctx.tx, council.id)]);
  const items = await listItems(ctx.tx, sessionId);
  const allScores = await listScores(ctx.tx, items.map((i) => i.item.id));

  const problems: { itemId: string; product: string; code: string; members: string[]; spread?: number; submitted?: number; required?: number }[] = [];
  const results = new Map<string, ItemResult & { answers: Record<string, string>[] }>();
  for (const it of items) {
    const expected = expectedScorers(members, session, conflicts, it.entityId);
    const submitted = allScores.filter((s) => s.itemId === it.item.id && s.status === 'submitted' && expected.has(s.userId));
    const missing = [...expected].filter((u) => !submitted.some((s) => s.userId === u));
    const required = requiredScores(session.mode, expected.size, council.settings);
    if (submitted.length < required || !expected.size) {
      problems.push({ itemId: it.item.id, product: it.productName, code: 'scores_missing', members: missing, submitted: submitted.length, required });
      continue;
    }
    const spread = spreadCheck(submitted.map((s) => ({ memberId: s.userId, total: s.total })), council.settings.maxSpread);
    if (!spread.withinLimit) { problems.push({ itemId: it.item.id, product: it.productName, code: 'spread_exceeded', members: [...spread.lowest, ...spread.highest], spread: spread.spread }); continue; }
    const ev = evaluateCouncil(getSheet(it.sheet, it.instrument)!, submitted.map((s) => s.answers), RULES, council.settings, submitted.map((s) => ({ knockOuts: s.knockOuts, conditions: s.conditions })));
    results.set(it.item.id, {
      mean: ev.total, parts: ev.parts, band: ev.band, stars: ev.stars ?? 0, unmetMinimums: ev.unmetMinimums, spread: spread.spread, members: submitted.length, answers: [],
      knockedOutBy: ev.knockedOutBy, stoppedAt: ev.stoppedAt, knockOutVotes: ev.knockOutVotes,
    });
  }
  if (problems.length && session.mode === 'written' && problems.some((p) => p.code === 'spread_exceeded')) {
    throw new AppError('conflict', 'opinions_diverge', {
      vi: `Ý kiến đánh giá bằng văn bản chênh lệch quá ${council.settings.maxSpread} điểm: hãy chuyển sang họp trực tiếp để Hội đồng thảo luận và chấm lại`,
      en: `The written opinions are more than ${council.settings.maxSpread} points apart: convert the session to a meeting so the council can discuss and re-score`,
    }, { problems });
  }
  if (problems.length) {
    const spreadOnly = problems.every((p) => p.code === 'spread_exceeded');
    throw new AppError('conflict', spreadOnly ? 'spread_exceeded' : 'session_not_ready', {
      vi: spreadOnly ? `Điểm của các thành viên chênh lệch quá ${council.settings.maxSpread} điểm: Hội đồng cần thảo luận và chấm lại trước khi kết thúc` : 'Chưa thể kết thúc phiên họp: còn thành viên chưa nộp phiếu hoặc điểm chênh lệch quá mức',
      en: spreadOnly ? `Members are more than ${council.settings.maxSpread} points apart: the council must discuss and re-score before closing` : 'The session cannot close: scores are missing or too far apart',
    }, { problems });
  }

  for (const it of items) {
    const { answers: _a, ...result } = results.get(it.item.id)!;
    await ctx.tx.update(sessionItem).set({ result }).where(eq(sessionItem.id, it.item.id));
    const d = (await getDossierForUpdate(ctx.tx, it.item.dossierId))!;
    const councilResult: CouncilResult = {
      sessionId, itemId: it.item.id, councilId: council.id, mean: result.mean, parts: result.parts, stars: result.stars, band: result.band,
      unmetMinimums: result.unmetMinimums, members: result.members, closedAt: ctx.now.toISOString(),
      knockedOutBy: result.knockedOutBy, stoppedAt: result.stoppedAt, knockOutVotes: result.knockOutVotes,
    };
    await saveDossier(ctx, d, council.level === 'central' ? { status: 'central_scored', centralResult: councilResult } : { status: 'scored', provinceResult: councilResult }, 'council_result');
  }
  const [after] = await ctx.tx.update(councilSession).set({ status: 'closed', closedAt: ctx.now, closedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, minutesNote: input.minutesNote ?? session.minutesNote, version: session.version + 1 })
    .where(eq(councilSession.id, sessionId)).returning();
  await recordAudit(ctx, { action: 'session.close', recordType: 'council_session', recordId: sessionId, provinceCode: council.provinceCode, before: session, after });
  return after;
}
