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
