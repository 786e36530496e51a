// The chair asks members to discuss and score again (the spread rule, or any reason): their submitted scores go back
// to draft for a new round; the revisions keep every earlier version.
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, notFound } from '../../../app/errors.js';
import { isChair } from '../councils.policy.js';
import { memberScore, scoreRevision, sessionItem } from '../councils.tables.js';
import { loadOpenableSession, me } from './_council.js';

export async function requestRescore(ctx: Ctx, sessionId: string, itemId: string, input: { members?: string[]; reason: string }) {
  const { council, member } = await loadOpenableSession(ctx, sessionId);
  if (!isChair(member)) throw forbidden('chair_only');
  const [item] = await ctx.tx.select().from(sessionItem).where(and(eq(sessionItem.id, itemId), eq(sessionItem.sessionId, sessionId))).for('update');
  if (!item) throw notFound('item', 'sản phẩm trong phiên họp');
  const round = item.rescoreRound + 1;
  await ctx.tx.update(sessionItem).set({ rescoreRound: round }).where(eq(sessionItem.id, itemId));
  const reopened = await ctx.tx.update(memberScore).set({ status: 'draft', submittedAt: null, round, updatedAt: ctx.now })
    .where(and(eq(memberScore.itemId, itemId), eq(memberScore.status, 'submitted'), input.members?.length ? inArray(memberScore.userId, input.members) : undefined)).returning();
  for (const s of reopened) {
    await ctx.tx.update(memberScore).set({ version: s.version + 1 }).where(eq(memberScore.id, s.id));
    await ctx.tx.insert(scoreRevision).values({ scoreId: s.id, version: s.version + 1, at: ctx.now, byUser: me(ctx)!, action: 'rescore_requested', answers: s.answers, total: s.total, changed: [] });
  }
  await recordAudit(ctx, { action: 'session.rescore', recordType: 'council_session', recordId: sessionId, provinceCode: council.provinceCode, after: { itemId, round, reason: input.reason, members: reopened.map((s) => s.userId) } });
  return { round, members: reopened.map((s) => s.userId) };
}
