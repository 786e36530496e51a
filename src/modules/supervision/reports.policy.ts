// Who may read and handle consumer reports, and where. A report lands in the queue of the product's province: the
// province's OCOP office and its inspectors triage, merge, link and close it; the commune of the product reads its
// own and may type one in; the central office (and an inspector without a province, the Ministry's) sees them all.
// Nobody else, and never an officer or inspector of another province.
import { eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../app/actor.js';
import type { Audience } from '../../app/privacy.js';
import { isOpen } from './reports.rules.js';
import { report, type ReportStatus } from './reports.tables.js';

type Scoped = { provinceCode: string; communeCode: string };

export const READER_ROLES = ['central', 'province', 'commune', 'inspector'] as const;
/** Those who may triage, merge, link and close. */
export const HANDLER_ROLES = ['central', 'province', 'inspector'] as const;

export function inScope(actor: Actor, r: Scoped): boolean {
  if (actor.kind !== 'user') return false;
  switch (actor.role) {
    case 'central': return true;
    case 'province': return actor.provinceCode !== null && r.provinceCode === actor.provinceCode;
    case 'inspector': return actor.provinceCode === null || r.provinceCode === actor.provinceCode;
    case 'commune': return actor.communeCode !== null && r.communeCode === actor.communeCode;
    default: return false;
  }
}

/** The list's rows an actor may see (nothing for anyone outside the roles). */
export function reportVisibility(actor: Actor): SQL | undefined | false {
  if (actor.kind !== 'user') return false;
  switch (actor.role) {
    case 'central': return undefined;
    case 'province': return actor.provinceCode ? eq(report.provinceCode, actor.provinceCode) : false;
    case 'inspector': return actor.provinceCode ? eq(report.provinceCode, actor.provinceCode) : undefined;
    case 'commune': return actor.communeCode ? eq(report.communeCode, actor.communeCode) : false;
    default: return false;
  }
}

export const canHandle = (actor: Actor, r: Scoped) => actor.kind === 'user' && (HANDLER_ROLES as readonly string[]).includes(actor.role) && inScope(actor, r);
/** Typing in a report: any officer or inspector, for a product in their scope. */
export const canRecord = (actor: Actor, r: Scoped) => inScope(actor, r);

/** Officers in scope read everything, the reporter's contact included (each read logged). */
export const reportAudience = (actor: Actor, r: Scoped): Audience => (inScope(actor, r) ? 'sensitive' : 'public');

export function reportActions(actor: Actor, r: Scoped & { status: ReportStatus }): string[] {
  if (!canHandle(actor, r) || !isOpen(r.status)) return [];
  return ['triage', 'merge', 'link', 'close'];
}
