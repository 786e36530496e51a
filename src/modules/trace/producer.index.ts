// Wires the producer's traceability routes: the step recording captures through the repository's captureDocument.
import type { ModulePlugin } from '../../app/plugin.js';
import { captureDocument } from './commands/capture-document.js';
import { producerTraceRoutes } from './producer.routes.js';
import { traceStatusRoutes } from './trace-status.js';

export const traceProducerRoutes: ModulePlugin = async (app, deps) => {
  await app.register(producerTraceRoutes, { ...deps, capture: (ctx, document, opts) => captureDocument(ctx, document, opts) });
  await app.register(traceStatusRoutes, deps);
};
