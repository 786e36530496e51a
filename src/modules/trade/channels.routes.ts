// Sales channels: /api/v1/channels. Thin routes: access declared, validate, load, authorise the scope, one command,
// present. Entities keep their own; the commune or province in scope verifies; the public reads where to buy.
import { join } from 'node:path';
import { and, eq, inArray, not, type SQL } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { readAudit } from '../../app/audit.js';
import { inTransaction } from '../../app/command.js';
import { forbidden, invalidField, notFound } from '../../app/errors.js';
import { FileStore } from '../../app/files.js';
import { nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { contentDisposition, STORED_FILE_POLICY } from '../../app/security-headers.js';
import { readSingleUpload } from '../../app/uploads.js';
import { vnDate } from '../scoring/index.js';
import { channelList, channelListQuery, channelOut, channelTypesOut, createChannelBody, deleteChannelQuery, rejectChannelBody, updateChannelBody, verifyChannelBody } from './channels.contract.js';
import { canReadChannel, channelVisibility, runningOn, ENTITY_ROLE, inScope, READER_ROLES, VERIFIER_ROLES } from './channels.policy.js';
import { presentChannel } from './channels.present.js';
import { channelKeys, getChannel, listChannels } from './channels.repo.js';
import { CHANNEL_DATA, modernTypes } from './channels.rules.js';
import { attachEvidence } from './commands/attach-evidence.js';
import { createChannel } from './commands/create-channel.js';
import { deleteChannel } from './commands/delete-channel.js';
import { rejectChannel, verifyChannel } from './commands/verify-channel.js';
import { updateChannel } from './commands/update-channel.js';
import { salesChannel } from './trade.tables.js';

const idParams = z.object({ id: z.uuid() });
const historyOut = z.object({
  items: z.array(z.object({ id: z.number(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), action: z.string(), before: z.unknown(), after: z.unknown(), changes: z.array(z.string()) })),
});
const today = () => vnDate(new Date());

function channelFilter(actor: Actor, qy: z.infer<typeof channelListQuery>, day: string): SQL | undefined {
  const modern = modernTypes();
  return and(
    channelVisibility(actor, day),
    qy.entity ? eq(salesChannel.entityId, qy.entity) : undefined,
    qy.product ? eq(salesChannel.productId, qy.product) : undefined,
    qy.type ? eq(salesChannel.type, qy.type) : undefined,
    qy.status ? eq(salesChannel.status, qy.status) : undefined,
    qy.province ? eq(salesChannel.provinceCode, qy.province) : undefined,
    qy.commune ? eq(salesChannel.communeCode, qy.commune) : undefined,
    qy.modern === undefined ? undefined : qy.modern ? inArray(salesChannel.type, modern) : inArray(salesChannel.type, (CHANNEL_DATA.types.filter((t) => !t.modern).map((t) => t.code))),
    qy.current === undefined ? undefined : qy.current ? runningOn(day) : not(runningOn(day)),
  );
}
export const channelRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const files = new FileStore(join(config.dataDir, 'files'));

  async function readable(actor: Actor, id: string) {
    const row = await getChannel(db, id);
    if (!row || !canReadChannel(actor, row.channel, row.entityStatus, today())) throw notFound('channel', 'kênh bán hàng');
    return row;
  }
  const present = async (actor: Actor, id: string) => presentChannel((await getChannel(db, id))!, actor, today());

  r.get('/channel-types', { config: { access: 'public', publicCache: true }, schema: { tags: ['trade'], summary: 'Sales channel types, which count as modern (data/trade/channels.json) and the modern-channel target', response: { 200: channelTypesOut } } }, async () =>
    ({ version: CHANNEL_DATA.version, instrument: CHANNEL_DATA.instrument, target: CHANNEL_DATA.modernChannelTarget, items: CHANNEL_DATA.types }));

  r.get('/channels', { config: { access: 'public', publicCache: true }, schema: { tags: ['trade'], summary: 'Sales channels: the public gets verified current channels (where to buy); the entity and the officers in scope all of theirs (status=unverified&sort=createdAt: the verification queue)', querystring: channelListQuery, response: { 200: channelList } } }, async (req, reply) => {
    const qy = req.query;
    const day = today();
    const { total, totalExact, rows, nextCursor } = await listChannels(db, channelFilter(req.actor, qy, day), qy.sort, qy.page, qy.pageSize, readCursor(qy, 'channel', channelKeys(qy.sort)));
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    return { total, totalExact, page: qy.page, pageSize: qy.pageSize, nextCursor, items: rows.map((row) => presentChannel(row, req.actor, day)) };
  });

  r.post('/channels', { config: { access: ENTITY_ROLE }, schema: { tags: ['trade'], summary: 'Record one of your entity\'s sales channels (it waits for verification)', body: createChannelBody, response: { 201: channelOut } } }, async (req, reply) => {
    const actor = req.actor;
    if (actor.kind !== 'user' || !actor.entityId) throw forbidden();
    const created = await inTransaction(db, req, (ctx) => createChannel(ctx, actor.entityId!, req.body));
    return reply.status(201).send(await present(req.actor, created.id));
  });

  r.get('/channels/:id', { config: { access: 'public' }, schema: { tags: ['trade'], params: idParams, response: { 200: channelOut } } }, async (req) =>
    presentChannel(await readable(req.actor, req.params.id), req.actor, today()));

  r.patch('/channels/:id', { config: { access: ENTITY_ROLE }, schema: { tags: ['trade'], summary: 'Change a channel (send the version you read); a change of substance returns a verified channel to unverified', params: idParams, body: updateChannelBody, response: { 200: channelOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => updateChannel(ctx, req.params.id, req.body));
    return present(req.actor, req.params.id);
  });

  r.delete('/channels/:id', { config: { access: ENTITY_ROLE }, schema: { tags: ['trade'], summary: 'Remove a channel (?version=the version you read)', params: idParams, querystring: deleteChannelQuery } }, async (req, reply) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => deleteChannel(ctx, req.params.id, req.query.version));
    return reply.status(204).send();
  });

  r.post('/channels/:id/evidence', { config: { access: ENTITY_ROLE }, schema: { tags: ['trade'], summary: 'Upload the contract evidence (PDF, JPEG, PNG, WebP; multipart, field file; optional field version)', params: idParams, consumes: ['multipart/form-data'], response: { 200: channelOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    const { upload, fields } = await readSingleUpload(req);
    const version = fields.version === undefined ? undefined : Number(fields.version);
    if (version !== undefined && !(Number.isInteger(version) && version >= 1)) throw invalidField('version', 'invalid_version', { vi: 'Phiên bản không hợp lệ', en: 'Invalid version' });
    await inTransaction(db, req, (ctx) => attachEvidence(ctx, files, req.params.id, upload, version));
    return present(req.actor, req.params.id);
  });

  r.get('/channels/:id/evidence', { config: { access: READER_ROLES }, schema: { tags: ['trade'], summary: 'Download the contract evidence (the entity and the officers in scope)', params: idParams } }, async (req, reply) => {
    const row = await getChannel(db, req.params.id);
    if (!row || !inScope(req.actor, row.channel) || !row.evidence) throw notFound('channel_evidence', 'minh chứng');
    reply.header('content-type', row.evidence.mimeType);
    reply.header('cache-control', 'private, max-age=0');
    reply.header('content-disposition', contentDisposition('inline', row.evidence.originalName));
    reply.header('content-security-policy', STORED_FILE_POLICY);
    return reply.send(await files.get(row.evidence.sha256));
  });

  r.post('/channels/:id/verify', { config: { access: VERIFIER_ROLES }, schema: { tags: ['trade'], summary: 'The commune or province in scope has seen the evidence: the channel counts', params: idParams, body: verifyChannelBody, response: { 200: channelOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => verifyChannel(ctx, req.params.id, req.body.version));
    return present(req.actor, req.params.id);
  });

  r.post('/channels/:id/reject', { config: { access: VERIFIER_ROLES }, schema: { tags: ['trade'], summary: 'Reject a channel with the reason (the entity sees it)', params: idParams, body: rejectChannelBody, response: { 200: channelOut } } }, async (req) => {
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => rejectChannel(ctx, req.params.id, req.body.version, req.body.reason));
    return present(req.actor, req.params.id);
  });

  r.get('/channels/:id/history', { config: { access: READER_ROLES }, schema: { tags: ['trade'], summary: 'Audit trail of a channel', params: idParams, response: { 200: historyOut } } }, async (req) => {
    const row = await getChannel(db, req.params.id);
    if (!row || !inScope(req.actor, row.channel)) throw notFound('channel', 'kênh bán hàng');
    return { items: await readAudit(db, 'sales_channel', req.params.id) };
  });
};
