// The commune's 15 working days (Điều 7.2.a) run over the holiday calendar in force. When the central office loads a
// year's notice, a dossier still waiting for its commune report gets its deadline computed again from its receipt date
// over the new calendar, so the stored due date (which the queue sorts and filters on) and the working days left agree.
// Only the deadline moves: the dossier's version is kept, so an officer's open form is not made stale; each change is
// audited.
import { and, eq, inArray, isNotNull, max } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { communeReviewDue, procedureRules, vnDate } from '../deadlines.rules.js';
import { calendarFromDb } from '../holidays.repo.js';
import { dossier, dossierSubmission } from '../dossiers.tables.js';

/** Re-dates the pending commune deadlines over the database calendar; returns how many moved. */
export async function redateCommuneDeadlines(ctx: Ctx, reason: { holidayYear: number }): Promise<number> {
  const cal = await calendarFromDb(ctx.tx);
  const rules = procedureRules();
  // The commune received the dossier on the day of its latest submission (submit-dossier.ts computes the deadline from
  // that day; submittedOn may since hold an earlier filing date recorded for the transition).
  const pending = await ctx.tx.select({ id: dossier.id, communeDueOn: dossier.communeDueOn, provinceCode: dossier.provinceCode, communeCode: dossier.communeCode, receivedAt: max(dossierSubmission.submittedAt) })
    .from(dossier)
    .innerJoin(dossierSubmission, eq(dossierSubmission.dossierId, dossier.id))
    .where(and(inArray(dossier.status, ['submitted', 'commune_reviewed']), isNotNull(dossier.communeDueOn)))
    .groupBy(dossier.id);
  let moved = 0;
  for (const d of pending) {
    if (!d.receivedAt) continue;
    const due = communeReviewDue(vnDate(new Date(d.receivedAt)), rules, cal);
    if (due === d.communeDueOn) continue;
    await ctx.tx.update(dossier).set({ communeDueOn: due }).where(eq(dossier.id, d.id));
    await recordAudit(ctx, {
      action: 'dossier.commune_due_redated', recordType: 'dossier', recordId: d.id, provinceCode: d.provinceCode, communeCode: d.communeCode,
      before: { communeDueOn: d.communeDueOn }, after: { communeDueOn: due, detail: reason },
    });
    moved++;
  }
  return moved;
}
