import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitUntil } from './wait-until.js';

/** A real SMTP server on 127.0.0.1 that keeps every mail it accepts, parsed (mailparser). */
export interface SmtpReceiver {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  port: number;
  readonly mails: ParsedMail[];
  /** The first mail (received so far or later) to `address`, waiting up to `timeoutMs`. */
  mailTo(address: string, timeoutMs?: number): Promise<ParsedMail>;
  dispose(): Promise<void>;
}

/** Listens on `port` (default: a free one), without TLS or authentication. */
export async function startSmtpReceiver(port = 0): Promise<SmtpReceiver> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: nodemailer would otherwise upgrade to TLS with a certificate it can't check.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: listening } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  const recipients = (mail: ParsedMail) =>
    [mail.to].flat().flatMap((to) => to?.value.map((address) => address.address?.toLowerCase()) ?? []);
  return {
    url: `smtp://127.0.0.1:${listening}`,
    port: listening,
    mails,
    async mailTo(address, timeoutMs = 20_000) {
      const wanted = address.toLowerCase();
      await waitUntil(`a mail to ${address}`, () => mails.some((mail) => recipients(mail).includes(wanted)), timeoutMs);
      return mails.find((mail) => recipients(mail).includes(wanted))!;
    },
    dispose: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The dashboard link in a mail (the button's href), with its `#token=` fragment. */
export function linkIn(mail: ParsedMail): string {
  const match = /https?:\/\/\S+#token=[A-Za-z0-9_-]+/.exec(mail.text ?? '');
  if (!match) throw new Error(`No link in the mail "${mail.subject}"`);
  return match[0];
}

/** The token of that link. */
export function tokenIn(mail: ParsedMail): string {
  return new URL(linkIn(mail)).hash.replace(/^#token=/, '');
}
