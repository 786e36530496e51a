// Who may read, edit, submit and approve a plan. A province's plan is its office's: its province officers edit and
// submit it; another officer of the same office (standing in for the office head: the accounts know no head) or the
// central office approves it — never the one who submitted it. The national plan is the central office's, approved by
// a central officer other than the submitter. Officers of the scope (the province's and its communes', the central
// office) read every version; everyone else, the public included, reads the approved version only: a plan approved
// by the authority is a public document (the provinces publish their yearly OCOP plans).
import type { Actor } from '../../app/actor.js';
import type { Audience } from '../../app/privacy.js';

export type PlanScope = { provinceCode: string | null };

export const EDITOR_ROLES = ['province', 'central'] as const;
export const OFFICER_ROLES = ['central', 'province', 'commune'] as const;

/** Officers who see the working versions of the plan (drafts, submitted) and its history. */
export function readsDrafts(actor: Actor, p: PlanScope): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'central') return true;
  if (p.provinceCode === null) return actor.role === 'province';
  return (actor.role === 'province' || actor.role === 'commune') && actor.provinceCode === p.provinceCode;
}
export const planAudience = (actor: Actor, p: PlanScope): Audience => (readsDrafts(actor, p) ? 'internal' : 'public');

/** Edits (new draft versions) and submits: the province's own office, or the central office for the national plan. */
export function canEditPlan(actor: Actor, p: PlanScope): boolean {
  if (actor.kind !== 'user') return false;
  return p.provinceCode === null ? actor.role === 'central' : actor.role === 'province' && actor.provinceCode === p.provinceCode;
}
export const canSubmitPlan = canEditPlan;

/** Approves a submitted version: not its submitter; the province's office or the central office for a province's plan,
 * the central office for the nation's. */
export function canApprovePlan(actor: Actor, p: PlanScope, submittedBy: string | null): boolean {
  if (actor.kind !== 'user' || actor.id === submittedBy) return false;
  if (actor.role === 'central') return true;
  return p.provinceCode !== null && actor.role === 'province' && actor.provinceCode === p.provinceCode;
}

export function planActions(actor: Actor, p: PlanScope, latest: { status: string; submittedBy: string | null } | null): string[] {
  return [
    canEditPlan(actor, p) && 'edit',
    latest?.status === 'draft' && canSubmitPlan(actor, p) && 'submit',
    latest?.status === 'submitted' && canApprovePlan(actor, p, latest.submittedBy) && 'approve',
  ].filter((a): a is string => Boolean(a));
}
