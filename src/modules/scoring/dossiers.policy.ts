// Who may see and move a dossier, and where: pure functions over the actor and the dossier's scope and status.
// Entity members act for their own entity, commune officers for their commune, the province office, its advisory
// team and council for their province, and the Ministry (central) for the central stage.
import { and, eq, notInArray, or, type SQL } from 'drizzle-orm';
import type { Actor, Role, UserActor } from '../../app/actor.js';
import { dossier, type DossierStatus } from './dossiers.tables.js';

type DossierLike = { entityId: string; provinceCode: string; communeCode: string; status: DossierStatus; centralResult?: { stars: number } | null };

const CENTRAL_STATUSES: DossierStatus[] = ['sent_to_central', 'central_advisory', 'central_scoring', 'central_scored'];
const BEFORE_PROVINCE: DossierStatus[] = ['draft', 'submitted', 'commune_reviewed'];

const user = (a: Actor): a is UserActor => a.kind === 'user';
const isCentral = (a: Actor) => user(a) && (a.role === 'central' || ((a.role === 'council' || a.role === 'advisory') && !a.provinceCode));
const ownEntity = (a: Actor, d: DossierLike) => user(a) && a.role === 'entity' && a.entityId === d.entityId;
const ownCommune = (a: Actor, d: DossierLike) => user(a) && a.role === 'commune' && a.communeCode === d.communeCode;
const provinceOffice = (a: Actor, d: DossierLike) => user(a) && a.role === 'province' && a.provinceCode === d.provinceCode;
const provinceExpert = (a: Actor, d: DossierLike) => user(a) && (a.role === 'council' || a.role === 'advisory') && a.provinceCode === d.provinceCode;

export function canReadDossier(a: Actor, d: DossierLike): boolean {
  if (ownEntity(a, d)) return true;
  if (ownCommune(a, d)) return d.status !== 'draft';
  if (provinceOffice(a, d) || provinceExpert(a, d)) return !BEFORE_PROVINCE.includes(d.status) || (provinceOffice(a, d) && d.status !== 'draft');
  if (isCentral(a)) return (user(a) && a.role === 'central') ? d.status !== 'draft' : CENTRAL_STATUSES.includes(d.status) || d.status === 'certified';
  return false;
}

/** Every action the actor may take on the dossier now; the routes check the same names, the UI shows the buttons. */
export function dossierActions(a: Actor, d: DossierLike): string[] {
  const s = d.status;
  const out: string[] = [];
  if (ownEntity(a, d)) {
    if (s === 'draft' || s === 'returned') out.push('edit', 'upload');
    if (s === 'draft') out.push('submit');
    if (s === 'returned') out.push('resubmit');
    if (s !== 'draft') out.push('note');
  }
  if (ownCommune(a, d) && (s === 'submitted' || s === 'commune_reviewed')) {
    // The commune pre-assesses the dossier (Mẫu 03), so while it holds it, it may ask about a criterion too.
    out.push('communeReview', 'return', 'reject', 'note');
    if (s === 'commune_reviewed') out.push('forward');
  }
  if (provinceOffice(a, d)) {
    if (s === 'forwarded') out.push('accept', 'return', 'reject');
    if (s === 'advisory_review') out.push('advisoryReview', 'schedule', 'reject');
    if (s === 'scored' || (s === 'central_scored' && d.centralResult && d.centralResult.stars !== 5)) out.push('decide');
  }
  if (user(a) && a.role === 'advisory' && a.provinceCode === d.provinceCode && s === 'advisory_review') out.push('advisoryReview');
  if (isCentral(a)) {
    const office = user(a) && a.role === 'central';
    if (office && s === 'sent_to_central') out.push('accept', 'return', 'reject');
    if (s === 'central_advisory' && (office || (user(a) && a.role === 'advisory'))) out.push('advisoryReview');
    if (office && s === 'central_advisory') out.push('schedule');
    if (office && s === 'central_scored' && d.centralResult?.stars === 5) out.push('decide');
  }
  if (!out.includes('note') && (provinceExpert(a, d) || provinceOffice(a, d) || isCentral(a)) && !['draft', 'certified', 'not_recognised', 'rejected'].includes(s)) out.push('note');
  return out;
}

export const may = (a: Actor, d: DossierLike, action: string) => dossierActions(a, d).includes(action);

/** The roles that ever take each action (in some status, in their scope): dossierActions above grants exactly these
 * (dossiers.policy.test.ts checks it). A refusal tells these roles "not now" (409) and everyone else "never" (403). */
export const ACTION_ROLES: Record<string, readonly Role[]> = {
  edit: ['entity'], upload: ['entity'], submit: ['entity'], resubmit: ['entity'],
  communeReview: ['commune'], forward: ['commune'],
  return: ['commune', 'province', 'central'], reject: ['commune', 'province', 'central'], accept: ['province', 'central'],
  advisoryReview: ['province', 'advisory', 'central'], schedule: ['province', 'central'], decide: ['province', 'central'],
  note: ['entity', 'commune', 'province', 'council', 'advisory', 'central'],
};

/** The roles canReadDossier ever grants (in their scope): the first gate of every route that reads one dossier. */
export const DOSSIER_READERS: readonly Role[] = ['entity', 'commune', 'province', 'council', 'advisory', 'central'];

/** The rows an actor may list. */
export function dossierVisibility(a: Actor): SQL | undefined {
  if (!user(a)) return eq(dossier.id, '00000000-0000-0000-0000-000000000000');
  switch (a.role) {
    case 'entity': return eq(dossier.entityId, a.entityId ?? '00000000-0000-0000-0000-000000000000');
    case 'commune': return and(eq(dossier.communeCode, a.communeCode!), notInArray(dossier.status, ['draft']));
    case 'province': return and(eq(dossier.provinceCode, a.provinceCode!), notInArray(dossier.status, ['draft']));
    case 'central': return notInArray(dossier.status, ['draft']);
    case 'council': case 'advisory':
      return a.provinceCode
        ? and(eq(dossier.provinceCode, a.provinceCode), notInArray(dossier.status, BEFORE_PROVINCE))
        : or(...[...CENTRAL_STATUSES, 'certified'].map((s) => eq(dossier.status, s as DossierStatus)));
    default: return eq(dossier.id, '00000000-0000-0000-0000-000000000000');
  }
}

export function stageOf(status: DossierStatus): 'entity' | 'commune' | 'province' | 'central' | 'done' {
  if (status === 'draft' || status === 'returned') return 'entity';
  if (status === 'submitted' || status === 'commune_reviewed') return 'commune';
  if (CENTRAL_STATUSES.includes(status)) return 'central';
  if (['certified', 'not_recognised', 'rejected'].includes(status)) return 'done';
  return 'province';
}
