// Wires the producer's traceability routes: the step recording (a tap, or a spreadsheet of steps) captures through
// the repository's captureDocument.
import type { ModulePlugin } from '../../app/plugin.js';
import { captureDocument } from './commands/capture-document.js';
import type { Capture } from './commands/record-step.js';
import { stepImportRoutes } from './import/import.routes.js';
import { producerTraceRoutes } from './producer.routes.js';
import { traceStatusRoutes } from './trace-status.js';

export const traceProducerRoutes: ModulePlugin = async (app, deps) => {
  const capture: Capture = (ctx, document, opts) => captureDocument(ctx, document, opts);
  await app.register(producerTraceRoutes, { ...deps, capture });
  // The spreadsheet of steps records through the same step command, hence the same capture.
  await app.register(stepImportRoutes, { ...deps, capture });
  await app.register(traceStatusRoutes, deps);
};
