// Turns dossier rows into API output, with the actions the caller may take and the live self-assessment.
import { findingCodes, knockOutNote } from './deciding-notes.rules.js';
import type { Actor } from '../../app/actor.js';
import { isOverdue, vnDate, workingDaysBetween, type HolidayCalendar } from './deadlines.rules.js';
import type { DossierOut } from './dossiers.contract.js';
import { plannedDecision } from './decision.rules.js';
import { dossierActions, stageOf } from './dossiers.policy.js';
import type { CriterionNoteRow, DossierListRow, listDossierFiles, listReturns, listSubmissions } from './dossiers.repo.js';
import type { DossierRow } from './dossiers.tables.js';
import { graceEndsOn, reRatingWindow } from './certificates.rules.js';
import { RULES } from './rules.data.js';
import { evaluate, nextStarAdvice } from './scoring.rules.js';
import { getSheet } from './sheets.data.js';

/** `cal`: the database's holiday calendar (calendarFromDb), loaded once per request, so the working days left follow
 * the notice the central office loaded, not the file the database was seeded from. */
export function presentDossierItem(row: DossierListRow, actor: Actor, now: Date, cal: HolidayCalendar) {
  const d = row.dossier;
  const today = vnDate(now);
  const due = row.currentDue;
  return {
    id: d.id, number: d.number, type: d.type, status: d.status, stage: stageOf(d.status),
    product: { id: d.productId, code: row.productCode, name: row.productName },
    entity: { id: d.entityId, name: row.entityName }, sheet: d.sheet,
    provinceCode: d.provinceCode, provinceName: row.provinceName, communeCode: d.communeCode, communeName: row.communeName,
    submittedOn: d.submittedOn, due, overdue: isOverdue(due, today), filedUnder: d.filedUnder, transitionDueOn: d.transitionDueOn,
    workingDaysLeft: due === null ? null : due >= today ? workingDaysBetween(today, due, cal) : -workingDaysBetween(due, today, cal),
    stars: d.stars, certificateNumber: d.certificateNumber,
    updatedAt: d.updatedAt.toISOString(), version: d.version, actions: dossierActions(actor, d),
  };
}

type Extras = {
  /** The database's holiday calendar, for the working days left. */
  calendar: HolidayCalendar;
  /** The certificate a re-rating dossier re-rates (null for other types or when there is none). */
  reRatingCertificate?: { number: string; expiresOn: string } | null;
  files: Awaited<ReturnType<typeof listDossierFiles>>;
  returns: Awaited<ReturnType<typeof listReturns>>;
  submissions: Awaited<ReturnType<typeof listSubmissions>>;
};

/** The re-rating window of the certificate re-rated; `late` is the recorded flag once filed, today's answer before. */
function presentReRating(d: DossierRow, cert: { number: string; expiresOn: string } | null, today: string): DossierOut['reRating'] {
  if (d.type !== 'rerating' || !cert) return null;
  const w = reRatingWindow(cert.expiresOn, today);
  const late = d.reratingCertificateId ? d.reratingLate : w.stage === 'closed';
  return { certificateNumber: cert.number, expiresOn: cert.expiresOn, opensOn: w.opensOn, closesOn: w.closesOn, stage: w.stage, late, graceEndsOn: late ? graceEndsOn(cert.expiresOn) : null };
}

export const dossierFileUrl = (dossierId: string, fileId: string) => `/api/v1/dossiers/${dossierId}/files/${fileId}`;

export function presentDossier(row: DossierListRow, actor: Actor, now: Date, x: Extras): DossierOut {
  const d = row.dossier;
  const sheet = getSheet(d.sheet, d.instrument)!;
  // The entity's draft may hold answers of an earlier sheet version; unknown codes are left out of the live totals.
  const findings = { knockOuts: d.knockOuts, conditions: d.conditions };
  const ev = evaluate(sheet, d.answers, RULES, undefined, findings);
  return {
    ...presentDossierItem(row, actor, now, x.calendar),
    instrument: d.instrument, registration: d.registration, selfReport: d.selfReport, answers: d.answers, answerNotes: d.answerNotes,
    knockOuts: d.knockOuts, conditions: d.conditions,
    selfEvaluation: { total: ev.total, parts: ev.parts, band: ev.band, stars: ev.stars, unmetMinimums: ev.unmetMinimums, knockedOutBy: ev.knockedOutBy, stoppedAt: ev.stoppedAt, notApplicable: ev.notApplicable },
    nextStar: nextStarAdvice(sheet, d.answers, RULES, undefined, findings),
    rejectionConditions: sheet.rejectionConditions,
    knockOutNotes: findingCodes(sheet).map((criterion) => ({ criterion, text: knockOutNote(sheet, criterion)! })),
    communeReview: d.communeReview, advisoryReview: d.advisoryReview, centralAdvisory: d.centralAdvisory,
    provinceResult: d.provinceResult, centralResult: d.centralResult, decision: d.decision, rejection: d.rejection,
    plannedDecision: dossierActions(actor, d).includes('decide') ? plannedDecision(d, RULES) : null,
    deadlines: {
      communeDueOn: d.communeDueOn, forwardedOn: d.forwardedOn, provinceFinishBefore: d.provinceFinishBefore, sentToCentralOn: d.sentToCentralOn, centralFinishBefore: d.centralFinishBefore,
      provinceReceivedOn: d.provinceReceivedOn, centralReceivedOn: d.centralReceivedOn, reRatingDueOn: d.reratingDueOn, transitionDueOn: d.transitionDueOn,
    },
    reRating: presentReRating(d, x.reRatingCertificate ?? null, vnDate(now)),
    returns: x.returns.map((r) => ({ id: r.id, stage: r.stage, reasons: r.reasons, knockOuts: r.knockOuts, returnedAt: r.returnedAt.toISOString(), resubmittedAt: r.resubmittedAt?.toISOString() ?? null })),
    submissions: x.submissions.map((s) => ({ seq: s.seq, submittedAt: s.submittedAt.toISOString() })),
    files: x.files.map((f) => ({ id: f.id, criterionCode: f.criterionCode, url: dossierFileUrl(d.id, f.id), mimeType: f.mimeType, sizeBytes: f.sizeBytes, originalName: f.originalName, caption: f.caption, createdAt: f.createdAt.toISOString() })),
    createdAt: d.createdAt.toISOString(),
  };
}

/** One criterion note as the list and the POST both return it. */
export function presentNote(n: CriterionNoteRow) {
  return { id: n.id, criterionCode: n.criterion_code, authorId: n.author_id, authorName: n.full_name, side: n.author_side, body: n.body, createdAt: new Date(n.created_at).toISOString() };
}
