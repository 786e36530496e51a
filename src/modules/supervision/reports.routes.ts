// Consumer reports: /api/v1/reports. The public sends a report (no account) and follows it by its reference; the
// officers and inspectors of the product's province work the triage queue. Thin routes: access declared, validate,
// load, authorise the scope, one command, present.
import { join } from 'node:path';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { readAudit } from '../../app/audit.js';
import { inTransaction } from '../../app/command.js';
import { notFound } from '../../app/errors.js';
import { FileStore } from '../../app/files.js';
import { nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { logSensitiveRead } from '../../app/privacy.js';
import { contentDisposition, STORED_FILE_POLICY } from '../../app/security-headers.js';
import { vnDate } from '../scoring/index.js';
import { closeReport, linkInspection, mergeReport, triageReport } from './commands/handle-report.js';
import { fileReport } from './commands/file-report.js';
import {
  closeReportBody, linkInspectionBody, mergeReportBody, recordReportBody, referenceParam, reportCategoriesOut, reportCreated, reportList, reportListQuery,
  reportOut, reportStatusOut, submitReportBody, triageReportBody,
} from './reports.contract.js';
import { HANDLER_ROLES, inScope, READER_ROLES, reportVisibility } from './reports.policy.js';
import { presentReport } from './reports.present.js';
import { duplicatesOf, getReport, getReportStatus, listReports, photosOf, reportKeys } from './reports.repo.js';
import { newReference, normalizeReference, OPEN, publicStatus, REPORT_DATA } from './reports.rules.js';
import { report } from './reports.tables.js';
import { readReportForm } from './reports.uploads.js';

const today = () => vnDate(new Date());
const reportNotFound = () => notFound('report', 'phản ánh');
const historyOut = z.object({
  items: z.array(z.object({ id: z.number(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), action: z.string(), before: z.unknown(), after: z.unknown(), changes: z.array(z.string()) })),
});

function listFilter(actor: Actor, qy: z.infer<typeof reportListQuery>): SQL | undefined | false {
  const scope = reportVisibility(actor);
  if (scope === false) return false;
  return and(
    scope,
    qy.status === 'open' ? inArray(report.status, [...OPEN]) : qy.status ? eq(report.status, qy.status) : undefined,
    qy.category ? eq(report.category, qy.category) : undefined,
    qy.product ? eq(report.productId, qy.product) : undefined,
    qy.province ? eq(report.provinceCode, qy.province) : undefined,
    qy.commune ? eq(report.communeCode, qy.commune) : undefined,
  );
}

export const reportRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const files = new FileStore(join(config.dataDir, 'files'));

  /** The report an officer in scope may read (404 to anyone else: a reference outside one's province does not exist). */
  async function readable(actor: Actor, reference: string) {
    const ref = normalizeReference(reference);
    const row = ref ? await getReport(db, ref) : undefined;
    if (!row || !inScope(actor, row.report)) throw reportNotFound();
    return row;
  }
  async function detail(req: FastifyRequest, reference: string) {
    const row = await readable(req.actor, reference);
    const [photos, duplicates] = await Promise.all([photosOf(db, row.report.id), duplicatesOf(db, row.report.id)]);
    if (row.report.contact) {
      await logSensitiveRead(db, req.log, req.actor, { recordType: 'report', recordId: row.report.id, fields: ['contact'], route: req.routeOptions.url ?? req.url, requestId: req.id });
    }
    return presentReport(row, req.actor, today(), { photos, duplicates, withContact: true });
  }

  r.get('/report-categories', { config: { access: 'public', publicCache: true }, schema: { tags: ['supervision'], summary: 'Report categories, the service level in working days and the photo limits (data/supervision/reports.json)', response: { 200: reportCategoriesOut } } }, async () =>
    ({ serviceLevel: REPORT_DATA.serviceLevel, attachments: REPORT_DATA.attachments, items: REPORT_DATA.categories }));

  r.post('/reports', {
    config: { access: 'public' },
    // A form with photos arrives as multipart/form-data: read whole first, so the schema checks its fields like JSON.
    preValidation: async (req) => {
      if (!req.isMultipart()) return;
      const { fields, photos } = await readReportForm(req, config.maxUploadBytes);
      req.body = fields as typeof req.body;
      req.reportPhotos = photos;
    },
    schema: {
      tags: ['supervision'], consumes: ['application/json', 'multipart/form-data'],
      summary: 'Report a problem with a product (no account): JSON, or multipart/form-data with up to 3 photos (JPEG, PNG, WebP) in fields named photos. Answers the reference code to follow it. Rate limited per address.',
      body: submitReportBody, response: { 201: reportCreated },
    },
  }, async (req, reply) => {
    const b = req.body;
    // A robot filled the hidden field: thanked with a reference that leads nowhere, nothing stored.
    if (b.website) return reply.status(201).send({ reference: newReference(Number(today().slice(0, 4))) });
    const row = await inTransaction(db, req, (ctx) => fileReport(ctx, files, {
      productId: b.productId, category: b.category, message: b.message, contact: b.contact, lot: b.lot, source: 'public', ip: req.ip, photos: req.reportPhotos,
    }));
    return reply.status(201).send({ reference: row.reference });
  });

  r.get('/reports/:reference', { config: { access: 'public' }, schema: { tags: ['supervision'], summary: 'The status of a report by its reference code (anyone who has the code): nothing else about the report or its reporter', params: referenceParam, response: { 200: reportStatusOut } } }, async (req, reply) => {
    const ref = normalizeReference(req.params.reference);
    const row = ref ? await getReportStatus(db, ref) : undefined;
    if (!row) throw reportNotFound();
    const s = publicStatus(row, row.originalStatus && row.originalUpdatedAt ? { status: row.originalStatus, updatedAt: row.originalUpdatedAt } : undefined);
    reply.header('cache-control', 'no-store');
    return { reference: row.reference, status: s.status, updatedAt: s.updatedAt.toISOString() };
  });

  r.get('/reports', { config: { access: READER_ROLES }, schema: { tags: ['supervision'], summary: 'The triage queue: reports of the products in your scope (province office and inspectors: the province; commune: its own; central: all), oldest first; keyset paging', querystring: reportListQuery, response: { 200: reportList } } }, async (req, reply) => {
    const qy = req.query;
    const where = listFilter(req.actor, qy);
    if (where === false) return { total: 0, totalExact: true, nextCursor: null, items: [] };
    const page = await listReports(db, where, qy.sort, qy.pageSize, readCursor(qy, 'report', reportKeys(qy.sort)));
    if (page.nextCursor) reply.header('link', nextLink(req.url, page.nextCursor));
    const day = today();
    return { total: page.total, totalExact: page.totalExact, nextCursor: page.nextCursor, items: page.rows.map((row) => presentReport(row, req.actor, day)) };
  });

  r.post('/reports/recorded', { config: { access: READER_ROLES }, schema: { tags: ['supervision'], summary: 'Record a report received by phone, letter, e-mail or in person (a product in your scope)', body: recordReportBody, response: { 201: reportOut } } }, async (req, reply) => {
    const row = await inTransaction(db, req, (ctx) => fileReport(ctx, files, { ...req.body, source: 'officer' }));
    return reply.status(201).send(await detail(req, row.reference));
  });

  r.get('/reports/:reference/details', { config: { access: READER_ROLES }, schema: { tags: ['supervision'], summary: 'A report in full for the officers in scope: message, photos, duplicates, the reporter\'s contact (each read logged)', params: referenceParam, response: { 200: reportOut } } }, async (req) =>
    detail(req, req.params.reference));

  r.get('/reports/:reference/history', { config: { access: READER_ROLES }, schema: { tags: ['supervision'], summary: 'Audit trail of a report', params: referenceParam, response: { 200: historyOut } } }, async (req) => {
    const row = await readable(req.actor, req.params.reference);
    return { items: await readAudit(db, 'report', row.report.id) };
  });

  r.get('/reports/:reference/photos/:fileId', { config: { access: READER_ROLES }, schema: { tags: ['supervision'], summary: 'A photo sent with a report (officers in scope)', params: referenceParam.extend({ fileId: z.uuid() }) } }, async (req, reply) => {
    const row = await readable(req.actor, req.params.reference);
    const photo = (await photosOf(db, row.report.id)).find((p) => p.id === req.params.fileId);
    if (!photo) throw notFound('photo', 'ảnh');
    reply.header('content-type', photo.mimeType);
    reply.header('cache-control', 'private, max-age=0');
    reply.header('content-disposition', contentDisposition('inline', `${row.report.reference}-${photo.id.slice(0, 8)}`));
    reply.header('content-security-policy', STORED_FILE_POLICY);
    return reply.send(await files.get(photo.sha256));
  });

  const action = <B extends z.ZodType>(path: string, summary: string, body: B, run: (ctx: Parameters<typeof triageReport>[0], reference: string, input: z.infer<B>) => Promise<unknown>) =>
    r.post(`/reports/:reference/${path}`, { config: { access: HANDLER_ROLES }, schema: { tags: ['supervision'], summary, params: referenceParam, body, response: { 200: reportOut } } }, async (req) => {
      const row = await readable(req.actor, req.params.reference);
      await inTransaction(db, req, (ctx) => run(ctx, row.report.reference, req.body as z.infer<B>));
      return detail(req, row.report.reference);
    });
  action('triage', 'Triage: fix the category or lot, assign it, start the investigation', triageReportBody, triageReport);
  action('merge', 'Merge a duplicate into the report it repeats (its reporter then follows that one)', mergeReportBody, mergeReport);
  action('link', 'Link the inspection this report triggered (it is then under investigation)', linkInspectionBody, linkInspection);
  action('close', 'Close with the resolution', closeReportBody, closeReport);
};
