// Renames a council, changes its operating-rule settings (Quy chế hoạt động), or dissolves it so the office can
// constitute a new one (one council in office per province, one central council).
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, staleVersion } from '../../../app/errors.js';
import type { updateCouncilBody } from '../councils.contract.js';
import { canManageCouncil } from '../councils.policy.js';
import { council } from '../councils.tables.js';
import { assertInOffice, loadCouncil } from './_council.js';

export async function updateCouncil(ctx: Ctx, id: string, input: z.infer<typeof updateCouncilBody>) {
  const { council: before } = await loadCouncil(ctx, id);
  if (!canManageCouncil(ctx.actor, before)) throw forbidden();
  if (before.version !== input.version) throw staleVersion(before.version);
  assertInOffice(before);
  const [after] = await ctx.tx.update(council).set({
    name: input.name ?? before.name, settings: { ...before.settings, ...input.settings }, updatedAt: ctx.now, version: before.version + 1,
    ...(input.dissolved ? { dissolvedAt: ctx.now } : {}),
  }).where(eq(council.id, id)).returning();
  await recordAudit(ctx, { action: input.dissolved ? 'council.dissolve' : 'council.update', recordType: 'council', recordId: id, provinceCode: before.provinceCode, before, after });
  return after;
}
