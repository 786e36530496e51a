// A conflict of interest (xung đột lợi ích): the member may not score products of that entity. Declared by the
// member themselves or recorded by the office that runs the council.
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, invalidField } from '../../../app/errors.js';
import { getEntity } from '../../registry/index.js';
import type { conflictBody } from '../councils.contract.js';
import { canManageCouncil } from '../councils.policy.js';
import { getMember } from '../councils.repo.js';
import { conflictDeclaration } from '../councils.tables.js';
import { loadCouncil, me } from './_council.js';

export async function declareConflict(ctx: Ctx, councilId: string, input: z.infer<typeof conflictBody>) {
  const { council } = await loadCouncil(ctx, councilId);
  if (!canManageCouncil(ctx.actor, council) && me(ctx) !== input.userId) throw forbidden();
  if (!(await getMember(ctx.tx, councilId, input.userId))) throw invalidField('userId', 'unknown_member', { vi: 'Tài khoản không phải thành viên hội đồng', en: 'Not a member of this council' });
  if (!(await getEntity(ctx.tx, input.entityId))) throw invalidField('entityId', 'unknown_entity', { vi: 'Chủ thể không tồn tại', en: 'Unknown entity' });
  const [row] = await ctx.tx.insert(conflictDeclaration).values({ councilId, userId: input.userId, entityId: input.entityId, reason: input.reason, declaredBy: me(ctx), declaredAt: ctx.now })
    .onConflictDoUpdate({ target: [conflictDeclaration.councilId, conflictDeclaration.userId, conflictDeclaration.entityId], set: { reason: input.reason, declaredBy: me(ctx), declaredAt: ctx.now } })
    .returning();
  await recordAudit(ctx, { action: 'council.conflict', recordType: 'council', recordId: councilId, provinceCode: council.provinceCode, after: row });
  return row;
}
