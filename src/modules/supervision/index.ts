// supervision: after recognition — consumer reports and complaints (reports.*), inspections (inspections.*) and the
// scoring-integrity analytics (integrity.*), for the offices and inspectors.
import type { ModulePlugin } from '../../app/plugin.js';
import { auditTrailRoutes } from './audit-trail.routes.js';
import { inspectionRoutes } from './inspections.routes.js';
import { integrityRoutes } from './integrity.routes.js';
import { reportRoutes } from './reports.routes.js';

export const supervisionRoutes: ModulePlugin = async (app, deps) => {
  await app.register(reportRoutes, deps);
  await app.register(inspectionRoutes, deps);
  await app.register(integrityRoutes, deps);
  await app.register(auditTrailRoutes, deps);
};

// Consumer reports: the table (inspections link to it; the plan suggests products with complaints), the public
// pages, and the function the trace page hands its form to.
export { report, reportAttachment, REPORT_STATUSES, type ReportStatus, type ReportRow } from './reports.tables.js';
export { productsWithReports } from './reports.repo.js';
export { fileReport, type NewReport } from './commands/file-report.js';
export { REPORT_DATA } from './reports.rules.js';
export { reportPages, traceReportFiler, reportCategoriesForPages } from './pages/reports.pages.routes.js';

// Inspections: the demo seed, and the tables the statistics may read.
export { inspection, inspectionPlan, correctiveAction } from './inspections.tables.js';
