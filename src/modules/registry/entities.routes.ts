import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readAudit } from '../../app/audit.js';
import { inTransaction } from '../../app/command.js';
import { forbidden, notFound } from '../../app/errors.js';
import { nextLink, readCursor } from '../../app/paging.js';
import { logSensitiveRead } from '../../app/privacy.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { acceptedResponse, BUDGETS, presentUser, requireUser, takeAttempt, user } from '../accounts/index.js';
import { acceptInvitation, inviteMember } from './commands/invite-member.js';
import { createEntity } from './commands/create-entity.js';
import { decideEntity } from './commands/decide-entity.js';
import { signUpProducer } from './commands/sign-up-producer.js';
import { updateEntity } from './commands/update-entity.js';
import {
  acceptInviteBody, approveBody, createEntityBody, entityAnyOut, entityList, entityListQuery, historyOut, idParams,
  invitationOut, inviteBody, refuseBody, signupBody, updateEntityBody,
} from './registry.contract.js';
import { canEditEntity, canReadEntity, isDataSubject, SCOPED_ROLES } from './registry.policy.js';
import { entityFilter } from './registry.filters.js';
import { presentEntity, presentEntityFor } from './registry.present.js';
import { entityKeys, getEntity, listEntities, type EntityRow } from './registry.repo.js';

// The same answer for a new e-mail and for one that has an account: sign-up must not reveal who is registered.
const SIGNUP_ACCEPTED = {
  status: 'accepted' as const,
  message: {
    vi: 'Đã nhận đăng ký. Nếu e-mail này chưa có tài khoản, bạn có thể đăng nhập ngay bằng mật khẩu vừa chọn; chủ thể chờ UBND xã duyệt. Nếu e-mail đã có tài khoản, chúng tôi đã gửi hướng dẫn tới e-mail đó.',
    en: 'Sign-up received. If this e-mail had no account, you can log in now with the password you chose; the entity awaits the commune\'s approval. If it already had one, we have sent instructions to it.',
  },
};

export const entityRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  /** Loads an entity the caller may read; someone outside the scope gets the same 404 as for a missing one. */
  async function readable(req: { actor: Parameters<typeof canReadEntity>[0] }, id: string) {
    const row = await getEntity(db, id);
    if (!row || !canReadEntity(req.actor, row.entity)) throw notFound('entity', 'chủ thể');
    return row;
  }

  /** The entity as the caller may see it; a read of its sensitive fields by anyone but the entity itself is logged. */
  async function present(req: FastifyRequest, row: EntityRow) {
    const { out, sensitive } = presentEntityFor(row, req.actor);
    if (sensitive.length && !isDataSubject(req.actor, row.entity)) {
      await logSensitiveRead(db, req.log, req.actor, { recordType: 'entity', recordId: row.entity.id, fields: sensitive, route: req.routeOptions.url ?? req.url, requestId: req.id });
    }
    return out;
  }

  r.get('/entities', { config: { access: 'public', publicCache: true }, schema: { tags: ['registry'], summary: 'OCOP entities (chủ thể), searchable without diacritics; paging by page or cursor', querystring: entityListQuery, response: { 200: entityList } } }, async (req, reply) => {
    const qy = req.query;
    const where = entityFilter(req.actor, qy);
    const { total, totalExact, rows, nextCursor } = await listEntities(db, where, qy.sort, qy.page, qy.pageSize, readCursor(qy, 'entity', entityKeys(qy.sort)), { search: Boolean(qy.q) });
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    return { total, totalExact, page: qy.page, pageSize: qy.pageSize, nextCursor, items: rows.map((row) => presentEntity(row, req.actor, 'internal')) };
  });

  r.post('/entities', { config: { access: ['central', 'province', 'commune'] }, schema: { tags: ['registry'], summary: 'Register an entity (officers; approved at once)', body: createEntityBody, response: { 201: entityAnyOut } } }, async (req, reply) => {
    requireUser(req);
    const created = await inTransaction(db, req, (ctx) => createEntity(ctx, req.body));
    return reply.status(201).send(await present(req, (await getEntity(db, created.id))!));
  });

  r.get('/entities/:id', { config: { access: 'public' }, schema: { tags: ['registry'], params: idParams, response: { 200: entityAnyOut } } }, async (req) => present(req, await readable(req, req.params.id)));

  r.patch('/entities/:id', { config: { access: SCOPED_ROLES }, schema: { tags: ['registry'], summary: 'Update an entity (send the version you read)', params: idParams, body: updateEntityBody, response: { 200: entityAnyOut } } }, async (req) => {
    requireUser(req);
    await readable(req, req.params.id);
    await inTransaction(db, req, (ctx) => updateEntity(ctx, req.params.id, req.body));
    return present(req, (await getEntity(db, req.params.id))!);
  });

  r.post('/entities/:id/approve', { config: { access: ['central', 'province', 'commune'] }, schema: { tags: ['registry'], summary: 'Commune approves a producer\'s registration', params: idParams, body: approveBody, response: { 200: entityAnyOut } } }, async (req) => {
    requireUser(req);
    await readable(req, req.params.id);
    await inTransaction(db, req, (ctx) => decideEntity(ctx, req.params.id, { approve: true, version: req.body.version }));
    return present(req, (await getEntity(db, req.params.id))!);
  });

  r.post('/entities/:id/refuse', { config: { access: ['central', 'province', 'commune'] }, schema: { tags: ['registry'], summary: 'Commune refuses a registration, with a reason', params: idParams, body: refuseBody, response: { 200: entityAnyOut } } }, async (req) => {
    requireUser(req);
    await readable(req, req.params.id);
    await inTransaction(db, req, (ctx) => decideEntity(ctx, req.params.id, { approve: false, reason: req.body.reason, version: req.body.version }));
    return present(req, (await getEntity(db, req.params.id))!);
  });

  r.get('/entities/:id/history', { config: { access: SCOPED_ROLES }, schema: { tags: ['registry'], summary: 'Audit trail of an entity', params: idParams, response: { 200: historyOut } } }, async (req) => {
    const row = await readable(req, req.params.id);
    if (!canEditEntity(req.actor, row.entity)) throw forbidden();
    // The snapshots hold the representative's sex, ethnicity and disability: a sensitive read.
    if (!isDataSubject(req.actor, row.entity)) await logSensitiveRead(db, req.log, req.actor, { recordType: 'entity', recordId: row.entity.id, fields: ['history.before', 'history.after'], route: req.routeOptions.url ?? req.url, requestId: req.id });
    return { items: await readAudit(db, 'entity', req.params.id) };
  });

  r.post('/entities/:id/invitations', { config: { access: ['entity'] }, schema: { tags: ['registry'], summary: 'Invite a member to the entity', params: idParams, body: inviteBody, response: { 201: invitationOut } } }, async (req, reply) => {
    requireUser(req);
    await readable(req, req.params.id);
    return reply.status(201).send(await inTransaction(db, req, (ctx) => inviteMember(ctx, req.params.id, req.body.email)));
  });

  r.post('/auth/signup', {
    schema: { tags: ['accounts'], summary: 'A producer signs up and registers its entity (pending commune approval). 202 whether or not the e-mail already has an account (its owner is mailed instead)', body: signupBody, response: { 202: acceptedResponse } },
    config: { access: 'public' },
  }, async (req, reply) => {
    // Counted in the database per client address, outside the transaction so that a refused sign-up still counts.
    await takeAttempt(db, new Date(), [[BUDGETS.signupPerAddress, req.ip]]);
    await inTransaction(db, req, (ctx) => signUpProducer(ctx, req.body));
    return reply.status(202).send(SIGNUP_ACCEPTED);
  });

  r.post('/auth/accept-invitation', { config: { access: 'public' }, schema: { tags: ['accounts'], summary: 'Accept an invitation and set a password', body: acceptInviteBody, response: { 201: user } } }, async (req, reply) => {
    const row = await inTransaction(db, req, (ctx) => acceptInvitation(ctx, req.body));
    return reply.status(201).send(presentUser(row));
  });
};
