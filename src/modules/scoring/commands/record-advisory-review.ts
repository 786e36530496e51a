// The advisory team's review: field visit, extra tests requested and their results, an advisory pre-score on the
// sheet, and its report to the council chair (Điều 7.3.c, 7.4.c).
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import type { advisoryReviewBody } from '../dossiers.contract.js';
import type { AdvisoryReview } from '../dossiers.tables.js';
import { RULES } from '../rules.data.js';
import { evaluate } from '../scoring.rules.js';
import { getSheet } from '../sheets.data.js';
import { actorId, loadFor, saveDossier } from './_dossier.js';

export async function recordAdvisoryReview(ctx: Ctx, id: string, input: z.infer<typeof advisoryReviewBody>) {
  const d = await loadFor(ctx, id, 'advisoryReview', input.version);
  const central = d.status === 'central_advisory';
  const prev = (central ? d.centralAdvisory : d.advisoryReview) ?? null;
  const answers = input.answers ?? prev?.answers ?? {};
  const pre = Object.keys(answers).length ? evaluate(getSheet(d.sheet, d.instrument)!, answers, RULES) : null;
  const review: AdvisoryReview = {
    fieldVisit: input.fieldVisit === undefined ? prev?.fieldVisit ?? null : input.fieldVisit,
    extraTests: input.extraTests ?? prev?.extraTests ?? [],
    answers,
    preScore: pre ? { total: pre.total, parts: pre.parts, stars: pre.stars ?? pre.band } : null,
    report: input.report === undefined ? prev?.report ?? null : input.report,
    updatedAt: ctx.now.toISOString(), updatedBy: actorId(ctx)!,
  };
  return saveDossier(ctx, d, central ? { centralAdvisory: review } : { advisoryReview: review }, 'advisory_review');
}
