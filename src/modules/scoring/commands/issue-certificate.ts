// Issues a certificate after the competent authority's decision (province for 3★–4★, Ministry for 5★). An upgrade
// or a re-rating replaces the certificate in force and keeps it as history. The product's registry status follows
// in the same transaction (registry is to the left of scoring, so its command is called directly), and
// `certificate.issued` goes to the outbox for notifications.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField, notFound } from '../../../app/errors.js';
import { enqueue } from '../../../app/outbox.js';
import { applyCertificate, getProduct } from '../../registry/index.js';
import { authorityLevel, RULES } from '../rules.data.js';
import { starBand } from '../scoring.rules.js';
import { IN_FORCE } from '../sheets.data.js';
import { authorityName, certificateNumber, expiryOf, standingOn, vnDate } from '../certificates.rules.js';
import { canIssueCertificate } from '../certificates.policy.js';
import { certificateSnapshot } from '../certificates.present.js';
import { currentForProduct, hasLateReRatingPending, nextCertificateSequence } from '../certificates.repo.js';
import { certificate, type CertificateRow } from '../certificates.tables.js';

export type IssueCertificateInput = {
  productId: string;
  stars: number;
  /** first rating, upgrade (nâng hạng) or re-rating at 36 months (đánh giá lại). */
  kind: 'first' | 'upgrade' | 're_rating';
  decisionNumber: string;
  /** The date of the decision (yyyy-mm-dd). */
  decidedOn: string;
  /** Defaults to the decision date: the 36 months run from the day the authority issues it (Điều 4.3). */
  issuedOn?: string;
  /** The council's mean total, when known; the stars may not exceed its band. */
  score?: number | null;
  /** The council result it came from (the councils' evaluation id). */
  evaluationId?: string | null;
  instrument?: string;
};

const invalid = (field: string, code: string, vi: string, en: string) => invalidField(field, code, { vi, en });

export async function issueCertificate(ctx: Ctx, input: IssueCertificateInput): Promise<CertificateRow> {
  const today = vnDate(ctx.now);
  const issuedOn = input.issuedOn ?? input.decidedOn;
  if (!Number.isInteger(input.stars) || input.stars < RULES.recognisedFromStars || input.stars > 5) {
    throw invalid('stars', 'stars_not_certifiable', 'Chỉ cấp giấy chứng nhận cho sản phẩm đạt 3 đến 5 sao', 'Certificates are issued for 3 to 5 stars only');
  }
  if (input.decidedOn > today) throw invalid('decidedOn', 'date_in_future', 'Ngày quyết định không thể ở tương lai', 'The decision date cannot be in the future');
  if (issuedOn < input.decidedOn) throw invalid('issuedOn', 'issued_before_decision', 'Ngày cấp không thể trước ngày quyết định', 'The issue date cannot precede the decision');
  if (input.score != null && starBand(input.score, RULES) < input.stars) {
    throw invalid('stars', 'stars_above_score', `Điểm ${input.score} không đủ cho hạng ${input.stars} sao`, `A score of ${input.score} does not reach ${input.stars} stars`);
  }

  const found = await getProduct(ctx.tx, input.productId);
  if (!found) throw notFound('product', 'sản phẩm');
  const p = found.product;
  if (!canIssueCertificate(ctx.actor, { stars: input.stars, provinceCode: p.provinceCode })) throw forbidden('not_competent_authority');

  const current = await currentForProduct(ctx.tx, p.id);
  const inForce = current && standingOn(current, today, await hasLateReRatingPending(ctx.tx, current.id)).status === 'valid';
  if (input.kind === 'first' && inForce) {
    throw new AppError('conflict', 'certificate_in_force', { vi: `Sản phẩm đang có giấy chứng nhận ${current.number} còn hiệu lực; hãy dùng nâng hạng hoặc đánh giá lại`, en: `The product already holds certificate ${current.number}; use an upgrade or a re-rating` }, { current: current.number });
  }
  if (input.kind !== 'first' && !current) {
    throw new AppError('conflict', 'no_certificate_to_replace', { vi: 'Sản phẩm chưa có giấy chứng nhận để nâng hạng hoặc đánh giá lại', en: 'The product has no certificate to upgrade or re-rate' });
  }
  if (input.kind === 'upgrade' && current && input.stars <= current.stars) {
    throw invalid('stars', 'upgrade_must_raise_stars', `Nâng hạng phải cao hơn ${current.stars} sao hiện có`, `An upgrade must go above the current ${current.stars} stars`);
  }

  const id = randomUUID();
  const seq = await nextCertificateSequence(ctx.tx, p.provinceCode, Number(issuedOn.slice(0, 4)));
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  if (current) {
    // The predecessor steps aside first: one certificate in force per product (the successor row follows below).
    const [old] = await ctx.tx.update(certificate).set({ status: 'replaced', replacedById: id, replacedOn: issuedOn, updatedAt: ctx.now, version: current.version + 1 })
      .where(eq(certificate.id, current.id)).returning();
    await recordAudit(ctx, { action: 'certificate.replace', recordType: 'certificate', recordId: old.id, provinceCode: old.provinceCode, before: certificateSnapshot(current), after: certificateSnapshot(old) });
  }
  const [row] = await ctx.tx.insert(certificate).values({
    id, number: certificateNumber(p.provinceCode, Number(issuedOn.slice(0, 4)), seq),
    productId: p.id, entityId: p.entityId, provinceCode: p.provinceCode, stars: input.stars, kind: input.kind,
    authorityLevel: authorityLevel(input.stars), authority: authorityName(input.stars, found.provinceName),
    decisionNumber: input.decisionNumber, decidedOn: input.decidedOn, issuedOn, expiresOn: expiryOf(issuedOn),
    instrument: input.instrument ?? IN_FORCE, score: input.score ?? null, evaluationId: input.evaluationId ?? null,
    replacesId: current?.id ?? null, createdBy: actorId, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'certificate.issue', recordType: 'certificate', recordId: row.id, provinceCode: row.provinceCode, communeCode: p.communeCode, after: certificateSnapshot(row) });
  await applyCertificate(ctx, p.id, { status: 'certified', stars: row.stars, certificateNumber: row.number });
  await enqueue(ctx.tx, 'certificate.issued', { certificateId: row.id, number: row.number, productId: p.id, entityId: p.entityId, stars: row.stars, replacesNumber: current?.number ?? null });
  return row;
}
