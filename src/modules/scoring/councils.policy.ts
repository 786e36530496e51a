// Who may run a council and who may score: pure functions over the actor, the council and the actor's membership.
import type { Actor, Role } from '../../app/actor.js';
import type { CouncilRow, MemberRow, ScoreRow, SessionRow } from './councils.tables.js';

type CouncilLike = Pick<CouncilRow, 'level' | 'provinceCode'>;

// The roles each policy below can ever grant — the first gate of the routes (their access declaration); the
// council, its scope and the membership are checked after it. Members are 'council' or 'advisory' accounts, and
// 'central' ones on the central council (add-council-member.ts).
/** canManageCouncil: the province office, the Ministry. */
export const COUNCIL_OFFICES: readonly Role[] = ['province', 'central'];
/** canReadCouncil: the offices and the members of either team. */
export const COUNCIL_PEOPLE: readonly Role[] = ['province', 'central', 'council', 'advisory'];
/** canRunSession: the offices, the chair and the secretary. */
export const SESSION_RUNNERS: readonly Role[] = ['province', 'central', 'council'];
/** scores() and isChair(): members of the council itself. */
export const SCORING_MEMBERS: readonly Role[] = ['council', 'central'];

/** The office that runs the council: the province office for its provincial council, the Ministry for the central one. */
export function canManageCouncil(a: Actor, c: CouncilLike): boolean {
  if (a.kind !== 'user') return false;
  return c.level === 'central' ? a.role === 'central' : a.role === 'province' && a.provinceCode === c.provinceCode;
}
export function canCreateCouncil(a: Actor, at: CouncilLike): boolean {
  return canManageCouncil(a, at);
}
export function canReadCouncil(a: Actor, c: CouncilLike, member: MemberRow | undefined): boolean {
  return canManageCouncil(a, c) || (a.kind === 'user' && a.role === 'central') || (member?.active ?? false);
}

/** Scoring members: the chair and members of the council itself; the secretary and the advisory team do not score. */
export const scores = (m: MemberRow | undefined) => !!m && m.active && m.team === 'council' && m.role !== 'secretary';
export const isChair = (m: MemberRow | undefined) => !!m && m.active && m.team === 'council' && m.role === 'chair';

/** Runs the session: schedules, opens, closes, converts a written one to a meeting (the office, the chair or the
 * secretary); the agenda is the office's alone (`canAddItem`). */
export function canRunSession(a: Actor, c: CouncilLike, m: MemberRow | undefined): boolean {
  return canManageCouncil(a, c) || (!!m && m.active && m.team === 'council' && (m.role === 'chair' || m.role === 'secretary'));
}

/** Reads every member's score at any time: those who do not score themselves (office, secretary). */
export function seesAllScores(a: Actor, c: CouncilLike, m: MemberRow | undefined): boolean {
  return canManageCouncil(a, c) || (!!m && m.active && m.team === 'council' && m.role === 'secretary');
}

/** Puts a dossier on the agenda: scheduling is the office's step in the dossier workflow ('schedule'), so the chair
 * and the secretary, who run the session, leave it to the office. */
export const canAddItem = (a: Actor, c: CouncilLike) => canManageCouncil(a, c);

export function sessionActions(a: Actor, c: CouncilLike, m: MemberRow | undefined, s: { status: string; mode: string; present: string[] }): string[] {
  const out: string[] = [];
  if (s.status === 'closed') return ['minutes'];
  if (canAddItem(a, c)) out.push('addItem');
  if (canRunSession(a, c, m)) out.push(s.status === 'planned' ? 'open' : 'close');
  // By written opinion, diverging opinions are settled in a meeting (Điều 7 khoản 6 điểm d): convert, then re-score.
  if (s.status === 'open' && s.mode === 'written' && canRunSession(a, c, m)) out.push('convertToMeeting');
  // Those present score (by written opinion, every scoring member was asked when it opened).
  if (s.status === 'open' && scores(m) && s.present.includes(m!.userId)) out.push('score');
  if (s.status === 'open' && s.mode === 'meeting' && isChair(m)) out.push('requestRescore');
  return out;
}

export function councilActions(a: Actor, c: CouncilLike): string[] {
  return canManageCouncil(a, c) ? ['edit', 'addMember', 'createSession', 'declareConflict'] : [];
}

/** Who must score a product: the scoring members present (before opening, all of them; by written opinion, all those
 * asked), less those tied to its entity — their own entity or a declared conflict. Closing and the agenda agree on it. */
export function expectedScorers(
  members: { member: MemberRow; entityId: string | null }[], s: Pick<SessionRow, 'status' | 'present'>,
  conflicts: { userId: string; entityId: string }[], entityId: string,
): Set<string> {
  return new Set(members
    .filter((m) => scores(m.member) && (s.status === 'planned' || s.present.includes(m.member.userId)))
    .filter((m) => m.entityId !== entityId && !conflicts.some((c) => c.userId === m.member.userId && c.entityId === entityId))
    .map((m) => m.member.userId));
}

/** The scores that count: submitted by a member present (after a conversion to a meeting, an absent member's written
 * opinion stays on record but does not count). */
export const countingScores = (s: Pick<SessionRow, 'present'>, all: ScoreRow[]) => all.filter((x) => x.status === 'submitted' && s.present.includes(x.userId));
