// Who may read and change entities and products, and where. Pure functions: `can(actor, action, resource)`.
import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Actor, Role } from '../../app/actor.js';
import type { Audience } from '../../app/privacy.js';
import { entity, product } from './registry.tables.js';

type Scoped = { provinceCode: string; communeCode: string; entityId: string };
type EntityLike = { id: string; provinceCode: string; communeCode: string; status: string };
type ProductLike = { entityId: string; provinceCode: string; communeCode: string; status: string };

/** Inside the actor's own administrative scope (or own entity). Council, advisory and inspector roles see published
 * registry data only; what they need beyond that comes through the dossiers they are assigned (scoring). */
export function inScope(actor: Actor, r: Scoped): boolean {
  if (actor.kind !== 'user') return false;
  switch (actor.role) {
    case 'central': return true;
    case 'province': return r.provinceCode === actor.provinceCode;
    case 'commune': return r.communeCode === actor.communeCode;
    case 'entity': return r.entityId === actor.entityId;
    default: return false;
  }
}

/** The roles inScope() can ever grant: a route that acts only in the actor's scope declares these (its first gate). */
export const SCOPED_ROLES = ['central', 'province', 'commune', 'entity'] as const satisfies readonly Role[];

const readsNationally = (actor: Actor) => actor.kind === 'user' && actor.role === 'central';

export const entityPublished = (e: { status: string }) => e.status === 'approved';
export const productPublished = (p: { status: string }, entityStatus: string) => p.status !== 'draft' && entityStatus === 'approved';

export function canReadEntity(actor: Actor, e: EntityLike): boolean {
  return entityPublished(e) || readsNationally(actor) || inScope(actor, { ...e, entityId: e.id });
}
/** Which fields of an entity the actor may read (registry.fields.ts): the entity itself and the commune, province and
 * central officers in scope get everything, the representative's sensitive data included; everyone else the public
 * fields. Council, advisory and inspector roles read what the dossiers they are assigned carry, not the registry. */
export function entityAudience(actor: Actor, e: EntityLike): Audience {
  return inScope(actor, { ...e, entityId: e.id }) ? 'sensitive' : 'public';
}
/** Whether reading this entity's sensitive fields is someone else's read of them, to be logged: only the entity's
 * own members read their own data unlogged. */
export function isDataSubject(actor: Actor, e: { id: string }): boolean {
  return actor.kind === 'user' && actor.role === 'entity' && actor.entityId === e.id;
}
export function canEditEntity(actor: Actor, e: EntityLike): boolean {
  return inScope(actor, { ...e, entityId: e.id });
}
/** The commune approves the entities registered in it; the province and the central office may act for it. */
export function canApproveEntity(actor: Actor, e: EntityLike): boolean {
  return actor.kind === 'user' && actor.role !== 'entity' && inScope(actor, { ...e, entityId: e.id }) && e.status !== 'approved';
}
export function canCreateEntity(actor: Actor, at: { provinceCode: string; communeCode: string }): boolean {
  return actor.kind === 'user' && actor.role !== 'entity' && inScope(actor, { ...at, entityId: '' });
}
export function canInviteMember(actor: Actor, e: EntityLike): boolean {
  return actor.kind === 'user' && actor.role === 'entity' && actor.entityId === e.id;
}

export function canReadProduct(actor: Actor, p: ProductLike, entityStatus: string): boolean {
  return productPublished(p, entityStatus) || readsNationally(actor) || inScope(actor, p);
}
/** Which fields of a product and its files the actor may read: those in scope (and the central office) see the
 * documents and the uploaders' file names; everyone else the published photos. */
export function productAudience(actor: Actor, p: ProductLike): Audience {
  return inScope(actor, p) || readsNationally(actor) ? 'internal' : 'public';
}
export function canEditProduct(actor: Actor, p: ProductLike): boolean {
  return inScope(actor, p) && p.status !== 'revoked';
}
/** An entity files products only once its commune has approved it. */
export function canCreateProduct(actor: Actor, e: EntityLike): boolean {
  return inScope(actor, { ...e, entityId: e.id }) && e.status === 'approved';
}

export function entityActions(actor: Actor, e: EntityLike): string[] {
  return [
    canEditEntity(actor, e) && 'edit',
    canApproveEntity(actor, e) && 'approve',
    canApproveEntity(actor, e) && e.status === 'pending' && 'refuse',
    canInviteMember(actor, e) && 'invite',
    canCreateProduct(actor, e) && 'createProduct',
  ].filter((a): a is string => Boolean(a));
}
export function productActions(actor: Actor, p: ProductLike): string[] {
  return canEditProduct(actor, p) ? ['edit', 'upload'] : [];
}

/** The rows an actor may see in a list: published rows, plus everything in their scope. */
export function entityVisibility(actor: Actor): SQL | undefined {
  if (readsNationally(actor)) return undefined;
  const published = eq(entity.status, 'approved');
  if (actor.kind !== 'user') return published;
  switch (actor.role) {
    case 'province': return or(published, eq(entity.provinceCode, actor.provinceCode!));
    case 'commune': return or(published, eq(entity.communeCode, actor.communeCode!));
    case 'entity': return or(published, eq(entity.id, actor.entityId!));
    default: return published;
  }
}
export function productVisibility(actor: Actor): SQL | undefined {
  if (readsNationally(actor)) return undefined;
  const published = and(ne(product.status, 'draft'), sql`${entity.status} = 'approved'`)!;
  if (actor.kind !== 'user') return published;
  switch (actor.role) {
    case 'province': return or(published, eq(product.provinceCode, actor.provinceCode!));
    case 'commune': return or(published, eq(product.communeCode, actor.communeCode!));
    case 'entity': return or(published, eq(product.entityId, actor.entityId!));
    default: return published;
  }
}
