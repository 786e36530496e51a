// Opens the session. A meeting opens with the members present, if the quorum of the council's rules is met (default:
// at least 75 % of the members, the chair among them). A session by written opinion takes no attendance: every active
// scoring member is asked for their opinion (Điều 7 khoản 6 điểm d), and the quorum is counted on the opinions at closing.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField, staleVersion } from '../../../app/errors.js';
import { canRunSession, scores } from '../councils.policy.js';
import { listMembers } from '../councils.repo.js';
import { councilSession, type CouncilRow, type Quorum } from '../councils.tables.js';
import { quorumCheck } from '../scoring.rules.js';
import { loadOpenableSession } from './_council.js';

/** The attendance of a meeting: only council members, the quorum met; shared by opening and converting to a meeting. */
export async function takeAttendance(ctx: Ctx, council: CouncilRow, input: string[]): Promise<{ present: string[]; quorum: Quorum }> {
  const members = (await listMembers(ctx.tx, council.id)).filter((m) => m.member.team === 'council' && m.member.active);
  const ids = new Set(members.map((m) => m.member.userId));
  const stranger = input.find((p) => !ids.has(p));
  if (stranger) throw invalidField('present', 'not_a_member', { vi: 'Danh sách có mặt có người không phải thành viên hội đồng', en: 'The present list names someone who is not a council member' });
  const present = [...new Set(input)];
  const chair = members.find((m) => m.member.role === 'chair');
  const q = quorumCheck({ members: members.length, present: present.length, chairPresent: !!chair && present.includes(chair.member.userId) }, council.settings);
  const quorum = { members: members.length, share: council.settings.quorumShare, ...q };
  if (!q.met) {
    throw new AppError('conflict', 'quorum_not_met', {
      vi: `Chưa đủ số thành viên tham dự: cần ${q.required}/${members.length}${council.settings.quorumRequiresChair ? ' và có Chủ tịch Hội đồng' : ''}`,
      en: `No quorum: ${q.required} of ${members.length} needed${council.settings.quorumRequiresChair ? ', the chair among them' : ''}`,
    }, { quorum });
  }
  return { present, quorum };
}

export async function openSession(ctx: Ctx, sessionId: string, input: { present?: string[]; version: number }) {
  const { session, council, member } = await loadOpenableSession(ctx, sessionId);
  if (!canRunSession(ctx.actor, council, member)) throw forbidden();
  if (session.version !== input.version) throw staleVersion(session.version);
  if (session.status !== 'planned') throw new AppError('conflict', 'session_already_open', { vi: 'Phiên họp đã mở', en: 'The session is already open' });
  let change: { present: string[]; quorum: Quorum | null };
  if (session.mode === 'written') {
    if (input.present) throw invalidField('present', 'no_attendance_in_writing', { vi: 'Phiên lấy ý kiến bằng văn bản không điểm danh: mọi thành viên chấm điểm đều được lấy ý kiến', en: 'A written-opinion session takes no attendance: every scoring member is asked' });
    const asked = (await listMembers(ctx.tx, council.id)).filter((m) => scores(m.member)).map((m) => m.member.userId);
    if (!asked.length) throw new AppError('conflict', 'no_scoring_members', { vi: 'Hội đồng chưa có thành viên chấm điểm', en: 'The council has no scoring members yet' });
    change = { present: asked, quorum: null };
  } else {
    if (!input.present) throw invalidField('present', 'required', { vi: 'Hãy điểm danh các thành viên có mặt', en: 'Take the attendance of the members present' });
    change = await takeAttendance(ctx, council, input.present);
  }
  const [after] = await ctx.tx.update(councilSession).set({ status: 'open', ...change, openedAt: ctx.now, version: session.version + 1 }).where(eq(councilSession.id, sessionId)).returning();
  await recordAudit(ctx, { action: 'session.open', recordType: 'council_session', recordId: sessionId, provinceCode: council.provinceCode, before: session, after });
  return after;
}
