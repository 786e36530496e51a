// Outgoing mail: SMTP when OCOP_SMTP_URL is set; otherwise each message is written as an .eml file under
// <dataDir>/mail/, so a newcomer running `npm start` can open the password-reset or invitation e-mail it just caused.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import { loadNodemailer } from '../../app/lazy-libraries.js';

export type MailMessage = { to: string; subject: string; text: string };
export type MailTransport = {
  /** Sends one message; returns where it went (the .eml file's path, or the SMTP message id). */
  send(message: MailMessage): Promise<{ file?: string; messageId?: string }>;
  readonly kind: 'smtp' | 'files';
};

export function createMailTransport(opts: { smtpUrl?: string; dataDir: string; from: string }): MailTransport {
  if (opts.smtpUrl) {
    let smtp: Promise<Transporter> | undefined;
    return {
      kind: 'smtp',
      async send(m) {
        smtp ??= loadNodemailer().then((n) => n.createTransport(opts.smtpUrl));
        const info = await (await smtp).sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text });
        return { messageId: info.messageId };
      },
    };
  }
  // The same MIME message SMTP would carry, built by nodemailer and kept instead of sent.
  let files: Promise<Transporter> | undefined;
  const dir = join(opts.dataDir, 'mail');
  return {
    kind: 'files',
    async send(m) {
      files ??= loadNodemailer().then((n) => n.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }));
      const info = await (await files).sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text });
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 }); // it carries a sign-in secret
      return { file };
    },
  };
}
