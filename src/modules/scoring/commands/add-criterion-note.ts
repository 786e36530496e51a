// A note on one criterion of a dossier, between council members, the office and the entity.
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { invalidField } from '../../../app/errors.js';
import { criterionNote } from '../councils.tables.js';
import { criteriaOf, getSheet } from '../sheets.data.js';
import { actorId, loadFor } from './_dossier.js';

export async function addCriterionNote(ctx: Ctx, id: string, input: { criterionCode: string; body: string }) {
  const d = await loadFor(ctx, id, 'note');
  if (!criteriaOf(getSheet(d.sheet, d.instrument)!).some((c) => c.code === input.criterionCode)) {
    throw invalidField('criterionCode', 'unknown_criterion', { vi: `Phiếu số ${d.sheet} không có tiêu chí ${input.criterionCode}`, en: `Sheet ${d.sheet} has no criterion ${input.criterionCode}` });
  }
  const role = ctx.actor.kind === 'user' ? ctx.actor.role : 'entity';
  const side = role === 'entity' ? 'entity' : role === 'council' || role === 'advisory' ? 'council' : 'office';
  const [row] = await ctx.tx.insert(criterionNote).values({ dossierId: d.id, criterionCode: input.criterionCode, authorId: actorId(ctx)!, authorSide: side, body: input.body, createdAt: ctx.now }).returning();
  await recordAudit(ctx, { action: 'dossier.note', recordType: 'dossier', recordId: d.id, provinceCode: d.provinceCode, communeCode: d.communeCode, after: { noteId: row.id, criterionCode: row.criterionCode } });
  return row;
}
