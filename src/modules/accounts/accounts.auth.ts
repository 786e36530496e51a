// Authentication: the session cookie (browsers) or a Bearer API token (machines) becomes `request.actor`.
// Browser writes must echo the session's CSRF token in `x-csrf-token`; tokens sent as Bearer need none.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PUBLIC, type Actor, type UserActor } from '../../app/actor.js';
import type { Db } from '../../app/db.js';
import { actingUser } from '../../app/access.js';
import { AppError } from '../../app/errors.js';
import { writeOriginTrusted } from '../../app/origin.js';
import { getSessionUser, prepareTokenUser, type UserRow } from './accounts.repo.js';
import { tokenHash } from './accounts.rules.js';

export const SESSION_COOKIE = 'ocop_session';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionToken?: string;
    csrfToken?: string;
  }
}

/** The actor an account acts as; also for a command that acts for an account it has just opened (sign-up). */
export const toActor = (u: Pick<UserRow, 'id' | 'role' | 'provinceCode' | 'communeCode' | 'entityId'>, via: UserActor['via']): UserActor => ({
  kind: 'user', id: u.id, role: u.role, provinceCode: u.provinceCode, communeCode: u.communeCode, entityId: u.entityId, via,
});

/**
 * `trustedOrigins`: besides the host the request was sent to, the origins whose pages may send writes with the
 * session cookie (the public URL's and OCOP_ALLOWED_ORIGINS; see app/origin.ts). Without it only the same host may.
 */
export function registerAuthentication(app: FastifyInstance, db: Db, trustedOrigins: ReadonlySet<string> = new Set()) {
  app.decorateRequest('actor', null as unknown as UserActor);
  const tokenUser = prepareTokenUser(db);
  app.addHook('onRequest', async (req) => {
    req.actor = PUBLIC;
    // The JSON API and the EPCIS repository's REST binding (/epcis, the standard's paths) act for accounts.
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/epcis/') && req.url !== '/epcis') return;
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const user = await tokenUser(tokenHash(bearer), new Date());
      if (!user) throw new AppError('unauthenticated', 'invalid_token', { vi: 'Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi', en: 'The API token is invalid, expired or revoked' });
      req.actor = toActor(user, 'token');
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    // The cookie rides along on a forged cross-site write too; the page's origin says where the write came from.
    if (!SAFE.has(req.method) && !writeOriginTrusted(req.headers, trustedOrigins)) {
      throw new AppError('forbidden', 'csrf_origin_mismatch', { vi: 'Yêu cầu được gửi từ một trang web khác; hãy mở hệ thống từ địa chỉ chính thức', en: 'The request was sent from another site; open the system at its own address' });
    }
    const found = await getSessionUser(db, tokenHash(token), new Date());
    if (!found) return; // expired or ended: the request goes on as the public
    req.actor = toActor(found.user, 'session');
    req.sessionToken = token;
    req.csrfToken = found.csrfToken;
    if (!SAFE.has(req.method) && req.headers['x-csrf-token'] !== found.csrfToken) {
      throw new AppError('forbidden', 'csrf_token_invalid', { vi: 'Phiên làm việc không hợp lệ (thiếu mã CSRF); hãy tải lại trang', en: 'Missing or wrong CSRF token; reload the page' });
    }
  });
}

/** Narrows req.actor to the calling account in a route declared 'user' or with roles. The access hook
 * (src/app/access.ts) refused the public before the body was read, so this is for the types, not the gate. */
export function requireUser(req: FastifyRequest): UserActor {
  return actingUser(req);
}
