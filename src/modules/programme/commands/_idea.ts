// Checks the idea commands share.
import type { Ctx } from '../../../app/actor.js';
import { AppError, forbidden, notFound, staleVersion } from '../../../app/errors.js';
import { getIdeaForUpdate } from '../cycle.repo.js';
import { ideaInScope } from '../cycle.policy.js';
import type { IdeaRow } from '../cycle.tables.js';

/** The idea, locked: 404 to whoever may not read it, 409 on a stale version, 409 when the step does not apply. */
export async function lockedIdea(ctx: Ctx, id: string, version: number | undefined, may: (i: IdeaRow) => boolean, wrongState: { code: string; vi: string; en: string }) {
  const i = await getIdeaForUpdate(ctx.tx, id);
  if (!i || !ideaInScope(ctx.actor, i)) throw notFound('idea', 'ý tưởng sản phẩm');
  if (version !== undefined && i.version !== version) throw staleVersion(i.version);
  if (!may(i)) {
    // Someone of the scope who could act at another stage gets the state's conflict; others are not allowed at all.
    if (ctx.actor.kind === 'user' && (ctx.actor.role === 'commune' || ctx.actor.role === 'entity')) throw new AppError('conflict', wrongState.code, { vi: wrongState.vi, en: wrongState.en }, { ideaStatus: i.status, ideaStep: i.step });
    throw forbidden();
  }
  return i;
}
export const actorId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);
