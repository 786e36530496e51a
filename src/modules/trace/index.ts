// trace: value-chain traceability — GS1 identifiers (GTIN, GLN, Digital Link, EPC URNs), batches, the EPCIS 2.0
// repository, the Digital Link resolver, QR labels, the public trace page and the tamper-evident capture chain.
import type { FastifyPluginAsync } from 'fastify';
import type { ModulePlugin } from '../../app/plugin.js';
import { linkRoutes } from './links.routes.js';
import { qrRoutes } from './qr.routes.js';
import { resolverRoutes } from './resolver.routes.js';
import { tracePageRoutes, type TracePagesOptions } from './pages/pages.routes.js';

export { canonicalId, digitalLink, normaliseGtin, parseDigitalLink, type Gs1Key } from './gs1.rules.js';
export { captureDocument, type CaptureError, type CaptureErrorBehaviour, type CaptureOptions, type CaptureResult } from './commands/capture-document.js';
export { eventHashId } from './event-hash.rules.js';
export { EPCIS_CONTEXT } from './epcis.rules.js';
export { epcisRoutes } from './epcis.routes.js';
export { verifyChain, type ChainReport } from './epcis.verify.js';
// The producer's records (locations, lots, recorded steps) and the officers' traceability status (issue 12, item 6).
export { traceProducerRoutes } from './producer.index.js';
export { PRODUCER_TRACE_RECORDS } from './producer.fields.js';
export { epcisDocument, stepEvent, STEPS, type Step, type StepInput } from './recording.rules.js';
export { traceLocation, traceLot, LOCATION_KINDS, type LocationKind } from './trace.tables.js';
export { productQrSvg, qrSvg } from './qr.js';
// The resolver's exact cache: a committed write through this process clears it (wired to the server's onSend).
export { resolverWriteCommitted } from './resolver.cache.js';
// A certified product at 4★ or above without a traceability code (GTIN and a traced batch), as SQL over `product`.
export { flaggedSql as traceCodeMissingSql, TRACE_CODE_REQUIRED_FROM_STARS } from './trace-status.js';
// The static province map (outlines and projection), for other modules' public maps (trade's tourism map).
export { provincePaths, provinceCentre } from './pages/province-map.js';
export { project as mapProject, MAP_SIZE } from './trace.rules.js';

/** The trace module's API under /api/v1: the resolver's links, QR codes and label sheets. */
export const traceRoutes: ModulePlugin = async (app, deps) => {
  await app.register(linkRoutes, deps);
  await app.register(qrRoutes, deps);
};

/** At the site's root: the Digital Link resolver (/01/…, /414/…, /.well-known/gs1resolver) and the trace page. */
export const tracePages: FastifyPluginAsync<TracePagesOptions> = async (app, deps) => {
  await app.register(resolverRoutes, deps);
  await app.register(tracePageRoutes, deps);
};
export type { ReportFiler, TracePagesOptions } from './pages/pages.routes.js';
