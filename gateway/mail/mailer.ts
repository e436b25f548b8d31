import { randomBytes } from 'node:crypto';
import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { RenderedMail } from './templates/mail-layout.js';

export const DEFAULT_MAIL_FROM = 'Counterchat <no-reply@localhost>';

export interface MailConfig {
  /** SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`); unset writes `.eml` files into `directory`. */
  smtpUrl: string | undefined;
  /** MAIL_FROM; default DEFAULT_MAIL_FROM. */
  from: string;
  /** DATA_DIR/mail: where mails go without SMTP_URL. */
  directory: string;
}

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on notifications. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the mail (or the file is written); throws otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  dispose(): void;
}

/** For the start banner: where this gateway's mails go. */
export function describeMailDestination(config: MailConfig): string {
  if (!config.smtpUrl) return `written as .eml files to ${config.directory} (set SMTP_URL to send them)`;
  const url = new URL(config.smtpUrl);
  return `SMTP ${url.protocol === 'smtps:' ? 'over TLS ' : ''}via ${url.host} (SMTP_URL)`;
}

/** Mails leave within this long or fail (and the job queue retries them). */
const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;

/**
 * nodemailer, over SMTP (SMTP_URL), or without it into `.eml` files (RFC 822, as nodemailer's
 * stream transport writes them), so `npm start` sends invitations with nothing else installed:
 * open one with any mail program. Those files hold sign-in links: only the gateway's user may
 * read them (folder rwx------, files rw-------).
 */
export function createMailer(config: MailConfig): Mailer {
  const transport: Transporter = config.smtpUrl
    ? nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: CONNECTION_TIMEOUT_MS, greetingTimeout: CONNECTION_TIMEOUT_MS, socketTimeout: SOCKET_TIMEOUT_MS } as SMTPTransport.Options, { from: config.from })
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from: config.from });
  return {
    async send(mail) {
      const info = await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers });
      if (!config.smtpUrl) await writeMailFile(config.directory, (info as { message: Buffer }).message);
    },
    dispose: () => transport.close(),
  };
}

async function writeMailFile(directory: string, message: Buffer): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  if (((await stat(directory)).mode & 0o077) !== 0) await chmod(directory, 0o700);
  // Sorted by time in a listing; the random part keeps two mails of one millisecond apart.
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
  await writeFile(path.join(directory, name), message, { mode: 0o600, flag: 'wx' });
}
