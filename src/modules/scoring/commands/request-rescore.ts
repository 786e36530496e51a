// The chair asks members to discuss and score again (the spread rule, or any reason): their submitted scores go back
// to draft for a new round; the revisions keep every earlier version. The request (round, reason, members) stays on
// the item so the members asked see that they must score again. Discussion needs a meeting: a session by written
// opinion is converted first (Điều 7 khoản 6 điểm d).
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { enqueue } from '../../../app/outbox.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, notFound } from '../../../app/errors.js';
import { isChair } from '../councils.policy.js';
import { memberScore, scoreRevision, sessionItem, type RescoreRequest } from '../councils.tables.js';
import { loadOpenableSession, me } from './_council.js';

export async function requestRescore(ctx: Ctx, sessionId: string, itemId: string, input: { members?: string[]; reason: string }) {
  const { session, council, member } = await loadOpenableSession(ctx, sessionId);
  if (!isChair(member)) throw forbidden('chair_only');
  if (session.mode === 'written') {
    throw new AppError('conflict', 'convert_to_meeting_first', { vi: 'Phiên lấy ý kiến bằng văn bản: hãy chuyển sang họp trực tiếp để thảo luận rồi yêu cầu chấm lại', en: 'A written-opinion session: convert it to a meeting to discuss, then ask for re-scoring' });
  }
  const [item] = await ctx.tx.select().from(sessionItem).where(and(eq(sessionItem.id, itemId), eq(sessionItem.sessionId, sessionId))).for('update');
  if (!item) throw notFound('item', 'sản phẩm trong phiên họp');
  const round = item.rescoreRound + 1;
  // Only members at the meeting (by default all of them): one absent from it (after a conversion) keeps their written
  // opinion, which they could not score again anyway (scoring needs presence).
  const asked = input.members?.length ? input.members.filter((u) => session.present.includes(u)) : session.present;
  const reopened = await ctx.tx.update(memberScore).set({ status: 'draft', submittedAt: null, round, updatedAt: ctx.now })
    .where(and(eq(memberScore.itemId, itemId), eq(memberScore.status, 'submitted'), inArray(memberScore.userId, asked))).returning();
  const request: RescoreRequest = { round, reason: input.reason, members: reopened.map((s) => s.userId), at: ctx.now.toISOString(), by: me(ctx)! };
  await ctx.tx.update(sessionItem).set({ rescoreRound: round, rescoreRequest: request }).where(eq(sessionItem.id, itemId));
  for (const s of reopened) {
    await ctx.tx.update(memberScore).set({ version: s.version + 1 }).where(eq(memberScore.id, s.id));
    await ctx.tx.insert(scoreRevision).values({ scoreId: s.id, version: s.version + 1, at: ctx.now, byUser: me(ctx)!, action: 'rescore_requested', answers: s.answers, total: s.total, changed: [] });
  }
  await recordAudit(ctx, { action: 'session.rescore', recordType: 'council_session', recordId: sessionId, provinceCode: council.provinceCode, after: { itemId, round, reason: input.reason, members: request.members } });
  await enqueue(ctx.tx, 'session.rescore_requested', { sessionId, itemId, round, reason: input.reason, members: request.members });
  return { round, members: request.members };
}
