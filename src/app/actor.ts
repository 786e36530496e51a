// Who is acting. Every command and policy receives one; the public is an actor too.
import type { Queryable } from './db.js';
import type { FastifyBaseLogger } from 'fastify';

export const ROLES = ['central', 'province', 'commune', 'council', 'advisory', 'inspector', 'entity'] as const;
export type Role = (typeof ROLES)[number];

export type UserActor = {
  kind: 'user';
  id: string;
  role: Role;
  provinceCode: string | null;
  communeCode: string | null;
  entityId: string | null;
  via: 'session' | 'token';
};
/** The server acting on its own (a scheduled job): no user, no scope; its audit records carry `name`. */
export type SystemActor = { kind: 'system'; name: string };
export type Actor = UserActor | { kind: 'public' } | SystemActor;
export const PUBLIC: Actor = { kind: 'public' };
export const systemActor = (name: string): SystemActor => ({ kind: 'system', name });

/** What a command runs with: the actor, the open transaction, a logger and the clock. */
export type Ctx = { actor: Actor; tx: Queryable; log: FastifyBaseLogger; now: Date };

declare module 'fastify' {
  /** Set for every request by the authentication hook; the public when nobody is logged in. */
  interface FastifyRequest { actor: Actor }
}
