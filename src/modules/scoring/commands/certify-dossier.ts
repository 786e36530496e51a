// Hands a decided dossier to the certificates (issue-certificate.ts) and returns the certificate number; the
// certificate command checks the authority (province 3★–4★, Ministry 5★) and updates the registry product.
import type { Ctx } from '../../../app/actor.js';
import type { Decision, DossierRow } from '../dossiers.tables.js';
import { issueCertificate } from './issue-certificate.js';

const KIND = { first: 'first', upgrade: 'upgrade', rerating: 're_rating' } as const;

export async function certifyDossier(ctx: Ctx, d: DossierRow, stars: number, decision: Decision): Promise<string> {
  const result = decision.basis === 'central_council' ? d.centralResult! : d.provinceResult!;
  const cert = await issueCertificate(ctx, {
    productId: d.productId, stars, kind: KIND[d.type], decisionNumber: decision.decisionNumber!, decidedOn: decision.decisionDate!,
    score: result.mean, evaluationId: result.itemId, instrument: d.instrument,
  });
  return cert.number;
}
