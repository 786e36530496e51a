// The notification centre (each person's own notifications and channel choices) and the development mailbox.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../app/command.js';
import { notFound } from '../../app/errors.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { requireUser } from '../accounts/index.js';
import { languageBody, mailboxIdParams, mailboxList, mailboxMessage, notificationIdParams, notificationList, notificationsQuery, preferences, unreadCount } from './notifications.contract.js';
import { parseEml } from './notifications.eml.js';
import { decodeCursor, encodeCursor, presentNotification, presentPreferences } from './notifications.present.js';
import { countUnread, getLanguage, listByUser, listPreferences, markAllRead, markRead, setLanguage, upsertPreference } from './notifications.repo.js';

/** The mailbox shows the .eml files only on a development server without SMTP: they hold sign-in links. */
export const devMailboxEnabled = (config: { smtpUrl?: string }, env: NodeJS.ProcessEnv = process.env) => !config.smtpUrl && env.NODE_ENV !== 'production';
/** Only from the machine itself (a newcomer's browser on localhost), so a dev server on a shared network shows no one else's links. */
const loopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

export const notificationRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const tags = ['notifications'];

  r.get('/notifications', {
    schema: { tags, summary: 'The caller\'s notifications, newest first, with the unread count', querystring: notificationsQuery, response: { 200: notificationList } },
    config: { access: 'user' },
  }, async (req) => {
    const actor = requireUser(req);
    const rows = await listByUser(db, actor.id, req.query.limit + 1, req.query.cursor ? decodeCursor(req.query.cursor) : undefined);
    const page = rows.slice(0, req.query.limit);
    return {
      items: page.map(presentNotification),
      unread: await countUnread(db, actor.id),
      nextCursor: rows.length > req.query.limit ? encodeCursor(page.at(-1)!) : null,
    };
  });

  r.get('/notifications/unread-count', {
    schema: { tags, summary: 'How many of the caller\'s notifications are unread (for the header badge)', response: { 200: unreadCount } },
    config: { access: 'user' },
  }, async (req) => ({ unread: await countUnread(db, requireUser(req).id) }));

  r.post('/notifications/read-all', {
    schema: { tags, summary: 'Mark every notification of the caller read' },
    config: { access: 'user' },
  }, async (req, reply) => {
    await markAllRead(db, requireUser(req).id, new Date());
    return reply.status(204).send();
  });

  r.post('/notifications/:id/read', {
    schema: { tags, summary: 'Mark one of the caller\'s notifications read (someone else\'s answers 404)', params: notificationIdParams },
    config: { access: 'user' },
  }, async (req, reply) => {
    if (!(await markRead(db, requireUser(req).id, req.params.id, new Date()))) throw notFound('notification', 'thông báo');
    return reply.status(204).send();
  });

  r.get('/notifications/preferences', {
    schema: { tags, summary: 'Which notices reach the caller by e-mail and in the app, per kind (both on unless switched off)', response: { 200: preferences } },
    config: { access: 'user' },
  }, async (req) => presentPreferences(await listPreferences(db, requireUser(req).id)));

  r.put('/notifications/preferences', {
    schema: { tags, summary: 'Switch channels per kind; kinds not named keep their setting. Answers every kind', body: preferences, response: { 200: preferences } },
    config: { access: 'user' },
  }, async (req) => {
    const actor = requireUser(req);
    // One transaction: a body naming a kind twice keeps the last, and nothing is half-written.
    return inTransaction(db, req, async (ctx) => {
      for (const p of req.body.items) await upsertPreference(ctx.tx, actor.id, p, ctx.now);
      return presentPreferences(await listPreferences(ctx.tx, actor.id));
    });
  });

  r.get('/notifications/language', {
    schema: { tags, summary: 'The language the caller\'s e-mail is written in (vi unless chosen)', response: { 200: languageBody } },
    config: { access: 'user' },
  }, async (req) => ({ language: (await getLanguage(db, requireUser(req).id)) ?? 'vi' }));

  r.put('/notifications/language', {
    schema: { tags, summary: 'Choose the language of the caller\'s e-mail', body: languageBody, response: { 200: languageBody } },
    config: { access: 'user' },
  }, async (req) => {
    await setLanguage(db, requireUser(req).id, req.body.language, new Date());
    return { language: req.body.language };
  });

  // ── development mailbox ──────────────────────────────────────────────────
  const mailDir = join(config.dataDir, 'mail');
  const enabled = devMailboxEnabled(config);
  const gate = (ip: string) => { if (!enabled || !loopback(ip)) throw notFound('route', 'trang'); };

  r.get('/dev/mailbox', {
    schema: { tags, summary: 'Development only (no SMTP, not production, from localhost): the e-mails written as .eml files, newest first', response: { 200: mailboxList } },
    config: { access: 'public' },
  }, async (req) => {
    gate(req.ip);
    const files = (await readdir(mailDir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort().reverse().slice(0, 200);
    const items = [];
    for (const f of files) {
      const m = parseEml(await readFile(join(mailDir, f), 'latin1'));
      items.push({ id: f.slice(0, -4), to: m.to, subject: m.subject, date: m.date || (await stat(join(mailDir, f))).mtime.toISOString() });
    }
    return { items };
  });

  r.get('/dev/mailbox/:id', {
    schema: { tags, summary: 'Development only: one e-mail of the mailbox, decoded', params: mailboxIdParams, response: { 200: mailboxMessage } },
    config: { access: 'public' },
  }, async (req) => {
    gate(req.ip);
    const raw = await readFile(join(mailDir, `${req.params.id}.eml`), 'latin1').catch(() => { throw notFound('message', 'thư'); });
    return { id: req.params.id, ...parseEml(raw) };
  });
};

