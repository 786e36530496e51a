// A precedent: how a council read an ambiguous criterion, kept to be found again (diacritics ignored) and reused
// across products.
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, invalidField } from '../../../app/errors.js';
import type { precedentBody } from '../councils.contract.js';
import { canManageCouncil } from '../councils.policy.js';
import { precedent } from '../councils.tables.js';
import { criteriaOf, getSheet } from '../sheets.data.js';
import { getDossier } from '../dossiers.repo.js';
import { loadCouncil, me } from './_council.js';

export async function addPrecedent(ctx: Ctx, input: z.infer<typeof precedentBody>) {
  if (ctx.actor.kind !== 'user' || !['council', 'advisory', 'province', 'central'].includes(ctx.actor.role)) throw forbidden();
  let provinceCode: string | null = null;
  if (input.councilId) {
    const { council, member } = await loadCouncil(ctx, input.councilId);
    if (!member?.active && !canManageCouncil(ctx.actor, council)) throw forbidden();
    provinceCode = council.provinceCode;
  }
  const sheet = getSheet(input.sheet);
  if (!sheet || !criteriaOf(sheet).some((c) => c.code === input.criterionCode)) {
    throw invalidField('criterionCode', 'unknown_criterion', { vi: `Phiếu số ${input.sheet} không có tiêu chí ${input.criterionCode}`, en: `Sheet ${input.sheet} has no criterion ${input.criterionCode}` });
  }
  if (input.dossierId && !(await getDossier(ctx.tx, input.dossierId))) throw invalidField('dossierId', 'unknown_dossier', { vi: 'Hồ sơ không tồn tại', en: 'Unknown dossier' });
  const [row] = await ctx.tx.insert(precedent).values({ councilId: input.councilId ?? null, sheet: input.sheet, criterionCode: input.criterionCode, title: input.title, body: input.body, dossierId: input.dossierId ?? null, createdBy: me(ctx), createdAt: ctx.now }).returning();
  await recordAudit(ctx, { action: 'precedent.create', recordType: 'precedent', recordId: row.id, provinceCode, after: row });
  return row;
}
