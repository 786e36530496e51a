// The integrity and process-audit part of the supervision module (issue 14, parts 3 and 4), until the module's
// index.ts (the reports branch) re-exports it: the composition root registers these routes.
import type { ModulePlugin } from '../../app/plugin.js';
import { auditTrailRoutes } from './audit-trail.routes.js';
import { integrityRoutes } from './integrity.routes.js';

export const integrityModuleRoutes: ModulePlugin = async (app, deps) => {
  await app.register(integrityRoutes, deps);
  await app.register(auditTrailRoutes, deps);
};
