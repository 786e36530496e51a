// Adds an account to a council (role chair / secretary / member) or to its advisory team (Tổ tư vấn). Provincial
// councils take council (or advisory) accounts of their province; the central council takes national accounts.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { isUniqueViolation } from '../../../app/db.js';
import { AppError, forbidden, invalidField } from '../../../app/errors.js';
import { getUserById } from '../../accounts/index.js';
import type { addMemberBody, updateMemberBody } from '../councils.contract.js';
import { canManageCouncil } from '../councils.policy.js';
import { councilMember, type CouncilRow } from '../councils.tables.js';
import { loadCouncil } from './_council.js';

const hasChair = () => new AppError('conflict', 'council_has_chair', { vi: 'Hội đồng đã có Chủ tịch', en: 'The council already has a chair' });
// Two chairs named at the same moment both pass oneChair; the partial unique index lets one through.
const rethrowChair = (err: unknown): never => { throw isUniqueViolation(err, 'council_one_chair_idx') ? hasChair() : err; };

const badMember = (vi: string, en: string) => invalidField('userId', 'member_not_eligible', { vi, en });

async function oneChair(ctx: Ctx, councilId: string, exceptUser: string) {
  const [chair] = await ctx.tx.select().from(councilMember).where(and(eq(councilMember.councilId, councilId), eq(councilMember.team, 'council'), eq(councilMember.role, 'chair'), eq(councilMember.active, true)));
  if (chair && chair.userId !== exceptUser) throw hasChair();
}

function eligible(c: CouncilRow, user: { role: string; provinceCode: string | null }, team: 'council' | 'advisory') {
  const wanted = team === 'advisory' ? ['advisory'] : ['council'];
  if (c.level === 'central') wanted.push('central');
  if (!wanted.includes(user.role)) throw badMember(`Tài khoản phải có vai trò ${wanted.join(' hoặc ')}`, `The account must have the role ${wanted.join(' or ')}`);
  if (c.level === 'province' && user.provinceCode !== c.provinceCode) throw badMember('Thành viên Hội đồng cấp tỉnh phải thuộc tỉnh này', 'Members of a provincial council must belong to its province');
  if (c.level === 'central' && user.provinceCode) throw badMember('Thành viên Hội đồng cấp trung ương là tài khoản cấp trung ương', 'Members of the central council are national accounts');
}

export async function addCouncilMember(ctx: Ctx, councilId: string, input: z.infer<typeof addMemberBody>) {
  const { council } = await loadCouncil(ctx, councilId);
  if (!canManageCouncil(ctx.actor, council)) throw forbidden();
  const user = await getUserById(ctx.tx, input.userId);
  if (!user || !user.active) throw badMember('Tài khoản không tồn tại', 'Unknown account');
  eligible(council, user, input.team);
  if (input.team === 'advisory' && input.role === 'chair') throw invalidField('role', 'advisory_no_chair', { vi: 'Tổ tư vấn không có Chủ tịch Hội đồng', en: 'The advisory team has no council chair' });
  if (input.team === 'council' && input.role === 'chair') await oneChair(ctx, councilId, input.userId);
  const [row] = await ctx.tx.insert(councilMember).values({ councilId, userId: input.userId, team: input.team, role: input.role, title: input.title ?? null })
    .onConflictDoNothing({ target: [councilMember.councilId, councilMember.userId] }).returning().catch(rethrowChair);
  if (!row) throw new AppError('conflict', 'already_member', { vi: 'Tài khoản đã là thành viên', en: 'The account is already a member' }, { field: 'userId' });
  await recordAudit(ctx, { action: 'council.member_add', recordType: 'council', recordId: councilId, provinceCode: council.provinceCode, after: row });
  return row;
}

export async function updateCouncilMember(ctx: Ctx, councilId: string, memberId: string, input: z.infer<typeof updateMemberBody>) {
  const { council } = await loadCouncil(ctx, councilId);
  if (!canManageCouncil(ctx.actor, council)) throw forbidden();
  const [before] = await ctx.tx.select().from(councilMember).where(and(eq(councilMember.id, memberId), eq(councilMember.councilId, councilId))).for('update');
  if (!before) throw invalidField('memberId', 'unknown_member', { vi: 'Không tìm thấy thành viên', en: 'Unknown member' });
  if (input.role === 'chair' && before.team === 'council') await oneChair(ctx, councilId, before.userId);
  const [after] = await ctx.tx.update(councilMember).set({ role: input.role ?? before.role, title: input.title === undefined ? before.title : input.title, active: input.active ?? before.active })
    .where(eq(councilMember.id, memberId)).returning().catch(rethrowChair);
  await recordAudit(ctx, { action: 'council.member_update', recordType: 'council', recordId: councilId, provinceCode: council.provinceCode, before, after });
  return after;
}
