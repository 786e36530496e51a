// Who may submit, change, accept and follow product ideas. A registered producer submits its own to its commune; the
// commune officer submits for a producer not yet registered and decides on the ideas of its commune (accept into the
// cycle, or return with the reason), then receives the business plan and moves the idea on. The province and the
// central office follow them; nobody else sees an idea (it is the producer's, before any product exists).
import type { Actor } from '../../app/actor.js';
import type { IdeaRow } from './cycle.tables.js';

type IdeaLike = Pick<IdeaRow, 'entityId' | 'communeCode' | 'provinceCode' | 'status' | 'step' | 'businessPlan' | 'createdBy'>;

export const IDEA_READERS = ['central', 'province', 'commune', 'entity'] as const;
export const IDEA_AUTHORS = ['commune', 'entity'] as const;

export function ideaInScope(actor: Actor, i: Pick<IdeaRow, 'entityId' | 'communeCode' | 'provinceCode'>): boolean {
  if (actor.kind !== 'user') return false;
  switch (actor.role) {
    case 'central': return true;
    case 'province': return i.provinceCode === actor.provinceCode;
    case 'commune': return i.communeCode === actor.communeCode;
    case 'entity': return i.entityId !== null && i.entityId === actor.entityId;
    default: return false;
  }
}

/** The idea's author side: the producer's own account, or the commune officer for a producer not registered. */
const isAuthor = (actor: Actor, i: IdeaLike) => actor.kind === 'user'
  && ((actor.role === 'entity' && i.entityId !== null && i.entityId === actor.entityId) || (actor.role === 'commune' && i.entityId === null && i.communeCode === actor.communeCode));
const decides = (actor: Actor, i: IdeaLike) => actor.kind === 'user' && actor.role === 'commune' && actor.communeCode === i.communeCode;

export const canEditIdea = (actor: Actor, i: IdeaLike) => isAuthor(actor, i) && i.status !== 'accepted';
export const canDecideIdea = (actor: Actor, i: IdeaLike) => decides(actor, i) && i.status === 'submitted';
export const canSubmitBusinessPlan = (actor: Actor, i: IdeaLike) => isAuthor(actor, i) && i.status === 'accepted' && i.step === 'business_plan';
export const canAdvanceIdea = (actor: Actor, i: IdeaLike) => decides(actor, i) && i.status === 'accepted' && i.step === 'business_plan' && i.businessPlan !== null;

export function ideaActions(actor: Actor, i: IdeaLike): string[] {
  return [
    canEditIdea(actor, i) && 'edit', canDecideIdea(actor, i) && 'accept', canDecideIdea(actor, i) && 'return',
    canSubmitBusinessPlan(actor, i) && 'business_plan', canAdvanceIdea(actor, i) && 'advance',
  ].filter((a): a is string => Boolean(a));
}

/** The producer's phone (a person's, for a producer not registered) is personal data: its author and the commune
 * officers who receive it read it; the read of anyone but its author is logged. */
export const readsPhone = (actor: Actor, i: IdeaLike) => actor.kind === 'user' && (actor.id === i.createdBy || (actor.role === 'commune' && actor.communeCode === i.communeCode));
