// scoring: the legal rule-sets and their 26 score sheets, dossiers, councils, member scoring, star results and certificates.
import type { ModulePlugin } from '../../app/plugin.js';
import { certificateRoutes } from './certificates.routes.js';
import { councilRoutes } from './councils.routes.js';
import { dossierRoutes } from './dossiers.routes.js';
import { sheetRoutes } from './sheets.routes.js';

export const scoringRoutes: ModulePlugin = async (app, deps) => {
  await app.register(sheetRoutes, deps);
  await app.register(certificateRoutes, deps);
  await app.register(dossierRoutes, deps);
  await app.register(councilRoutes, deps);
};

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
export { certificate } from './certificates.tables.js';
export { certificateNumber, expiryOf, authorityName, addDays, addMonths, vnDate } from './certificates.rules.js';
