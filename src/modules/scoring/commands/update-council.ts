// Renames a council or changes its operating-rule settings (Quy chế hoạt động).
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, staleVersion } from '../../../app/errors.js';
import type { updateCouncilBody } from '../councils.contract.js';
import { canManageCouncil } from '../councils.policy.js';
import { council } from '../councils.tables.js';
import { loadCouncil } from './_council.js';

export async function updateCouncil(ctx: Ctx, id: string, input: z.infer<typeof updateCouncilBody>) {
  const { council: before } = await loadCouncil(ctx, id);
  if (!canManageCouncil(ctx.actor, before)) throw forbidden();
  if (before.version !== input.version) throw staleVersion(before.version);
  const [after] = await ctx.tx.update(council).set({
    name: input.name ?? before.name, settings: { ...before.settings, ...input.settings }, updatedAt: ctx.now, version: before.version + 1,
  }).where(eq(council.id, id)).returning();
  await recordAudit(ctx, { action: 'council.update', recordType: 'council', recordId: id, provinceCode: before.provinceCode, before, after });
  return after;
}
