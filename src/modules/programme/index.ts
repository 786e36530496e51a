// programme: running the OCOP programme — capacity building (trainings, workshops, study tours with QR check-in and
// certificates of attendance) and standards and market requirements (each product's compliance checklist).
import type { ModulePlugin } from '../../app/plugin.js';
import { standardsRoutes } from './standards.routes.js';
import { trainingRoutes } from './trainings.routes.js';

export const programmeRoutes: ModulePlugin = async (app, deps) => {
  await app.register(trainingRoutes, deps);
  await app.register(standardsRoutes, deps);
};

export { TRAINING_FIELDS } from './trainings.fields.js';
export { training, trainingAttendee, trainingInvitation, trainingEvaluation } from './trainings.tables.js';
export { complianceItem, productTargetMarket } from './standards.tables.js';
export { STANDARDS, requirementsFor, expiryState } from './standards.rules.js';
