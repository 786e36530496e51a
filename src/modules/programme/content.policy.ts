// Who may publish news, good models and credit programmes, and where. The central office publishes for the nation
// (news and credit programmes without a province) and may record a good model of any province; a provincial office
// publishes for its own province. Drafts and unpublished records are read only by the office that may edit them.
import { eq, isNull, or, type Column, type SQL } from 'drizzle-orm';
import type { Actor } from '../../app/actor.js';

export const OFFICE_ROLES = ['central', 'province'] as const;

/** The province an office publishes for: the central office nationally (null), a province office its own. */
export function publishingProvince(actor: Actor): string | null | undefined {
  if (actor.kind !== 'user') return undefined;
  if (actor.role === 'central') return null;
  if (actor.role === 'province') return actor.provinceCode;
  return undefined;
}

/** Whether the actor edits a record published for `provinceCode` (null: national). The central office edits the
 * national ones and, when `centralEditsAll` (good models, which always name a province), any. */
export function canEditPublication(actor: Actor, provinceCode: string | null, centralEditsAll = false): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'central') return centralEditsAll || provinceCode === null;
  return actor.role === 'province' && provinceCode !== null && provinceCode === actor.provinceCode;
}

/** The central office may withdraw any publication (oversight of what the provinces publish); an office its own. */
export const canUnpublish = (actor: Actor, provinceCode: string | null) =>
  (actor.kind === 'user' && actor.role === 'central') || canEditPublication(actor, provinceCode);

/** The rows an actor may see in a list of publications: the published ones, plus the office's own drafts. */
export function publicationVisibility(actor: Actor, status: Column, province: Column, centralSeesAll = true): SQL | undefined {
  const published = eq(status, 'published');
  if (actor.kind !== 'user') return published;
  if (actor.role === 'central') return centralSeesAll ? undefined : or(published, isNull(province));
  if (actor.role === 'province' && actor.provinceCode) return or(published, eq(province, actor.provinceCode));
  return published;
}
