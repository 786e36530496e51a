// The entity submits its dossier to the commune (or resubmits it after a return): a frozen snapshot of exactly what
// was submitted is kept, and the commune's 15-working-day clock starts on the day of receipt. A re-rating is filed
// within the window of Điều 7.6.a, or late with the consequences of Điều 12.3.
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { AppError, type FieldError } from '../../../app/errors.js';
import { getEntity, getProduct } from '../../registry/index.js';
import { communeReviewDue, procedureRules, viDate, vnDate } from '../deadlines.rules.js';
import { calendarFromDb } from '../holidays.repo.js';
import { reRatingFiling } from '../certificates.rules.js';
import { currentForProduct } from '../certificates.repo.js';
import { lastSubmissionSeq, listDossierFiles } from '../dossiers.repo.js';
import { dossierReturn, dossierSubmission, type DossierRow, type DossierStatus } from '../dossiers.tables.js';
import { RULES } from '../rules.data.js';
import { evaluate } from '../scoring.rules.js';
import { getSheet } from '../sheets.data.js';
import { actorId, loadFor, saveDossier } from './_dossier.js';

const REQUIRED: (keyof DossierRow['registration'])[] = ['unitName', 'representativeName', 'address', 'productName'];

function incomplete(d: DossierRow): FieldError[] {
  return REQUIRED.filter((k) => !d.registration[k]).map((k) => ({
    path: `registration.${k}`, code: 'required', message: { vi: 'Phiếu đăng ký (Mẫu 01) còn thiếu thông tin này', en: 'The registration form (Mẫu 01) is missing this' },
  }));
}

/** The re-rating filing window (Điều 7.6.a) on the first submission: refused before it opens and after the certificate
 * expired; accepted but flagged late after it closed (Điều 12.3). Returns what the dossier records. */
async function reRatingFilingOf(ctx: Ctx, d: DossierRow) {
  const current = await currentForProduct(ctx.tx, d.productId);
  if (!current) {
    throw new AppError('unprocessable', 'no_certificate_to_rerate', { vi: 'Sản phẩm không có giấy chứng nhận còn hiệu lực để đánh giá lại', en: 'The product holds no certificate to re-rate' }, { field: 'type' });
  }
  const f = reRatingFiling(current.expiresOn, vnDate(ctx.now));
  const facts = { certificateNumber: current.number, expiresOn: current.expiresOn, opensOn: f.window.opensOn, closesOn: f.window.closesOn };
  if (!f.ok && f.code === 'rerating_window_not_open') {
    throw new AppError('unprocessable', f.code, {
      vi: `Chưa đến thời hạn nộp hồ sơ đánh giá lại: giấy chứng nhận ${current.number} hết hạn ngày ${viDate(current.expiresOn)}, hồ sơ được nộp từ ngày ${viDate(f.window.opensOn)} (không sớm hơn ${RULES.reRating.windowOpensDaysBeforeExpiry} ngày trước ngày hết hạn)`,
      en: `The re-rating filing window is not open yet: certificate ${current.number} expires on ${current.expiresOn}; the dossier may be filed from ${f.window.opensOn} (no earlier than ${RULES.reRating.windowOpensDaysBeforeExpiry} days before expiry)`,
    }, { field: 'type', ...facts });
  }
  if (!f.ok) {
    throw new AppError('unprocessable', f.code, {
      vi: `Giấy chứng nhận ${current.number} đã hết hạn ngày ${viDate(current.expiresOn)}, không thể đánh giá lại; hãy đăng ký đánh giá, phân hạng lần đầu`,
      en: `Certificate ${current.number} expired on ${current.expiresOn} and can no longer be re-rated; register a first rating instead`,
    }, { field: 'type', ...facts });
  }
  return { reratingCertificateId: current.id, reratingLate: f.late, detail: { ...facts, late: f.late } };
}

export async function submitDossier(ctx: Ctx, id: string, version: number) {
  const d = await loadFor(ctx, id, ['submit', 'resubmit'], version);
  const errors = incomplete(d);
  if (errors.length) throw new AppError('invalid', 'dossier_incomplete', { vi: 'Hồ sơ chưa đủ thông tin để nộp', en: 'The dossier is not complete enough to submit' }, { field: errors[0].path, errors });
  // The window binds the filing, i.e. the first submission; a resubmission after a return is the same filing.
  const reRating = d.status === 'draft' && d.type === 'rerating' ? await reRatingFilingOf(ctx, d) : null;

  const sheet = getSheet(d.sheet, d.instrument)!;
  const found = (await getProduct(ctx.tx, d.productId))!;
  const e = (await getEntity(ctx.tx, d.entityId))!;
  const files = await listDossierFiles(ctx.tx, d.id);
  const seq = (await lastSubmissionSeq(ctx.tx, d.id)) + 1;
  await ctx.tx.insert(dossierSubmission).values({
    dossierId: d.id, seq, submittedAt: ctx.now, submittedBy: actorId(ctx),
    snapshot: {
      number: d.number, type: d.type, sheet: d.sheet, instrument: d.instrument, registration: d.registration, selfReport: d.selfReport,
      answers: d.answers, answerNotes: d.answerNotes, knockOuts: d.knockOuts, conditions: d.conditions,
      selfEvaluation: evaluate(sheet, d.answers, RULES, undefined, { knockOuts: d.knockOuts, conditions: d.conditions }),
      product: { id: found.product.id, code: found.product.code, name: found.product.name, status: found.product.status, stars: found.product.stars },
      entity: { id: e.entity.id, name: e.entity.name, type: e.entity.type, address: e.entity.address, representative: e.entity.representative },
      files: files.map((f) => ({ id: f.id, criterionCode: f.criterionCode, sha256: f.sha256, name: f.originalName, mimeType: f.mimeType })),
    },
  });

  // The commune's 15 working days skip the holidays of the database (the central office loads each year's notice).
  const dueFrom = async (day: string) => communeReviewDue(day, procedureRules(), await calendarFromDb(ctx.tx));
  if (d.status === 'draft') {
    const today = vnDate(ctx.now);
    const filing = reRating ? { reratingCertificateId: reRating.reratingCertificateId, reratingLate: reRating.reratingLate } : {};
    return saveDossier(ctx, d, { status: 'submitted', submittedOn: today, communeDueOn: await dueFrom(today), ...filing }, 'submit', reRating ? { seq, reRating: reRating.detail } : { seq });
  }
  // A resubmission goes back to whoever returned it, with the history of the return closed.
  await ctx.tx.update(dossierReturn).set({ resubmittedAt: ctx.now }).where(and(eq(dossierReturn.dossierId, d.id), isNull(dossierReturn.resubmittedAt)));
  const back: Record<string, DossierStatus> = { commune: 'submitted', province: 'forwarded', central: 'sent_to_central' };
  const change = d.returnedStage === 'commune'
    ? { status: back.commune, submittedOn: vnDate(ctx.now), communeDueOn: await dueFrom(vnDate(ctx.now)) }
    : { status: back[d.returnedStage ?? 'province'] };
  return saveDossier(ctx, d, { ...change, returnedStage: null }, 'resubmit', { seq });
}

