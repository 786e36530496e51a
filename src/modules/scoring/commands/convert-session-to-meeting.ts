// Turns a session by written opinion into a meeting, when opinions diverge or a matter needs discussion (Điều 7
// khoản 6 điểm d): the attendance and quorum are checked as when opening a meeting, every score given so far is kept,
// and the chair can then ask members to re-score. `converted_at` records that the session started in writing.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, staleVersion } from '../../../app/errors.js';
import { canRunSession } from '../councils.policy.js';
import { councilSession } from '../councils.tables.js';
import { loadOpenableSession } from './_council.js';
import { takeAttendance } from './open-session.js';

export async function convertSessionToMeeting(ctx: Ctx, sessionId: string, input: { present: string[]; version: number }) {
  const { session, council, member } = await loadOpenableSession(ctx, sessionId);
  if (!canRunSession(ctx.actor, council, member)) throw forbidden();
  if (session.version !== input.version) throw staleVersion(session.version);
  if (session.mode !== 'written') throw new AppError('conflict', 'not_a_written_session', { vi: 'Phiên này đã là phiên họp trực tiếp', en: 'This session is already a meeting' });
  if (session.status !== 'open') throw new AppError('conflict', 'session_not_open', { vi: 'Phiên họp chưa mở', en: 'The session is not open yet' });
  const { present, quorum } = await takeAttendance(ctx, council, input.present);
  const [after] = await ctx.tx.update(councilSession).set({ mode: 'meeting', present, quorum, convertedAt: ctx.now, version: session.version + 1 })
    .where(eq(councilSession.id, sessionId)).returning();
  await recordAudit(ctx, { action: 'session.convert_to_meeting', recordType: 'council_session', recordId: sessionId, provinceCode: council.provinceCode, before: session, after });
  return after;
}
