// Spreadsheet import and export of the registry (a part of the registry module, registered by its index.ts).
export { importRoutes } from './import.routes.js';
export { exportRoutes } from './export.routes.js';
export { importJob } from './import.tables.js';
