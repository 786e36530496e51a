// Certificates: the public register and verification, the printed PDF, revocation by the competent authority,
// the re-rating reminders of the province office, and the legacy import (preview, then commit).
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { inTransaction } from '../../app/command.js';
import { readSingleUpload } from '../../app/uploads.js';
import { fileSlug } from '../../app/file-names.js';
import { contentDisposition } from '../../app/security-headers.js';
import { forbidden, notFound } from '../../app/errors.js';
import { nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { requireUser } from '../accounts/index.js';
import { renderCertificatePdf } from './certificate-pdf.js';
import { commitCertificateImport, previewCertificateImport } from './commands/import-certificates.js';
import { revokeCertificate } from './commands/revoke-certificate.js';
import {
  certificateActionsOut, importIdParams, importPreview, lateRevocationsOut, lateRevocationsQuery, numberParams, registerList, registerQuery, reminderItem, remindersOut, remindersQuery, revocationGroundsOut,
  revokeBody, verifyOut,
} from './certificates.contract.js';
import { readLegacyWorkbook } from './certificates.import.js';
import { canImportCertificates, certificateActions, lateRevocationProvince, reminderProvince } from './certificates.policy.js';
import { presentRegisterItem, presentVerification } from './certificates.present.js';
import { certificateKeys, getByNumber, pendingProposal, LATE_REVOCATION_SORT, lateRevocationKeys, listCertificates, listExpiring, listLateRevocations, REGISTER_SORT, registerFilter } from './certificates.repo.js';
import { addDays, reRatingWindow, standingOn, vnDate } from './certificates.rules.js';
import { certificate } from './certificates.tables.js';
import { RULES } from './rules.data.js';

const STAGE_MESSAGE = {
  open: (d: string) => ({ vi: `Đã mở thời hạn nộp hồ sơ đánh giá lại (đến hết ${d})`, en: `The re-rating filing window is open (until ${d})` }),
  closed: (d: string) => ({ vi: `Đã quá hạn nộp hồ sơ đánh giá lại; giấy chứng nhận hết hạn ngày ${d}`, en: `The re-rating filing window has closed; the certificate expires on ${d}` }),
  expired: (d: string) => ({ vi: `Giấy chứng nhận đã hết hạn ngày ${d}`, en: `The certificate expired on ${d}` }),
  extended: (d: string) => ({ vi: `Giấy chứng nhận hết hạn nhưng còn hiệu lực đến khi có kết quả đánh giá lại (nộp muộn), chậm nhất ${d}`, en: `The certificate has expired but stays in force until the late re-rating is decided, at the latest ${d}` }),
};

/** The one file of the multipart request (readSingleUpload: 413 beyond the upload limit, 400 for a malformed body). */
async function readXlsxUpload(req: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  const { upload } = await readSingleUpload(req);
  return { bytes: upload.bytes, fileName: upload.filename === 'file' ? 'giay-chung-nhan.xlsx' : upload.filename };
}

export const certificateRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const verifyUrl = (number: string) => `${config.publicUrl.replace(/\/$/, '')}/xac-minh/${encodeURIComponent(number)}`;

  async function byNumber(number: string) {
    const found = await getByNumber(db, number);
    if (!found) throw notFound('certificate', 'giấy chứng nhận');
    return found;
  }

  r.get('/certificates', { config: { access: 'public' }, schema: { tags: ['certificates'], summary: 'The public register of OCOP certificates: search without diacritics, filters, paging by page or cursor', querystring: registerQuery, response: { 200: registerList } } }, async (req, reply) => {
    const qy = req.query;
    const today = vnDate(new Date());
    const { total, totalExact, rows, nextCursor } = await listCertificates(db, registerFilter(qy, today), qy.page, qy.pageSize, readCursor({ ...qy, sort: REGISTER_SORT }, 'certificate', certificateKeys));
    reply.header('cache-control', 'public, max-age=60');
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    return { total, totalExact, page: qy.page, pageSize: qy.pageSize, nextCursor, items: rows.map((row) => presentRegisterItem(row, today)) };
  });

  r.get('/certificates/reminders', { config: { access: ['province', 'central'] }, schema: { tags: ['certificates'], summary: 'Certificates whose re-rating window is open (≤ 180 days to expiry) or closed (≤ 120 days), for the office\'s to-do list', querystring: remindersQuery, response: { 200: remindersOut } } }, async (req) => {
    requireUser(req);
    const scope = reminderProvince(req.actor, req.query.province);
    if (!scope.ok) throw forbidden();
    const today = vnDate(new Date());
    // Lapsed certificates stay on the list through the transition grace period (Điều 12.3).
    const rows = await listExpiring(db, scope.province ? eq(certificate.provinceCode, scope.province) : undefined,
      addDays(today, -RULES.transition.graceDaysAfterExpiry), addDays(today, RULES.reRating.windowOpensDaysBeforeExpiry));
    const items: z.infer<typeof reminderItem>[] = rows.map((row) => {
      const w = reRatingWindow(row.certificate.expiresOn, today);
      const stage = w.stage === 'not_yet' ? 'open' : w.stage;
      const item = presentRegisterItem(row, today);
      const message = item.extendedUntil ? STAGE_MESSAGE.extended(item.extendedUntil) : STAGE_MESSAGE[stage](stage === 'open' ? w.closesOn : row.certificate.expiresOn);
      return { ...item, stage, windowOpensOn: w.opensOn, windowClosesOn: w.closesOn, daysToExpiry: w.daysToExpiry, message };
    });
    return { today, items };
  });

  r.get('/certificates/revocations/late', { config: { access: ['province', 'central', 'inspector'] }, schema: { tags: ['certificates'], summary: 'Revocations decided more than 15 days after the finding (Điều 8.4), with their days late: for the authority and inspectors', querystring: lateRevocationsQuery, response: { 200: lateRevocationsOut } } }, async (req, reply) => {
    requireUser(req);
    const scope = lateRevocationProvince(req.actor, req.query.province);
    if (!scope.ok) throw forbidden();
    const today = vnDate(new Date());
    const cursor = readCursor({ ...req.query, sort: LATE_REVOCATION_SORT }, 'late_revocation', lateRevocationKeys);
    const { total, totalExact, rows, nextCursor } = await listLateRevocations(db, scope.province ? eq(certificate.provinceCode, scope.province) : undefined, req.query.page, req.query.pageSize, cursor);
    reply.header('cache-control', 'private, no-store');
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    return {
      total, totalExact, page: req.query.page, pageSize: req.query.pageSize, nextCursor, deadlineDays: RULES.revocation.deadlineDays,
      items: rows.map((row) => ({ ...presentRegisterItem(row, today), revocation: presentVerification(row, today, 'internal').revocation! })),
    };
  });

  r.get('/certificates/:number/verify', { config: { access: 'public' }, schema: { tags: ['certificates'], summary: 'Public verification: valid or not, stars, product, entity, dates, status, revocation', params: numberParams, response: { 200: verifyOut } } }, async (req, reply) => {
    const found = await byNumber(req.params.number);
    const today = vnDate(new Date());
    const out = presentVerification(found, today);
    // A pending late re-rating can end without the certificate changing: the extension is part of the tag.
    const extension = out.extendedUntil ? `.x${out.extendedUntil}` : '';
    // A CDN may serve it for a minute (s-maxage), but a browser asks again every time (max-age=0, answered by the
    // ETag): whoever rescans a certificate just revoked or replaced must see it so at once, not a copy of before.
    reply.header('cache-control', 'public, max-age=0, s-maxage=60').header('etag', `W/"${found.certificate.id.slice(0, 8)}.${found.certificate.version}.${today}${extension}"`);
    return out;
  });

  r.get('/certificates/:number/pdf', { config: { access: 'public' }, schema: { tags: ['certificates'], summary: 'The certificate as an A4 PDF with a QR code to the verification page', params: numberParams } }, async (req, reply) => {
    const found = await byNumber(req.params.number);
    const c = found.certificate;
    const pdf = await renderCertificatePdf({
      number: c.number, stars: c.stars, authority: c.authority, authorityLevel: c.authorityLevel, decisionNumber: c.decisionNumber,
      decidedOn: c.decidedOn, issuedOn: c.issuedOn, expiresOn: c.expiresOn, instrument: c.instrument,
      productName: found.productName, productCode: found.productCode, entityName: found.entityName, provinceName: found.provinceName,
      status: standingOn(c, vnDate(new Date()), found.lateReRatingPending).status, revokedOn: c.revokedOn, revocationDecisionNumber: c.revocationDecisionNumber,
      replacedBy: found.replacedByNumber, verifyUrl: verifyUrl(c.number),
    });
    return reply.type('application/pdf').header('cache-control', 'public, max-age=300')
      .header('content-disposition', contentDisposition('inline', `giay-chung-nhan-${fileSlug(c.number)}.pdf`)).send(pdf);
  });

  r.get('/certificates/revocation-grounds', { config: { access: 'public' }, schema: { tags: ['certificates'], summary: 'The grounds of revocation (Điều 8.1) and the deadline in days from the conclusion (Điều 8.4)', response: { 200: revocationGroundsOut } } }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return { instrument: RULES.instrument, deadlineDays: RULES.revocation.deadlineDays, grounds: RULES.revocation.grounds };
  });

  r.get('/certificates/:number/actions', { config: { access: 'user' }, schema: { tags: ['certificates'], summary: 'What the caller may do with this certificate (revoke: the competent authority, while it is in force)', params: numberParams, response: { 200: certificateActionsOut } } }, async (req, reply) => {
    requireUser(req);
    const found = await byNumber(req.params.number);
    reply.header('cache-control', 'private, no-store');
    const actions = certificateActions(req.actor, found.certificate, vnDate(new Date()), found.lateReRatingPending);
    const proposal = actions.includes('revoke') ? await pendingProposal(db, found.certificate.id) : undefined;
    return { actions, proposal: proposal ? { ground: proposal.ground, groundFoundOn: proposal.groundFoundOn, deadlineOn: proposal.deadlineOn, evidence: proposal.evidence, sourcePath: proposal.sourcePath } : null };
  });

  r.post('/certificates/:number/revoke', { config: { access: ['province', 'central'] }, schema: { tags: ['certificates'], summary: 'Revoke a certificate on a ground of Điều 8 (competent authority only; decided after the 15 days of Điều 8.4 it is accepted and recorded as late)', params: numberParams, body: revokeBody, response: { 200: verifyOut } } }, async (req) => {
    requireUser(req);
    await inTransaction(db, req, (ctx) => revokeCertificate(ctx, req.params.number, req.body));
    return presentVerification(await byNumber(req.params.number), vnDate(new Date()), 'internal');
  });

  r.post('/certificates/import/preview', { config: { access: ['province', 'central'] }, schema: { tags: ['certificates'], summary: 'Legacy certificates from a spreadsheet: row-by-row preview, nothing written (multipart, field "file")', consumes: ['multipart/form-data'], response: { 200: importPreview } } }, async (req) => {
    requireUser(req);
    if (!canImportCertificates(req.actor)) throw forbidden();
    const { bytes, fileName } = await readXlsxUpload(req);
    const rows = await readLegacyWorkbook(bytes, config.importLimits);
    return inTransaction(db, req, (ctx) => previewCertificateImport(ctx, fileName, rows));
  });

  r.post('/certificates/import/:id/commit', { config: { access: ['province', 'central'] }, schema: { tags: ['certificates'], summary: 'Write a previewed import: all rows or none; rows found unchanged write nothing; 409 if the data changed since the preview', params: importIdParams, response: { 200: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }) } } }, async (req) => {
    requireUser(req);
    if (!canImportCertificates(req.actor)) throw forbidden();
    return inTransaction(db, req, (ctx) => commitCertificateImport(ctx, req.params.id));
  });
};
