// A council: the provincial council of one province or the Ministry's central council, with its operating-rule
// settings (defaults from data/rules: spread 10 points, quorum 75 % with the chair, minimum rules).
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { isUniqueViolation } from '../../../app/db.js';
import { AppError, forbidden, invalidField } from '../../../app/errors.js';
import { getProvince } from '../../geo/index.js';
import type { createCouncilBody } from '../councils.contract.js';
import { canCreateCouncil } from '../councils.policy.js';
import { councilInOffice } from '../councils.repo.js';
import { council } from '../councils.tables.js';
import { RULES } from '../rules.data.js';

/** One council in office per province and one central council: the office dissolves the old one to reconstitute it. */
const councilExists = (councilId?: string) => new AppError('conflict', 'council_exists', {
  vi: 'Cấp này đã có Hội đồng đang hoạt động; hãy giải thể Hội đồng cũ trước khi thành lập Hội đồng mới',
  en: 'This level already has a council in office; dissolve it before constituting a new one',
}, councilId ? { councilId } : {});

export async function createCouncil(ctx: Ctx, input: z.infer<typeof createCouncilBody>) {
  const provinceCode = input.level === 'central' ? null : input.provinceCode ?? null;
  if (input.level === 'province' && (!provinceCode || !(await getProvince(ctx.tx, provinceCode)))) {
    throw invalidField('provinceCode', 'unknown_province', { vi: 'Hội đồng cấp tỉnh cần mã tỉnh hợp lệ', en: 'A provincial council needs a valid province code' });
  }
  if (!canCreateCouncil(ctx.actor, { level: input.level, provinceCode })) throw forbidden();
  const existing = await councilInOffice(ctx.tx, input.level, provinceCode);
  if (existing) throw councilExists(existing.id);
  const [row] = await ctx.tx.insert(council).values({
    level: input.level, provinceCode, name: input.name, settings: { ...RULES.councilDefaults, ...input.settings }, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning().catch((err: unknown) => {
    // Two creations at the same moment both passed the check; the partial unique indexes let one through.
    throw isUniqueViolation(err, 'council_one_provincial_idx') || isUniqueViolation(err, 'council_one_central_idx') ? councilExists() : err;
  });
  await recordAudit(ctx, { action: 'council.create', recordType: 'council', recordId: row.id, provinceCode, after: row });
  return row;
}
