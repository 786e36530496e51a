import { and, eq, type SQL } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../app/command.js';
import { AppError, forbidden } from '../../app/errors.js';
import { nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { requireUser, SESSION_COOKIE } from './accounts.auth.js';
import { createTokenBody, createUserBody, idParams, loginBody, sessionResponse, tokenCreated, tokenList, user, userList, usersQuery } from './accounts.contract.js';
import { canListUsers } from './accounts.policy.js';
import { presentToken, presentUser } from './accounts.present.js';
import { getUserById, listTokensByUser, listUsers, USER_SORT, userKeys } from './accounts.repo.js';
import { SESSION_DAYS } from './accounts.rules.js';
import { appUser } from './accounts.tables.js';
import { createToken } from './commands/create-token.js';
import { createUser } from './commands/create-user.js';
import { deactivateUser } from './commands/deactivate-user.js';
import { logIn, logOut } from './commands/log-in.js';
import { revokeToken } from './commands/revoke-token.js';
import { passwordRoutes } from './passwords.routes.js';

export const accountsRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const secure = config.publicUrl.startsWith('https://');

  r.post('/auth/login', {
    schema: { tags: ['accounts'], summary: 'Log in with e-mail and password; sets the session cookie. A locked or unknown account answers like a wrong password', body: loginBody, response: { 200: sessionResponse } },
    // Attempts are counted in the database per client address and per address and e-mail (accounts.limiter.ts).
    config: { access: 'public' },
  }, async (req, reply) => {
    const { user: row, token, csrfToken } = await logIn(db, req.body, new Date(), { ip: req.ip });
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_DAYS * 86_400 });
    return { user: presentUser(row), csrfToken };
  });

  r.post('/auth/logout', { config: { access: 'public' }, schema: { tags: ['accounts'], summary: 'End the current session' } }, async (req, reply) => {
    if (req.sessionToken) await logOut(db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/auth/me', { config: { access: 'user' }, schema: { tags: ['accounts'], summary: 'The logged-in user and the CSRF token', response: { 200: sessionResponse } } }, async (req) => {
    const actor = requireUser(req);
    const row = await getUserById(db, actor.id);
    return { user: presentUser(row!), csrfToken: req.csrfToken ?? '' };
  });

  r.post('/auth/tokens', {
    schema: { tags: ['accounts'], summary: 'Create an API token for a machine client (shown once); only from a browser session, never with a token', body: createTokenBody, response: { 201: tokenCreated } },
    config: { access: 'user' },
  }, async (req, reply) => {
    const actor = requireUser(req);
    return reply.status(201).send(await inTransaction(db, req, (ctx) => createToken({ ...ctx, actor }, req.body)));
  });

  r.get('/auth/tokens', {
    schema: { tags: ['accounts'], summary: 'The caller\'s API tokens (names and dates, never the tokens)', response: { 200: tokenList } },
    config: { access: 'user' },
  }, async (req) => {
    const actor = requireUser(req);
    return { items: (await listTokensByUser(db, actor.id)).map((row) => presentToken(row, new Date())) };
  });

  r.delete('/auth/tokens/:id', {
    schema: { tags: ['accounts'], summary: 'Revoke one of the caller\'s API tokens', params: idParams },
    config: { access: 'user' },
  }, async (req, reply) => {
    const actor = requireUser(req);
    await inTransaction(db, req, (ctx) => revokeToken({ ...ctx, actor }, req.params.id));
    return reply.status(204).send();
  });

  await app.register(passwordRoutes, { database, config });

  r.get('/users', { config: { access: ['central', 'province'] }, schema: { tags: ['accounts'], summary: 'Accounts in the caller\'s scope, by e-mail; paging by page or cursor', querystring: usersQuery, response: { 200: userList } } }, async (req, reply) => {
    const actor = requireUser(req);
    if (!canListUsers(actor)) throw forbidden();
    const filters: (SQL | undefined)[] = [
      req.query.role ? eq(appUser.role, req.query.role) : undefined,
      req.query.province ? eq(appUser.provinceCode, req.query.province) : undefined,
      actor.role === 'province' ? eq(appUser.provinceCode, actor.provinceCode!) : undefined,
    ];
    const cursor = readCursor({ ...req.query, sort: USER_SORT }, 'user', userKeys);
    const { total, totalExact, nextCursor, items } = await listUsers(db, and(...filters), req.query.page, req.query.pageSize, cursor);
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    return { total, totalExact, nextCursor, items: items.map(presentUser) };
  });

  r.post('/users', { config: { access: ['central', 'province'] }, schema: { tags: ['accounts'], summary: 'Create an officer account', body: createUserBody, response: { 201: user } } }, async (req, reply) => {
    requireUser(req);
    const row = await inTransaction(db, req, (ctx) => createUser(ctx, req.body));
    return reply.status(201).send(presentUser(row));
  });

  r.post('/users/:id/deactivate', { config: { access: ['central', 'province'] }, schema: { tags: ['accounts'], summary: 'Deactivate an account (never deleted); ends its sessions', params: idParams, response: { 200: user } } }, async (req) => {
    const actor = requireUser(req);
    if (actor.id === req.params.id) throw new AppError('conflict', 'cannot_deactivate_self', { vi: 'Không thể tự khoá tài khoản của mình', en: 'You cannot deactivate yourself' });
    return presentUser(await inTransaction(db, req, (ctx) => deactivateUser(ctx, req.params.id)));
  });
};
