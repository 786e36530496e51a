// The dossier workflow over HTTP: thin routes — authenticate, validate, authorise (in the command), run, present.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { join } from 'node:path';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { readAudit } from '../../app/audit.js';
import { inTransaction } from '../../app/command.js';
import { AppError, forbidden, notFound } from '../../app/errors.js';
import { nextLink, readCursor } from '../../app/paging.js';
import { logSensitiveRead } from '../../app/privacy.js';
import { FileStore } from '../../app/files.js';
import { readSingleUpload } from '../../app/uploads.js';
import { contentDisposition } from '../../app/security-headers.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { requireUser } from '../accounts/index.js';
import { acceptDossier } from './commands/accept-dossier.js';
import { addCriterionNote } from './commands/add-criterion-note.js';
import { attachDossierFile } from './commands/attach-dossier-file.js';
import { createDossier } from './commands/create-dossier.js';
import { decideDossier } from './commands/decide-dossier.js';
import { forwardDossier } from './commands/forward-dossier.js';
import { recordAdvisoryReview } from './commands/record-advisory-review.js';
import { rejectDossier } from './commands/reject-dossier.js';
import { returnDossier } from './commands/return-dossier.js';
import { reviewDossierAtCommune } from './commands/review-dossier-commune.js';
import { submitDossier } from './commands/submit-dossier.js';
import { updateDossier } from './commands/update-dossier.js';
import {
  advisoryReviewBody, communeReviewBody, createDossierBody, decideBody, dossierFileOut, dossierList, dossierListQuery, dossierOut, idParams,
  noteBody, noteOut, rejectBody, returnBody, submissionOut, updateDossierBody, versionBody,
} from './dossiers.contract.js';
import { certificateForReRating } from './certificates.repo.js';
import { dossierFilter } from './dossiers.filters.js';
import { ACTION_ROLES, canReadDossier, DOSSIER_READERS, dossierActions } from './dossiers.policy.js';
import { dossierFileUrl, presentDossier, presentDossierItem, presentNote } from './dossiers.present.js';
import { DOSSIER_SORT, dossierKeys, getDossier, getDossierFile, getSubmission, listCriterionNotes, listDossierFiles, listDossiers, listReturns, listSubmissions } from './dossiers.repo.js';
import { calendarFromDb } from './holidays.repo.js';
import { dossierFormRoutes } from './dossier-forms.routes.js';

const tags = ['dossiers'];

const uploadFields = z.strictObject({ criterionCode: z.string().regex(/^\d+(\.\d+){0,2}$/).max(12).optional(), caption: z.string().max(300).optional() });

export const dossierRoutes: ModulePlugin = async (app, deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const files = new FileStore(join(deps.config.dataDir, 'files'));

  async function readable(actor: Actor, id: string) {
    const row = await getDossier(db, id);
    if (!row || !canReadDossier(actor, row.dossier)) throw notFound('dossier', 'hồ sơ');
    return row;
  }
  async function full(actor: Actor, id: string) {
    const row = await readable(actor, id);
    const [f, returns, submissions, reRatingCertificate, calendar] = await Promise.all([listDossierFiles(db, id), listReturns(db, id), listSubmissions(db, id),
      row.dossier.type === 'rerating' ? certificateForReRating(db, row.dossier) : null, calendarFromDb(db)]);
    return presentDossier(row, actor, new Date(), { files: f, returns, submissions, reRatingCertificate, calendar });
  }

  r.get('/dossiers', { config: { access: 'user' }, schema: { tags, summary: 'Dossier queue with deadlines: filter by status, province, commune, overdue; paging by page or cursor', querystring: dossierListQuery, response: { 200: dossierList } } }, async (req, reply) => {
    requireUser(req);
    const qy = req.query;
    const now = new Date();
    const cursor = readCursor({ ...qy, sort: DOSSIER_SORT }, 'dossier', dossierKeys);
    const [{ total, totalExact, rows, nextCursor }, cal] = await Promise.all([listDossiers(db, dossierFilter(req.actor, qy, now), qy.page, qy.pageSize, cursor), calendarFromDb(db)]);
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    return { total, totalExact, page: qy.page, pageSize: qy.pageSize, nextCursor, items: rows.map((row) => presentDossierItem(row, req.actor, now, cal)) };
  });

  r.post('/dossiers', { config: { access: ['entity'] }, schema: { tags, summary: 'Open a dossier for one of your products (Mẫu 01 prefilled from the registry)', body: createDossierBody, response: { 201: dossierOut } } }, async (req, reply) => {
    requireUser(req);
    const d = await inTransaction(db, req, (ctx) => createDossier(ctx, req.body));
    return reply.status(201).send(await full(req.actor, d.id));
  });

  r.get('/dossiers/:id', { config: { access: DOSSIER_READERS }, schema: { tags, summary: 'A dossier with live self-assessment totals, what it takes to reach the next star, deadlines and history', params: idParams, response: { 200: dossierOut } } }, async (req) => {
    requireUser(req);
    const out = await full(req.actor, req.params.id);
    // Mẫu 02 carries the representative's sex and ethnicity (scoring.fields.ts): a read by anyone but the entity is logged.
    if (out.selfReport.representative && !(req.actor.kind === 'user' && req.actor.role === 'entity')) {
      await logSensitiveRead(db, req.log, req.actor, { recordType: 'dossier', recordId: out.id, fields: ['selfReport.representative'], route: req.routeOptions.url ?? req.url, requestId: req.id });
    }
    return out;
  });

  r.patch('/dossiers/:id', { config: { access: ACTION_ROLES.edit }, schema: { tags, summary: 'Edit a draft or returned dossier (Mẫu 01, Mẫu 02, self-scores)', params: idParams, body: updateDossierBody, response: { 200: dossierOut } } }, async (req) => {
    requireUser(req);
    await inTransaction(db, req, (ctx) => updateDossier(ctx, req.params.id, req.body));
    return full(req.actor, req.params.id);
  });

  // Each step is declared for the roles that ever take its action (ACTION_ROLES); the scope and the status are the command's.
  const step = <B extends z.ZodType>(path: string, action: keyof typeof ACTION_ROLES, summary: string, body: B, run: (ctx: Parameters<Parameters<typeof inTransaction>[2]>[0], id: string, b: z.infer<B>) => Promise<unknown>, method: 'post' | 'put' = 'post') => {
    r[method](`/dossiers/:id/${path}`, { config: { access: ACTION_ROLES[action] }, schema: { tags, summary, params: idParams, body, response: { 200: dossierOut } } }, async (req) => {
      requireUser(req);
      await inTransaction(db, req, (ctx) => run(ctx, req.params.id, req.body as z.infer<B>));
      return full(req.actor, req.params.id);
    });
  };
  step('submit', 'submit', 'Submit (or resubmit after a return) to the commune; a frozen snapshot is kept', versionBody, (ctx, id, b) => submitDossier(ctx, id, b.version));
  step('commune-review', 'communeReview', 'The commune\'s Mẫu 03 report: items a–d with assessment and note', communeReviewBody, (ctx, id, b) => reviewDossierAtCommune(ctx, id, b), 'put');
  step('forward', 'forward', 'The commune proposes the dossier to the province', versionBody, (ctx, id, b) => forwardDossier(ctx, id, b.version));
  step('return', 'return', 'Return for completion with reasons', returnBody, (ctx, id, b) => returnDossier(ctx, id, b));
  step('reject', 'reject', 'Reject on one of the sheet\'s "hồ sơ bị loại khi" conditions', rejectBody, (ctx, id, b) => rejectDossier(ctx, id, b));
  step('accept', 'accept', 'The office finds the dossier complete and hands it to the advisory team', versionBody, (ctx, id, b) => acceptDossier(ctx, id, b.version));
  step('advisory-review', 'advisoryReview', 'The advisory team\'s review: field visit, extra tests, pre-score, report', advisoryReviewBody, (ctx, id, b) => recordAdvisoryReview(ctx, id, b), 'put');
  step('decide', 'decide', 'The competent authority decides on the council\'s result (certify, send to the Ministry, not recognised)', decideBody, (ctx, id, b) => decideDossier(ctx, id, b));

  r.post('/dossiers/:id/files', { config: { access: ACTION_ROLES.upload }, schema: { tags, summary: 'Upload evidence (PDF or image) for one criterion (criterionCode) or the whole dossier, multipart', params: idParams, consumes: ['multipart/form-data'], response: { 201: dossierFileOut } } }, async (req, reply) => {
    requireUser(req);
    const { upload, fields } = await readSingleUpload(req);
    const meta = uploadFields.safeParse(fields);
    if (!meta.success) throw new AppError('invalid', 'validation_failed', { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' }, { field: String(meta.error.issues[0]?.path[0] ?? '') });
    const f = await inTransaction(db, req, (ctx) => attachDossierFile(ctx, files, req.params.id, meta.data.criterionCode ?? null, meta.data.caption ?? null, upload));
    return reply.status(201).send({ id: f.id, criterionCode: f.criterionCode, url: dossierFileUrl(f.dossierId, f.id), mimeType: f.mimeType, sizeBytes: f.sizeBytes, originalName: f.originalName, caption: f.caption, createdAt: f.createdAt.toISOString() });
  });

  r.get('/dossiers/:id/files/:fileId', { config: { access: DOSSIER_READERS }, schema: { tags, summary: 'Download an evidence file', params: z.strictObject({ id: z.uuid(), fileId: z.uuid() }) } }, async (req, reply) => {
    requireUser(req);
    await readable(req.actor, req.params.id);
    const f = await getDossierFile(db, req.params.id, req.params.fileId);
    if (!f) throw notFound('file', 'tệp');
    reply.header('content-type', f.mimeType).header('cache-control', 'private, max-age=0').header('x-content-type-options', 'nosniff')
      .header('content-disposition', contentDisposition('inline', f.originalName));
    return reply.send(await files.get(f.sha256));
  });

  r.get('/dossiers/:id/submissions/:seq', { config: { access: DOSSIER_READERS }, schema: { tags, summary: 'The frozen snapshot of one submission', params: z.strictObject({ id: z.uuid(), seq: z.coerce.number().int().min(1).max(10_000) }), response: { 200: submissionOut } } }, async (req) => {
    requireUser(req);
    await readable(req.actor, req.params.id);
    const s = await getSubmission(db, req.params.id, req.params.seq);
    if (!s) throw notFound('submission', 'lần nộp');
    return { seq: s.seq, submittedAt: s.submittedAt.toISOString(), snapshot: s.snapshot };
  });

  r.get('/dossiers/:id/notes', { config: { access: DOSSIER_READERS }, schema: { tags, summary: 'Per-criterion notes between council members, the office and the entity', params: idParams, response: { 200: z.object({ items: z.array(noteOut) }) } } }, async (req) => {
    requireUser(req);
    await readable(req.actor, req.params.id);
    return { items: (await listCriterionNotes(db, req.params.id)).map(presentNote) };
  });

  r.post('/dossiers/:id/notes', { config: { access: ACTION_ROLES.note }, schema: { tags, summary: 'Add a note on one criterion', params: idParams, body: noteBody, response: { 201: noteOut } } }, async (req, reply) => {
    requireUser(req);
    const n = await inTransaction(db, req, (ctx) => addCriterionNote(ctx, req.params.id, req.body));
    const [created] = await listCriterionNotes(db, n.dossierId, n.id);
    return reply.status(201).send(presentNote(created));
  });

  r.get('/dossiers/:id/history', { config: { access: DOSSIER_READERS }, schema: { tags, summary: 'Audit trail of a dossier', params: idParams } }, async (req) => {
    requireUser(req);
    const row = await readable(req.actor, req.params.id);
    if (!dossierActions(req.actor, row.dossier).length && !(req.actor.kind === 'user' && ['province', 'central', 'commune', 'entity'].includes(req.actor.role))) throw forbidden();
    return { items: await readAudit(db, 'dossier', req.params.id) };
  });

  await app.register(dossierFormRoutes, deps);
};
