// Who may read and keep a product's compliance checklist: the entity keeps its own; the officers whose commune or
// province holds the product (and the central office) read it and the expiring lists.
import type { Actor } from '../../app/actor.js';
import { entityInScope } from './trainings.policy.js';

type ProductLike = { entityId: string; provinceCode: string; communeCode: string };
export const COMPLIANCE_READERS = ['central', 'province', 'commune', 'entity'] as const;
export const canReadChecklist = (actor: Actor, p: ProductLike) => entityInScope(actor, { id: p.entityId, provinceCode: p.provinceCode, communeCode: p.communeCode });
export const canKeepChecklist = (actor: Actor, p: ProductLike) => actor.kind === 'user' && actor.role === 'entity' && actor.entityId === p.entityId;
