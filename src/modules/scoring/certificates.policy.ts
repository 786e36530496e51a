// Who may do what with certificates. The register, verification and the printed PDF are public (a certificate is a
// public act); issuing and revoking belong to the competent authority; reminders and imports to officers.
import type { Actor } from '../../app/actor.js';
import { isCompetentAuthority, standingOn } from './certificates.rules.js';

export const canIssueCertificate = (actor: Actor, c: { stars: number; provinceCode: string }) => isCompetentAuthority(actor, c);
export const canRevokeCertificate = (actor: Actor, c: { stars: number; provinceCode: string }) => isCompetentAuthority(actor, c);

/** The actions the caller may take on a certificate today: only one in force (grace of Điều 12.3 included) can be revoked. */
export function certificateActions(actor: Actor, c: { stars: number; provinceCode: string; status: 'valid' | 'replaced' | 'revoked'; expiresOn: string }, today: string, lateReRatingPending: boolean): 'revoke'[] {
  return canRevokeCertificate(actor, c) && standingOn(c, today, lateReRatingPending).status === 'valid' ? ['revoke'] : [];
}

/** Province officers see their own province's reminders; the central office sees every province. */
export function reminderProvince(actor: Actor, asked: string | undefined): { ok: boolean; province: string | undefined } {
  if (actor.kind !== 'user') return { ok: false, province: undefined };
  if (actor.role === 'central') return { ok: true, province: asked };
  if (actor.role === 'province') return { ok: !asked || asked === actor.provinceCode, province: actor.provinceCode! };
  return { ok: false, province: undefined };
}

/** Late revocations (Điều 8.4) concern the authorities and the inspectors: the central office and its inspectors see
 * every province, a province officer or inspector their own province. */
export function lateRevocationProvince(actor: Actor, asked: string | undefined): { ok: boolean; province: string | undefined } {
  if (actor.kind !== 'user') return { ok: false, province: undefined };
  if (actor.role === 'central' || (actor.role === 'inspector' && !actor.provinceCode)) return { ok: true, province: asked };
  if (actor.role === 'province' || actor.role === 'inspector') return { ok: !asked || asked === actor.provinceCode, province: actor.provinceCode! };
  return { ok: false, province: undefined };
}

/** Legacy certificates are recorded by province officers for their province, or by the central office for any. */
export function canImportCertificates(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'central' || actor.role === 'province');
}
export function canImportInProvince(actor: Actor, provinceCode: string): boolean {
  return actor.kind === 'user' && (actor.role === 'central' || (actor.role === 'province' && actor.provinceCode === provinceCode));
}
