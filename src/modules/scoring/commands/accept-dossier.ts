// The province office (or the Ministry's office for the central stage) finds the dossier complete and hands it to
// the advisory team (Tổ tư vấn).
import type { Ctx } from '../../../app/actor.js';
import { loadFor, saveDossier } from './_dossier.js';

export async function acceptDossier(ctx: Ctx, id: string, version: number) {
  const d = await loadFor(ctx, id, 'accept', version);
  return saveDossier(ctx, d, { status: d.status === 'sent_to_central' ? 'central_advisory' : 'advisory_review' }, 'accept');
}
