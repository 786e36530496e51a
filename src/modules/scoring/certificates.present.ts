// Certificate rows to API output. Internal ids appear only as links to product and entity pages.
import type { z } from 'zod';
import { mayRead, type Audience } from '../../app/privacy.js';
import { CERTIFICATE_FIELDS } from './scoring.fields.js';
import { RULES } from './rules.data.js';
import { standingOn } from './certificates.rules.js';
import type { CertificateView } from './certificates.repo.js';
import type { registerItem, verifyOut } from './certificates.contract.js';

export function presentRegisterItem(v: CertificateView, today: string): z.infer<typeof registerItem> {
  const c = v.certificate;
  return {
    number: c.number,
    product: { id: c.productId, name: v.productName, code: v.productCode },
    entity: { id: c.entityId, name: v.entityName },
    province: { code: c.provinceCode, name: v.provinceName },
    stars: c.stars, issuedOn: c.issuedOn, expiresOn: c.expiresOn, ...standingOn(c, today, v.lateReRatingPending),
  };
}

export function groundText(code: string) {
  return RULES.revocation.grounds.find((g) => g.code === code)?.text ?? { vi: code, en: code };
}

/** The verification of a certificate. The revocation's free-text note is the office's (scoring.fields.ts): the public
 * verification leaves it out; the office's own lists and the revoking authority pass `internal`. */
export function presentVerification(v: CertificateView, today: string, audience: Audience = 'public'): z.infer<typeof verifyOut> {
  const c = v.certificate;
  const base = presentRegisterItem(v, today);
  return {
    ...base,
    valid: base.status === 'valid',
    authority: c.authority, decisionNumber: c.decisionNumber, decidedOn: c.decidedOn, instrument: c.instrument, kind: c.kind,
    replacedBy: v.replacedByNumber, replaces: v.replacesNumber,
    ...(c.status === 'revoked' ? {
      revocation: {
        ground: c.revocationGround!, groundText: groundText(c.revocationGround!), groundFoundOn: c.revocationGroundFoundOn,
        decisionNumber: c.revocationDecisionNumber!, decidedOn: c.revokedOn!, authority: c.revocationAuthority!,
        ...(mayRead(audience, CERTIFICATE_FIELDS.fields['revocation.note']) ? { note: c.revocationNote } : {}),
        deadlineOn: c.revocationDeadlineOn, daysLate: c.revocationDaysLate,
      },
    } : {}),
  };
}

/** The audited snapshot of a certificate: its own columns. */
export function certificateSnapshot(c: Record<string, unknown>) {
  const { createdAt: _c, updatedAt: _u, ...rest } = c;
  return rest;
}
