// A council: the provincial council of one province or the Ministry's central council, with its operating-rule
// settings (defaults from data/rules: spread 10 points, quorum 75 % with the chair, minimum rules).
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, invalidField } from '../../../app/errors.js';
import { getProvince } from '../../geo/index.js';
import type { createCouncilBody } from '../councils.contract.js';
import { canCreateCouncil } from '../councils.policy.js';
import { council } from '../councils.tables.js';
import { RULES } from '../rules.data.js';

export async function createCouncil(ctx: Ctx, input: z.infer<typeof createCouncilBody>) {
  const provinceCode = input.level === 'central' ? null : input.provinceCode ?? null;
  if (input.level === 'province' && (!provinceCode || !(await getProvince(ctx.tx, provinceCode)))) {
    throw invalidField('provinceCode', 'unknown_province', { vi: 'Hội đồng cấp tỉnh cần mã tỉnh hợp lệ', en: 'A provincial council needs a valid province code' });
  }
  if (!canCreateCouncil(ctx.actor, { level: input.level, provinceCode })) throw forbidden();
  const [row] = await ctx.tx.insert(council).values({
    level: input.level, provinceCode, name: input.name, settings: { ...RULES.councilDefaults, ...input.settings }, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'council.create', recordType: 'council', recordId: row.id, provinceCode, after: row });
  return row;
}
