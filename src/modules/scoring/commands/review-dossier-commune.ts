// The commune's report on four items of the dossier (Mẫu 03): (a) origin of the product and local raw materials,
// (b) local labour, (c) origin of the idea, (d) local identity and wisdom. Saved as often as needed until forwarded.
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import type { communeReviewBody } from '../dossiers.contract.js';
import { actorId, loadFor, saveDossier } from './_dossier.js';

export async function reviewDossierAtCommune(ctx: Ctx, id: string, input: z.infer<typeof communeReviewBody>) {
  const d = await loadFor(ctx, id, 'communeReview', input.version);
  return saveDossier(ctx, d, {
    status: 'commune_reviewed',
    communeReview: { items: input.items, conclusion: input.conclusion ?? null, signer: input.signer ?? null, reviewedAt: ctx.now.toISOString(), reviewedBy: actorId(ctx)! },
  }, 'commune_review');
}
