// stats: indicators computed live from every module's tables (it reads, never writes), published as open data
// (JSON and CSV). Dashboards, charts and the map come next.
import type { ModulePlugin } from '../../app/plugin.js';
import { officeRoutes } from './office.routes.js';
import { statsRoutes } from './stats.routes.js';
import { tradeEventIndicatorRoutes } from './trade-events.indicator.js';

export const statsModuleRoutes: ModulePlugin = async (app, deps) => {
  await app.register(statsRoutes, deps);
  await app.register(tradeEventIndicatorRoutes, deps);
  await app.register(officeRoutes, deps);
};
export { countsForToday } from './recount.js';
