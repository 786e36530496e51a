// Who may read and act on inspection plans, inspections and corrective actions, and where. A province's inspectors
// and office see and act in their own province (its plan of 3★–4★ products); the central office and the central
// inspectors (no province) see every province and act on the Ministry's plans (5★). The province office approves
// the province's plan, the central office the Ministry's. Completing a revocation is the competent authority's
// (scoring's canRevokeCertificate). Pure.
import { eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../app/actor.js';
import type { PlanLevel } from './inspections.tables.js';

export const SUPERVISION_ROLES = ['inspector', 'province', 'central'] as const;

type Scoped = { provinceCode: string; level: PlanLevel };

/** The central office or a central inspector (no province): nationwide. */
export const isCentral = (a: Actor) => a.kind === 'user' && (a.role === 'central' || (a.role === 'inspector' && !a.provinceCode));

export function canReadProvince(a: Actor, provinceCode: string): boolean {
  if (a.kind !== 'user') return false;
  if (isCentral(a)) return true;
  return (a.role === 'province' || a.role === 'inspector') && a.provinceCode === provinceCode;
}

/** Plans, adds items, records inspections, follows corrective actions up. */
export function canAct(a: Actor, r: Scoped): boolean {
  if (a.kind !== 'user') return false;
  if (r.level === 'central') return isCentral(a);
  return (a.role === 'province' || a.role === 'inspector') && a.provinceCode === r.provinceCode;
}

export function canApprovePlan(a: Actor, p: Scoped & { status: string }): boolean {
  if (a.kind !== 'user' || p.status !== 'draft') return false;
  return p.level === 'central' ? a.role === 'central' : a.role === 'province' && a.provinceCode === p.provinceCode;
}

/** The rows of a list an actor may see: nationwide, or the actor's province. */
export function provinceFilter(a: Actor, column: Parameters<typeof eq>[0]): SQL | undefined | false {
  if (a.kind !== 'user') return false;
  if (isCentral(a)) return undefined;
  return a.provinceCode ? eq(column, a.provinceCode) : false;
}

export function planActions(a: Actor, p: Scoped & { status: string }): string[] {
  return [canAct(a, p) && 'add_items', canApprovePlan(a, p) && 'approve'].filter((x): x is string => Boolean(x));
}
export function inspectionActions(a: Actor, i: Scoped & { status: string; planStatus: string | null }, mayRevoke: boolean, proposalPending: boolean): string[] {
  return [
    canAct(a, i) && i.status === 'planned' && i.planStatus !== 'draft' && 'record',
    canAct(a, i) && 'upload_lab_result',
    mayRevoke && proposalPending && 'complete_revocation',
  ].filter((x): x is string => Boolean(x));
}
