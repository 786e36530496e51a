import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { invalidField } from '../../../app/errors.js';
import { entity } from '../../registry/index.js';
import { appUser } from '../../accounts/index.js';
import { covers } from '../trainings.policy.js';
import { trainingInvitation } from '../trainings.tables.js';
import { cancelledTraining, lockedTraining } from './_training.js';

/** The managing office invites entities (their members may then register) and people (officers, members), all
 * inside the event's area; an invitation already sent is not sent twice. */
export async function inviteToTraining(ctx: Ctx, id: string, input: { entityIds: string[]; userIds: string[] }) {
  const t = await lockedTraining(ctx, id);
  if (t.cancelled) throw cancelledTraining();
  const entityIds = [...new Set(input.entityIds)];
  const userIds = [...new Set(input.userIds)];
  const entities = entityIds.length ? await ctx.tx.select({ id: entity.id, provinceCode: entity.provinceCode, communeCode: entity.communeCode }).from(entity).where(inArray(entity.id, entityIds)) : [];
  if (entities.length !== entityIds.length || !entities.every((e) => covers(t, e))) {
    throw invalidField('entityIds', 'invitee_outside_area', { vi: 'Có chủ thể không tồn tại hoặc ở ngoài địa bàn của lớp', en: 'An entity does not exist or is outside the event\'s area' });
  }
  const users = userIds.length ? await ctx.tx.select({ id: appUser.id, provinceCode: appUser.provinceCode, communeCode: appUser.communeCode, role: appUser.role, entityId: appUser.entityId }).from(appUser).where(inArray(appUser.id, userIds)) : [];
  const userEntities = users.filter((u) => u.entityId).map((u) => u.entityId!);
  const places = new Map((userEntities.length ? await ctx.tx.select({ id: entity.id, provinceCode: entity.provinceCode, communeCode: entity.communeCode }).from(entity).where(inArray(entity.id, userEntities)) : []).map((e) => [e.id, e]));
  const placeOf = (u: (typeof users)[number]) => (u.entityId ? places.get(u.entityId) ?? { provinceCode: null, communeCode: null } : u);
  if (users.length !== userIds.length || !users.every((u) => u.role === 'central' || covers(t, placeOf(u)) || (t.level === 'commune' && u.role === 'province' && u.provinceCode === t.provinceCode))) {
    throw invalidField('userIds', 'invitee_outside_area', { vi: 'Có người không tồn tại hoặc ở ngoài địa bàn của lớp', en: 'A person does not exist or is outside the event\'s area' });
  }
  const have = await ctx.tx.select({ entityId: trainingInvitation.entityId, userId: trainingInvitation.userId }).from(trainingInvitation).where(eq(trainingInvitation.trainingId, id));
  const invitedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const rows = [
    ...entityIds.filter((e) => !have.some((h) => h.entityId === e)).map((entityId) => ({ trainingId: id, entityId, invitedBy, createdAt: ctx.now })),
    ...userIds.filter((u) => !have.some((h) => h.userId === u)).map((userId) => ({ trainingId: id, userId, invitedBy, createdAt: ctx.now })),
  ];
  if (rows.length) await ctx.tx.insert(trainingInvitation).values(rows);
  await recordAudit(ctx, { action: 'training.invite', recordType: 'training', recordId: id, provinceCode: t.provinceCode, communeCode: t.communeCode, after: { entityIds: rows.filter((r) => 'entityId' in r).map((r) => (r as { entityId: string }).entityId), userIds: rows.filter((r) => 'userId' in r).map((r) => (r as { userId: string }).userId) } });
  return { added: rows.length };
}

/** Withdraws one invitation. */
export async function uninvite(ctx: Ctx, id: string, invitationId: string) {
  const t = await lockedTraining(ctx, id);
  const [gone] = await ctx.tx.delete(trainingInvitation).where(and(eq(trainingInvitation.id, invitationId), eq(trainingInvitation.trainingId, id))).returning();
  if (gone) await recordAudit(ctx, { action: 'training.uninvite', recordType: 'training', recordId: id, provinceCode: t.provinceCode, communeCode: t.communeCode, before: { entityId: gone.entityId, userId: gone.userId } });
  return Boolean(gone);
}
