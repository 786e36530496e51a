// The daily expiry job: a product whose certificate in force has lapsed (its expiry passed, and no late re-rating
// keeps it in force under Điều 12.3) reads 'expired' in the registry. The certificate itself needs no write: its shown
// status is derived from the dates. Run by the server once at start and every 24 h, and by `ocop expire`; several
// servers may run it at once: the registry command locks the product row and skips a product already expired, and the
// second run of a day finds nothing left to do.
import type { FastifyBaseLogger } from 'fastify';
import { systemActor, type Ctx } from '../../../app/actor.js';
import type { Db } from '../../../app/db.js';
import { applyCertificate } from '../../registry/index.js';
import { standingOn, vnDate } from '../certificates.rules.js';
import { listLapsedOfCertifiedProducts } from '../certificates.repo.js';

/** The actor the job's audit records name. */
export const EXPIRY_ACTOR = systemActor('certificate-expiry');

export type ExpiryResult = { today: string; expired: { productId: string; certificateNumber: string; expiresOn: string }[] };

export async function expireCertificates(ctx: Ctx): Promise<ExpiryResult> {
  const today = vnDate(ctx.now);
  const candidates = await listLapsedOfCertifiedProducts(ctx.tx, today);
  const lapsed = candidates.filter((c) => standingOn(c, today, c.lateReRatingPending).status === 'expired');
  for (const c of lapsed) await applyCertificate(ctx, c.productId, { status: 'expired', certificateNumber: c.number });
  return { today, expired: lapsed.map((c) => ({ productId: c.productId, certificateNumber: c.number, expiresOn: c.expiresOn })) };
}

/** One run in one transaction, as the system. `now` decides "today" (Vietnam's calendar day). */
export function runCertificateExpiry(db: Db, log: FastifyBaseLogger, now = new Date()): Promise<ExpiryResult> {
  return db.transaction((tx) => expireCertificates({ actor: EXPIRY_ACTOR, tx, log, now }));
}
