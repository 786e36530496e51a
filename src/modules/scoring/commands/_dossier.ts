// What every dossier command shares: lock the row, check the actor may take this action now, write the change with
// the next version and an audit record in the same transaction.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, notFound, staleVersion } from '../../../app/errors.js';
import { ACTION_ROLES, canReadDossier, may } from '../dossiers.policy.js';
import { getDossierForUpdate } from '../dossiers.repo.js';
import { dossier, type DossierRow } from '../dossiers.tables.js';

export function notNow(action: string, status: string) {
  return new AppError('conflict', 'invalid_transition', {
    vi: `Không thể thực hiện thao tác này khi hồ sơ ở trạng thái "${status}"`,
    en: `The action "${action}" is not possible while the dossier is "${status}"`,
  }, { status, action });
}

/** Loads the dossier for update and checks the action; `version` (when given) must be the one the caller read. */
export async function loadFor(ctx: Ctx, id: string, action: string | string[], version?: number): Promise<DossierRow> {
  const actions = Array.isArray(action) ? action : [action];
  const d = await getDossierForUpdate(ctx.tx, id);
  if (!d || !canReadDossier(ctx.actor, d)) throw notFound('dossier', 'hồ sơ');
  if (!actions.some((a) => may(ctx.actor, d, a))) {
    // A role that ever takes the action is told the status is wrong (409); anyone else is simply not allowed (403).
    if (ctx.actor.kind === 'user' && ACTION_ROLES[actions[0]]?.includes(ctx.actor.role)) throw notNow(actions[0], d.status);
    throw forbidden();
  }
  if (version !== undefined && version !== d.version) throw staleVersion(d.version);
  return d;
}

export type DossierChange = Partial<Omit<DossierRow, 'id' | 'version' | 'createdAt'>>;

/** Writes the change, bumps the version, audits before and after. */
export async function saveDossier(ctx: Ctx, before: DossierRow, change: DossierChange, action: string, extra?: unknown): Promise<DossierRow> {
  const [after] = await ctx.tx.update(dossier).set({ ...change, updatedAt: ctx.now, version: before.version + 1 }).where(eq(dossier.id, before.id)).returning();
  await recordAudit(ctx, {
    action: `dossier.${action}`, recordType: 'dossier', recordId: before.id, provinceCode: before.provinceCode, communeCode: before.communeCode,
    before: auditView(before), after: extra === undefined ? auditView(after) : { ...auditView(after), detail: extra },
  });
  return after;
}

/** The audited view: the workflow fields (answers and reports are kept whole in the submission snapshots). */
export function auditView(d: DossierRow) {
  return { status: d.status, type: d.type, version: d.version, stars: d.stars, returnedStage: d.returnedStage, answers: d.answers, communeReview: d.communeReview, decision: d.decision, rejection: d.rejection, certificateNumber: d.certificateNumber };
}

export const actorId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);
