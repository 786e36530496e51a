// programme: running the OCOP programme — yearly plans and targets with live progress, the OCOP cycle of each
// product (ideas, business plans, the step a product is at, its upgrade path), capacity building (trainings,
// workshops, study tours with QR check-in and certificates of attendance), standards and market requirements (each
// product's compliance checklist); news, good models and credit are in content.index.ts.
import type { ModulePlugin } from '../../app/plugin.js';
import { contentRoutes } from './content.index.js';
import { cycleRoutes } from './cycle.routes.js';
import { planRoutes } from './plans.routes.js';
import { standardsRoutes } from './standards.routes.js';
import { trainingRoutes } from './trainings.routes.js';

export const programmeRoutes: ModulePlugin = async (app, deps) => {
  await app.register(planRoutes, deps);
  await app.register(cycleRoutes, deps);
  await app.register(trainingRoutes, deps);
  await app.register(standardsRoutes, deps);
  await app.register(contentRoutes, deps);
};

export { programmePlan, programmePlanVersion } from './plans.tables.js';
export { productIdea } from './cycle.tables.js';
export { MEASURE_OF, trainingsHeld, fairsAttended } from './plans.measures.js';
export { savePlan } from './commands/save-plan.js';
export { submitPlan } from './commands/submit-plan.js';
export { approvePlan } from './commands/approve-plan.js';
export { submitIdea } from './commands/submit-idea.js';
export { acceptIdea, returnIdea } from './commands/decide-idea.js';
export { contentPages, contentSitemap, productGoodModels, newsArticle, newsImage, goodModel, goodModelFile, creditProgramme, creditApplication } from './content.index.js';
export { TRAINING_FIELDS } from './trainings.fields.js';
export { training, trainingAttendee, trainingInvitation, trainingEvaluation } from './trainings.tables.js';
export { complianceItem, productTargetMarket } from './standards.tables.js';
export { STANDARDS, requirementsFor, expiryState } from './standards.rules.js';
