// scoring: the legal rule-sets and their 26 score sheets, dossiers, councils, member scoring, star results and certificates.
import type { ModulePlugin } from '../../app/plugin.js';
import { certificateRoutes } from './certificates.routes.js';
import { councilRoutes } from './councils.routes.js';
import { dossierRoutes } from './dossiers.routes.js';
import { holidayRoutes } from './holidays.routes.js';
import { sheetRoutes } from './sheets.routes.js';
import { todoRoutes } from './todo.routes.js';

export const scoringRoutes: ModulePlugin = async (app, deps) => {
  await app.register(sheetRoutes, deps);
  await app.register(certificateRoutes, deps);
  await app.register(dossierRoutes, deps);
  await app.register(councilRoutes, deps);
  await app.register(holidayRoutes, deps);
  await app.register(todoRoutes, deps);
};

export { loadHolidays } from './commands/load-holidays.js';
export { calendarFromDb } from './holidays.repo.js';

// Score sheets, legal numbers and the pure scoring rules (also used by trade, supervision and stats for reads).
export { getSheet, sheetsOf, criteriaOf, IN_FORCE, type Sheet, type Criterion } from './sheets.data.js';
export { RULES, authorityLevel, type LegalRules, type CouncilSettings } from './rules.data.js';
export {
  evaluate, evaluateCouncil, councilMean, spreadCheck, quorumCheck, nextStarAdvice, starBand, goesToCentralCouncil,
  type Answers, type Evaluation, type CouncilEvaluation, type UnmetMinimum, type NextStarAdvice,
} from './scoring.rules.js';
// Certificates: issued after the competent authority's decision; revoked on a ground of Điều 8.
export { issueCertificate, type IssueCertificateInput } from './commands/issue-certificate.js';
export { revokeCertificate } from './commands/revoke-certificate.js';
// A proposal to revoke (an inspection's conclusion, supervision): the authority's queue until it revokes.
export { proposeRevocation, type ProposeRevocationInput } from './commands/propose-revocation.js';
export { revocationProposal, type RevocationProposalRow } from './certificates.tables.js';
export { revocationDeadline } from './certificates.rules.js';
export { REVOCATION_GROUNDS } from './rules.data.js';
export { canRevokeCertificate } from './certificates.policy.js';
export { certificate } from './certificates.tables.js';
// The SQL of a certificate's shown status on a day (the Điều 12.3 extension included): trade and stats count by it.
export { statusIs as certificateStatusIs, lastDayInForce as certificateLastDayInForce } from './certificates.repo.js';
export { certificateNumber, expiryOf, authorityName, addDays, addMonths, vnDate } from './certificates.rules.js';
// Dossiers and councils: the procedure of Điều 5–7 (commands used by the demo seed; reads join the tables freely).
export { createDossier } from './commands/create-dossier.js';
export { submitDossier } from './commands/submit-dossier.js';
export { reviewDossierAtCommune } from './commands/review-dossier-commune.js';
export { forwardDossier } from './commands/forward-dossier.js';
export { returnDossier } from './commands/return-dossier.js';
export { rejectDossier } from './commands/reject-dossier.js';
export { acceptDossier } from './commands/accept-dossier.js';
export { recordAdvisoryReview } from './commands/record-advisory-review.js';
export { decideDossier } from './commands/decide-dossier.js';
export { recordTransitionFiling } from './commands/record-transition-filing.js';
export { createCouncil } from './commands/create-council.js';
export { addCouncilMember } from './commands/add-council-member.js';
export { createSession } from './commands/create-session.js';
export { addSessionItem } from './commands/add-session-item.js';
export { openSession } from './commands/open-session.js';
export { saveScore } from './commands/save-score.js';
export { closeSession } from './commands/close-session.js';
export { addPrecedent } from './commands/add-precedent.js';
export { answersNear } from './sample-answers.js';
export { dossier, DOSSIER_STATUSES, type DossierStatus } from './dossiers.tables.js';
export { council, councilSession, memberScore } from './councils.tables.js';
export { addWorkingDays, workingDaysBetween, isWorkingDay, roundFor, communeReviewDue, transitionDueOn, lapsingInstruments, procedureRules } from './deadlines.rules.js';
// The daily expiry job (server start, every 24 h, and `ocop expire`).
export { runCertificateExpiry } from './commands/expire-certificates.js';
// The daily re-rating reminders (the notification centre tells the entity's members).
export { runReRatingReminders, remindReRating, CLOSING_NOTICE_DAYS } from './commands/remind-rerating.js';
// The public pages (server-rendered at the site's root) and the certificate a product's page shows.
export { scoringPages, productCertification } from './pages/pages.routes.js';
// The administrative PDF layout (Nghị định 30/2020/NĐ-CP), for the documents the modules above print (programme's
// certificates of attendance).
export { renderPdf, motto, dateInWords, placeAndDate, textWidth, type Doc } from './pdf-layout.js';
