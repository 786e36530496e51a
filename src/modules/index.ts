// The composition root: the one place that wires the modules into the infrastructure of src/app (which never
// imports a module). Every caller that needs the whole system — `ocop serve` and the other CLI commands, the test
// harness and template, the browser tests, the benchmarks — starts here.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../app/config.js';
import type { Database } from '../app/db.js';
import { registerSiteAssets } from '../app/html/site-assets.js';
import { trustedOrigins } from '../app/origin.js';
import { OutboxWorker } from '../app/outbox.js';
import type { ModulePlugin } from '../app/plugin.js';
import { HOUR_MS, oncePerDay, schedule } from '../app/schedule.js';
import { buildServer } from '../app/server.js';
import { accountsRoutes, registerAuthentication } from './accounts/index.js';
import { geoRoutes, loadAdminUnits } from './geo/index.js';
import { createMailTransport, notificationRoutes, registerNotificationHandlers } from './notifications/index.js';
import { loadClassification, registryPages, registryRoutes } from './registry/index.js';
import { countsForToday, statsModuleRoutes } from './stats/index.js';
import { productOffers, tourismNear, tradePages, tradeRoutes } from './trade/index.js';
import { contentPages, contentSitemap, productGoodModels, programmeRoutes } from './programme/index.js';
import { loadHolidays, productCertification, runCertificateExpiry, runReRatingReminders, scoringPages, scoringRoutes } from './scoring/index.js';
import { epcisRoutes, productQrSvg, resolverWriteCommitted, tracePages, traceProducerRoutes, traceRoutes } from './trace/index.js';
import { reportCategoriesForPages, reportPages, supervisionRoutes, traceReportFiler } from './supervision/index.js';

/** Every module's routes, in the order of the module graph. */
const moduleRoutes: ModulePlugin = async (api, deps) => {
  await api.register(geoRoutes, deps);
  await api.register(accountsRoutes, deps);
  await api.register(notificationRoutes, deps);
  await api.register(registryRoutes, deps);
  await api.register(scoringRoutes, deps);
  await api.register(traceRoutes, deps);
  await api.register(traceProducerRoutes, deps);
  await api.register(tradeRoutes, deps);
  await api.register(programmeRoutes, deps);
  await api.register(supervisionRoutes, deps);
  await api.register(statsModuleRoutes, deps);
};

/** The server-rendered public pages at the site's root: the shell's files, then each module's pages. The product
 * page shows the product's certificate, which scoring knows, the QR code of its Digital Link, which trace draws, and
 * where to buy it, which trade knows: all are handed to the registry here, so the registry never imports the modules
 * above it; its report-a-problem form posts to the supervision module's page, and the trace page's form is filed by
 * the supervision module (traceReportFiler). The EPCIS repository's REST binding and the Digital Link resolver live at the root too, at their
 * standards' paths (/epcis/…, /01/…). */
const sitePages: ModulePlugin = async (app, deps) => {
  registerSiteAssets(app, deps.config.publicUrl);
  await app.register(registryPages, {
    ...deps, certificationOf: productCertification(deps.database.db), qrCodeOf: (gtin) => productQrSvg(deps.config.publicUrl, gtin), offersOf: productOffers(deps.database.db),
    reportForm: reportCategoriesForPages(),
    goodModelsOf: productGoodModels(deps.database.db),
    tourismNear: tourismNear(deps.database.db),
    otherPagesOf: contentSitemap(deps.database.db),
  });
  await app.register(scoringPages, deps);
  await app.register(epcisRoutes, deps);
  await app.register(tracePages, { ...deps, fileReport: traceReportFiler(), reportCategories: reportCategoriesForPages().categories });
  await app.register(reportPages, deps);
  await app.register(tradePages, deps);
  await app.register(contentPages, deps);
};

/** The HTTP server with every module plugged in (not yet listening). */
export function buildApp(config: Config, database: Database, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  return buildServer(config, database, { authenticate: (app) => registerAuthentication(app, database.db, trustedOrigins(config)), routes: moduleRoutes, pages: sitePages, afterWrite: resolverWriteCommitted }, opts);
}

/** Loads the reference data every database needs (administrative units, classification), idempotently. */
export async function loadReferenceData(database: Database): Promise<{ adminUnits: boolean; classification: boolean; holidays: boolean }> {
  return database.db.transaction(async (tx) => ({
    adminUnits: await loadAdminUnits(tx),
    classification: await loadClassification(tx),
    holidays: await loadHolidays(tx),
  }));
}

export type Workers = { stop(): Promise<void> };

/** The background work of a server process: the outbox worker with every module's handlers, and the daily jobs. */
export function startWorkers(database: Database, log: FastifyBaseLogger, config: Config): Workers {
  // Every event's notices (e-mail and in-app) and the security mail. The product's registry status already changed
  // in the certificate's own transaction; the certificate events only notify.
  const mail = createMailTransport({ smtpUrl: config.smtpUrl, dataDir: config.dataDir, from: config.mailFrom });
  const outbox = registerNotificationHandlers(new OutboxWorker(database.db, log), mail, config.publicUrl);
  outbox.start();
  // Products whose certificate lapsed read 'expired' in the registry (Điều 4.3, 12.3): once a Việt Nam day across all
  // server processes, checked now and every hour so a new day's run comes soon after midnight.
  const expiry = schedule('certificate-expiry', HOUR_MS, oncePerDay(database, 'certificate-expiry',
    () => runCertificateExpiry(database.db, log).then((r) => ({ today: r.today, expired: r.expired.length }))), log);
  // The re-rating reminders (window opening, closing soon), enqueued once per certificate: daily like the expiry.
  const reminders = schedule('rerating-reminders', HOUR_MS, oncePerDay(database, 'rerating-reminders',
    () => runReRatingReminders(database.db, log)), log);
  // The dashboards' counts recounted soon after a new day begins, before a visitor has to wait for it (stats).
  const counts = schedule('stats-counts', 5 * 60_000, () => countsForToday(database.db), log);
  return {
    async stop() {
      await outbox.stop();
      await expiry.stop();
      await reminders.stop();
      await counts.stop();
    },
  };
}
