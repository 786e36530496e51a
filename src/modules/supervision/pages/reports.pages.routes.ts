// The public side of consumer reports, server-rendered at the site's root (readable and usable without JavaScript):
//   GET  /phan-anh                 type a reference code (?ma=…) to follow a report
//   GET  /phan-anh/{reference}     the report's status (after sending: ?moi=1 says it was received, with the code)
//   POST /phan-anh                 the product page's form (multipart/form-data with photos, or urlencoded)
// The trace page keeps its own form and hands it to traceReportFiler (through the composition root), so both pages
// write to the same table. A post is accepted only from this site's own pages (Origin, else Referer).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../../app/actor.js';
import { AppError } from '../../../app/errors.js';
import { FileStore } from '../../../app/files.js';
import { sendHtml, siteOf } from '../../../app/html/page.js';
import { localPath } from '../../../app/html/site-i18n.js';
import { trustedOrigins, writeOriginTrusted } from '../../../app/origin.js';
import type { ModuleDeps } from '../../../app/plugin.js';
import { join } from 'node:path';
import { vnDate } from '../../scoring/index.js';
import { fileReport } from '../commands/file-report.js';
import { submitReportBody } from '../reports.contract.js';
import { getReportStatus } from '../reports.repo.js';
import { newReference, normalizeReference, publicStatus, REPORT_DATA } from '../reports.rules.js';
import { readReportForm } from '../reports.uploads.js';
import { renderLookupPage, renderSendFailedPage, renderStatusPage } from './reports.page.js';

const ROUTE = { schema: { hide: true }, config: { access: 'public' as const } };
export const STATUS_PATH = '/phan-anh';
export const statusPath = (reference: string) => `${STATUS_PATH}/${encodeURIComponent(reference)}`;

/** The product page's report form: where it posts and what it offers (handed to the registry's pages). */
export const reportCategoriesForPages = () => ({ action: STATUS_PATH, categories: REPORT_DATA.categories, maxFiles: REPORT_DATA.attachments.maxFiles });

/** The trace page's form, filed as a report of this module ('trace'; the category is fixed at triage). */
export const traceReportFiler = () => async (ctx: Ctx, input: { productId: string; lot: string | null; message: string; contact: string | null; ip: string }) => {
  const row = await fileReport(ctx, undefined, { ...input, category: 'other', source: 'trace' });
  return { reference: row.reference, statusPath: statusPath(row.reference) };
};

export const reportPages: FastifyPluginAsync<ModuleDeps> = async (app, { database, config }) => {
  const { db } = database;
  const files = new FileStore(join(config.dataDir, 'files'));
  const origins = trustedOrigins(config);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  app.get(STATUS_PATH, ROUTE, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, string | undefined>;
    const site = siteOf(req, reply, config.publicUrl, STATUS_PATH);
    if (q.ma === undefined || q.ma.trim() === '') return sendHtml(req, reply, renderLookupPage(site, {}));
    const ref = normalizeReference(q.ma);
    if (!ref) return sendHtml(req, reply, renderLookupPage(site, { typed: q.ma.slice(0, 40), problem: 'invalid' }), 400);
    return noStore(reply).redirect(localPath(statusPath(ref), site.lang), 303);
  });

  app.get<{ Params: { reference: string } }>(`${STATUS_PATH}/:reference`, ROUTE, async (req, reply) => {
    const ref = normalizeReference(req.params.reference);
    const site = siteOf(req, reply, config.publicUrl, STATUS_PATH);
    const row = ref ? await getReportStatus(db, ref) : undefined;
    noStore(reply);
    if (!row) return sendHtml(req, reply, renderLookupPage(site, { typed: req.params.reference.slice(0, 40), problem: 'not_found' }), 404);
    const s = publicStatus(row, row.originalStatus && row.originalUpdatedAt ? { status: row.originalStatus, updatedAt: row.originalUpdatedAt } : undefined);
    const fresh = (req.query as Record<string, string | undefined>).moi === '1';
    return sendHtml(req, reply, renderStatusPage(site, { reference: row.reference, status: s.status, updatedAt: s.updatedAt.toISOString(), fresh }));
  });

  app.post(STATUS_PATH, ROUTE, async (req: FastifyRequest, reply) => {
    const site = siteOf(req, reply, config.publicUrl, STATUS_PATH);
    noStore(reply);
    if (!writeOriginTrusted(req.headers, origins)) return sendHtml(req, reply, renderSendFailedPage(site, { problem: 'refused' }), 403);
    let fields: Record<string, string>;
    let photos: Awaited<ReturnType<typeof readReportForm>>['photos'] = [];
    try {
      if (req.isMultipart()) ({ fields, photos } = await readReportForm(req, config.maxUploadBytes));
      else fields = Object.fromEntries(Object.entries((req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>;
    } catch (err) {
      if (err instanceof AppError) return sendHtml(req, reply, renderSendFailedPage(site, { message: err.text }), 400);
      throw err;
    }
    const productId = typeof fields.productId === 'string' ? fields.productId : undefined;
    const parsed = submitReportBody.safeParse(fields);
    if (!parsed.success) return sendHtml(req, reply, renderSendFailedPage(site, { problem: 'invalid', productId }), 400);
    const b = parsed.data;
    if (b.website) return noStore(reply).redirect(localPath(statusPath(newReference(Number(vnDate(new Date()).slice(0, 4)))), site.lang, { moi: 1 }), 303);
    try {
      const row = await db.transaction((tx) => fileReport({ actor: req.actor.kind === 'user' ? req.actor : { kind: 'public' }, tx, log: req.log, now: new Date() }, files, {
        productId: b.productId, category: b.category, message: b.message, contact: b.contact, lot: b.lot, source: 'public', ip: req.ip, photos,
      }));
      return reply.redirect(localPath(statusPath(row.reference), site.lang, { moi: 1 }), 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.kind === 'rate_limited') reply.header('retry-after', String(err.extra.retryAfter ?? 3600));
      const status = err.kind === 'rate_limited' ? 429 : err.kind === 'not_found' ? 404 : err.kind === 'too_large' ? 413 : 400;
      return sendHtml(req, reply, renderSendFailedPage(site, { problem: err.kind === 'rate_limited' ? 'limited' : undefined, message: err.text, productId: err.kind === 'not_found' ? undefined : productId }), status);
    }
  });
};
