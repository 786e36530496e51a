// Turns council, session and score rows into API output.
import type { Actor } from '../../app/actor.js';
import { councilActions } from './councils.policy.js';
import type { MemberWithUser } from './councils.repo.js';
import type { CouncilRow, ScoreRow } from './councils.tables.js';

export function presentMember(m: MemberWithUser) {
  return { id: m.member.id, userId: m.member.userId, fullName: m.fullName, email: m.email, accountRole: m.role, communeCode: m.communeCode, team: m.member.team, role: m.member.role, title: m.member.title, active: m.member.active };
}

export function presentCouncil(c: CouncilRow, members: MemberWithUser[], actor: Actor) {
  return { id: c.id, level: c.level, provinceCode: c.provinceCode, name: c.name, settings: c.settings, members: members.map(presentMember), version: c.version, dissolvedAt: c.dissolvedAt?.toISOString() ?? null, actions: councilActions(actor, c) };
}

export function presentScore(s: ScoreRow, names: Map<string, string>) {
  return {
    id: s.id, userId: s.userId, fullName: names.get(s.userId) ?? null, answers: s.answers, knockOuts: s.knockOuts, conditions: s.conditions, total: Number(s.total), parts: s.parts as { A: number; B: number; C: number }, stars: s.stars,
    status: s.status, round: s.round, comment: s.comment, submittedAt: s.submittedAt?.toISOString() ?? null, updatedAt: s.updatedAt.toISOString(), version: s.version,
  };
}
