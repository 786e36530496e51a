// Password reset by e-mail, and whether the login page may show the demo password.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../app/command.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { acceptedResponse, demoResponse, resetConfirmBody, resetRequestBody } from './accounts.contract.js';
import { takeAttempt } from './accounts.limiter.js';
import { demoAccountsExist } from './accounts.repo.js';
import { BUDGETS } from './accounts.rules.js';
import { confirmPasswordReset, requestPasswordReset } from './commands/reset-password.js';

const ACCEPTED = {
  status: 'accepted' as const,
  message: {
    vi: 'Nếu e-mail này có tài khoản, một liên kết đặt lại mật khẩu (hiệu lực 1 giờ) đã được gửi tới đó',
    en: 'If this e-mail has an account, a password reset link (valid for 1 hour) has been sent to it',
  },
};

export const passwordRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.post('/auth/password-reset', {
    schema: { tags: ['accounts'], summary: 'Ask for a password reset link by e-mail; 202 whether or not the e-mail has an account', body: resetRequestBody, response: { 202: acceptedResponse } },
    config: { access: 'public' },
  }, async (req, reply) => {
    // Counted outside the transaction, so that a refused request still counts. Per e-mail too: nobody's mailbox
    // can be flooded with links.
    await takeAttempt(db, new Date(), [[BUDGETS.resetPerAddress, req.ip], [BUDGETS.resetPerEmail, req.body.email]]);
    await inTransaction(db, req, (ctx) => requestPasswordReset(ctx, req.body.email));
    return reply.status(202).send(ACCEPTED);
  });

  r.post('/auth/password-reset/confirm', {
    schema: { tags: ['accounts'], summary: 'Set a new password with a reset link\'s token; ends every session and API token of the account', body: resetConfirmBody },
    config: { access: 'public' },
  }, async (req, reply) => {
    await inTransaction(db, req, (ctx) => confirmPasswordReset(ctx, req.body));
    return reply.status(204).send();
  });

  r.get('/auth/demo', {
    schema: { tags: ['accounts'], summary: 'Whether the demo accounts are loaded (the login page then shows their password)', response: { 200: demoResponse } },
    config: { access: 'public' },
  }, async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    return { demo: await demoAccountsExist(db) };
  });
};
