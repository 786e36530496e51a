// Pure certificate rules: the printed number, expiry, the status shown, the re-rating window, the revocation deadline
// and who is competent. Dates are 'yyyy-mm-dd' calendar dates in Vietnam's time zone (UTC+7, no daylight saving).
import type { Actor } from '../../app/actor.js';
import { unitInText } from '../geo/index.js';
import { authorityLevel, RULES, type LegalRules } from './rules.data.js';
import type { CertificateStatus } from './certificates.tables.js';

const DAY = 86_400_000;

/** Today's calendar date in Vietnam (a decision dated "today" in Hà Nội is still today at 23:30 UTC+7). */
export { vnDate } from './deadlines.rules.js';

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** The same day `months` later; the 31st or 29 February falls back to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Valid for 36 months from the date of issue (Điều 4.3): the certificate is in force through that date. */
export const expiryOf = (issuedOn: string, rules: Pick<LegalRules, 'certificate'> = RULES) => addMonths(issuedOn, rules.certificate.validityMonths);

/** The status shown: stored 'valid' turns 'expired' once the expiry date has passed. */
export function statusOn(c: { status: 'valid' | 'replaced' | 'revoked'; expiresOn: string }, today: string): CertificateStatus {
  return c.status === 'valid' && c.expiresOn < today ? 'expired' : c.status;
}

/** The printed number: OCOP-<province code>-<year>-<sequence>, five digits, never an internal id. */
export const certificateNumber = (provinceCode: string, year: number, seq: number) => `OCOP-${provinceCode}-${year}-${String(seq).padStart(5, '0')}`;

/** The re-rating filing window (Điều 7.6a): from 180 to 120 days before expiry. */
export function reRatingWindow(expiresOn: string, today: string, rules: Pick<LegalRules, 'reRating'> = RULES) {
  const opensOn = addDays(expiresOn, -rules.reRating.windowOpensDaysBeforeExpiry);
  const closesOn = addDays(expiresOn, -rules.reRating.windowClosesDaysBeforeExpiry);
  const daysToExpiry = daysBetween(today, expiresOn);
  const stage = today < opensOn ? 'not_yet' : today <= closesOn ? 'open' : today <= expiresOn ? 'closed' : 'expired';
  return { opensOn, closesOn, daysToExpiry, stage: stage as 'not_yet' | 'open' | 'closed' | 'expired' };
}

/** Whether a re-rating dossier may be filed today against a certificate expiring on `expiresOn` (Điều 7.6.a, 12.3):
 * before the window opens it is refused; after the window closed and up to the expiry day it is accepted but late;
 * after the expiry day the certificate is gone and the product starts over with a first rating. */
export function reRatingFiling(expiresOn: string, today: string, rules: Pick<LegalRules, 'reRating'> = RULES) {
  const w = reRatingWindow(expiresOn, today, rules);
  if (w.stage === 'not_yet') return { ok: false as const, code: 'rerating_window_not_open' as const, window: w };
  if (w.stage === 'expired') return { ok: false as const, code: 'certificate_expired' as const, window: w };
  return { ok: true as const, late: w.stage === 'closed', window: w };
}

/** The last day a late re-rating filing can keep the certificate in force: 180 days past expiry (Điều 12.3). */
export const graceEndsOn = (expiresOn: string, rules: Pick<LegalRules, 'transition'> = RULES) => addDays(expiresOn, rules.transition.graceDaysAfterExpiry);

export const EXTENSION_REASONS = ['late_rerating_pending'] as const;
export type Standing = { status: CertificateStatus; extendedUntil: string | null; extensionReason: (typeof EXTENSION_REASONS)[number] | null };

/** The status shown with the Điều 12.3 extension: a certificate past its expiry stays valid while a re-rating dossier
 * filed late against it is still pending (not yet certified, not recognised or rejected), at most 180 days past
 * expiry. `lateReRatingPending` is that fact, read from the dossiers. */
export function standingOn(c: { status: 'valid' | 'replaced' | 'revoked'; expiresOn: string }, today: string, lateReRatingPending: boolean, rules: Pick<LegalRules, 'transition'> = RULES): Standing {
  const status = statusOn(c, today);
  if (status === 'expired' && lateReRatingPending) {
    const until = graceEndsOn(c.expiresOn, rules);
    if (today <= until) return { status: 'valid', extendedUntil: until, extensionReason: 'late_rerating_pending' };
  }
  return { status, extendedUntil: null, extensionReason: null };
}

/** The day by which the authority must decide a revocation: 15 days from the conclusion or the commune's confirmation
 * (Điều 8.4). It is the authority's duty, not a bar: a later revocation is still valid, and is recorded as late. */
export const revocationDeadline = (groundFoundOn: string, rules: Pick<LegalRules, 'revocation'> = RULES) => addDays(groundFoundOn, rules.revocation.deadlineDays);

/** The deadline of a revocation decided on `decidedOn` and how many calendar days after it the decision came (0: on time). */
export function revocationTiming(groundFoundOn: string, decidedOn: string, rules: Pick<LegalRules, 'revocation'> = RULES) {
  const deadlineOn = revocationDeadline(groundFoundOn, rules);
  return { deadlineOn, daysLate: Math.max(0, daysBetween(deadlineOn, decidedOn)) };
}

/** The deciding authority's name on the certificate: 'UBND tỉnh Tuyên Quang' or 'Bộ Nông nghiệp và Môi trường'. */
export function authorityName(stars: number, provinceFullName: string, rules: LegalRules = RULES): string {
  if (authorityLevel(stars, rules) === 'central') return rules.authorities.central.name;
  return `${rules.authorities.province.namePrefix} ${unitInText(provinceFullName, 'tỉnh')}`;
}

/** The competent authority (Điều 4.1, 8.2): the province's officers for 3★ and 4★, the central office for 5★. */
export function isCompetentAuthority(actor: Actor, c: { stars: number; provinceCode: string }, rules: LegalRules = RULES): boolean {
  if (actor.kind !== 'user') return false;
  return authorityLevel(c.stars, rules) === 'central'
    ? actor.role === 'central'
    : actor.role === 'province' && actor.provinceCode === c.provinceCode;
}

/** Instruments a legacy spreadsheet may name, matched loosely ('148/2023', 'QĐ 148/QĐ-TTg' …). */
export function instrumentFromText(text: string, rules: Pick<LegalRules, 'transition'> = RULES): string | undefined {
  const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/quyết định|qđ|qd/g, '').replace(/\s+/g, '');
  const wanted = norm(text);
  return rules.transition.instruments.find((i) => i.aliases.some((a) => norm(a) === wanted))?.code;
}
