// supervision: after recognition — consumer reports and complaints (reports.*), inspections (inspections.*) and the
// scoring-integrity analytics (integrity.*), for the offices and inspectors.
import type { ModulePlugin } from '../../app/plugin.js';
import { inspectionRoutes } from './inspections.routes.js';

export const supervisionRoutes: ModulePlugin = async (app, deps) => {
  await app.register(inspectionRoutes, deps);
};

// Inspections: the demo seed, and the tables the statistics may read.
export { inspection, inspectionPlan, correctiveAction } from './inspections.tables.js';
// The commands, for the demo seed.
export { createPlan, approvePlan, addPlanItems } from './commands/plans.js';
export { createInspection, recordInspection, completeRevocation } from './commands/inspections.js';
export { closeCorrectiveAction } from './commands/actions.js';
