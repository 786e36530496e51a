// Access declared on every route: each /api route says in its options who may call it —
//   config: { access: 'public' }                  anyone, logged in or not
//   config: { access: 'user' }                    any logged-in account (session or API token)
//   config: { access: ['province', 'central'] }   only these roles
// A route without a valid declaration makes the server refuse to start (onRoute throws at registration), so no
// route can be left open by forgetting a check. The declaration is checked in an onRequest hook, after the
// authentication hook has set req.actor and before the body is parsed or validated: the public gets 401 on a
// non-public route whatever it sends, a role not listed gets 403. It is the first gate only; the finer checks
// (which province, commune or entity) stay in the policies.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { ROLES, type Role, type UserActor } from './actor.js';
import { AppError, forbidden } from './errors.js';

export type Access = 'public' | 'user' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig { access?: Access }
}

/** Only routes under these prefixes must declare access (the web app's files and pages are public by nature): the
 * JSON API, and the EPCIS repository's REST binding at the standard's paths. */
const API_PREFIXES = ['/api/', '/epcis/'];

export function isAccess(value: unknown): value is Access {
  if (value === 'public' || value === 'user') return true;
  return Array.isArray(value) && value.length > 0 && value.every((r) => (ROLES as readonly unknown[]).includes(r)) && new Set(value).size === value.length;
}

export const loginRequired = () => new AppError('unauthenticated', 'login_required', { vi: 'Bạn cần đăng nhập', en: 'You need to log in' });

/** The OpenAPI security of a declaration: none for public routes, the session cookie or a Bearer token otherwise. */
function documented(route: RouteOptions, access: Access) {
  route.schema = {
    ...route.schema,
    security: access === 'public' ? [] : [{ session: [] }, { bearer: [] }],
    'x-access': access,
  } as RouteOptions['schema'];
}

/**
 * Register before any route and after the authentication hook (hooks run in the order they are added).
 * Throws at registration for an /api route without a valid `config.access`.
 */
export function registerAccess(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!API_PREFIXES.some((p) => url.startsWith(p))) return;
    const access = (route.config as { access?: unknown } | undefined)?.access;
    if (!isAccess(access)) {
      const methods = [route.method].flat().join(',');
      throw new Error(`${methods} ${url}: declare who may call this route in its options, config: { access: 'public' | 'user' | [${ROLES.map((r) => `'${r}'`).join(', ')}] } (got ${JSON.stringify(access)})`);
    }
    documented(route, access);
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.access;
    if (access === undefined || access === 'public') return; // not an API route (no-declaration is refused above), or open
    if (req.actor.kind !== 'user') throw loginRequired();
    if (access !== 'user' && !access.includes(req.actor.role)) throw forbidden();
  });
}

/**
 * The account calling a route declared 'user' or with roles: narrows req.actor for the handler's types. The
 * onRequest hook has already refused the public, so this throws only if a route declared 'public' asks for a user.
 */
export function actingUser(req: FastifyRequest): UserActor {
  if (req.actor.kind !== 'user') throw loginRequired();
  return req.actor;
}
