import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createMailer, DEFAULT_MAIL_FROM } from '../../../gateway/mail/mailer.js';
import { passwordResetMail } from '../../../gateway/mail/templates/password-reset.js';
import { staffInvitationMail } from '../../../gateway/mail/templates/staff-invitation.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../support/smtp-receiver.js';
import { useTemporaryDirectory } from '../../support/temporary-directory.js';

const LINK = 'http://127.0.0.1:4000/dashboard/accept-invitation#token=abc_DEF-123';
const invitation = {
  pharmacyName: 'Apotheek <b>Noord</b>',
  inviteeName: 'Eve "<script>alert(1)</script>"',
  inviterName: 'Anna\nde Vries',
  role: 'PHARMACIST',
  expiresAt: '2026-12-07T09:30:00.000Z',
  timeZone: 'Europe/Amsterdam',
};

let receiver: SmtpReceiver;
const folder = useTemporaryDirectory('counterchat-mail-');

beforeAll(async () => {
  receiver = await startSmtpReceiver();
});
afterAll(() => receiver.dispose());

describe('the templates', () => {
  it('escape what people typed in the HTML and keep it to one line in the text', () => {
    const mail = staffInvitationMail(invitation, LINK, 'en');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('Eve &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
    expect(mail.html).toContain(`href="${LINK}"`);
    expect(mail.text).toContain('Anna de Vries invited you to join Apotheek <b>Noord</b> on Counterchat as a pharmacist');
    expect(mail.text).toContain(LINK);
    expect(mail.text).toContain('expires on 7 December 2026 at 10:30');
  });

  it("are written in the pharmacy's language", () => {
    const invite = staffInvitationMail(invitation, LINK, 'nl');
    expect(invite.subject).toBe('Uitnodiging voor Apotheek <b>Noord</b> op Counterchat');
    expect(invite.text).toContain('als apotheker');
    expect(invite.text).toContain('7 december 2026 om 10:30');
    const reset = passwordResetMail({ pharmacyName: 'Apotheek Noord', staffName: 'Eve', minutesValid: 30 }, LINK, 'nl');
    expect(reset.text).toContain('30 minuten geldig');
  });
});

describe('sending', () => {
  it('delivers over SMTP (SMTP_URL), as plain text and HTML from MAIL_FROM', async () => {
    const mailer = createMailer({ smtpUrl: receiver.url, from: 'Apotheek Noord <balie@noord.test>', directory: folder.path });
    await mailer.send({ to: 'eve@noord.test', ...staffInvitationMail(invitation, LINK, 'en') });
    mailer.dispose();
    const mail = await receiver.mailTo('eve@noord.test');
    expect(mail.from?.text).toBe('"Apotheek Noord" <balie@noord.test>');
    expect(mail.subject).toBe("You're invited to Apotheek <b>Noord</b> on Counterchat");
    expect(mail.text).toContain(LINK);
    expect(mail.html).toContain('&lt;script&gt;');
  });

  it('writes an .eml file only the gateway can read when there is no SMTP_URL', async () => {
    const directory = path.join(folder.path, 'mail');
    const mailer = createMailer({ smtpUrl: undefined, from: DEFAULT_MAIL_FROM, directory });
    await mailer.send({ to: 'frank@noord.test', ...passwordResetMail({ pharmacyName: 'Apotheek Noord', staffName: 'Frank', minutesValid: 30 }, LINK, 'en') });
    const [file] = await readdir(directory);
    expect(file).toMatch(/\.eml$/);
    expect((await stat(directory)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(directory, file!))).mode & 0o777).toBe(0o600);
    const mail = await simpleParser(await readFile(path.join(directory, file!)));
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : undefined).toBe('frank@noord.test');
    expect(mail.from?.text).toBe('"Counterchat" <no-reply@localhost>');
    expect(mail.subject).toBe('Reset your Counterchat password');
    expect(mail.text).toContain(LINK);
  });

  it('fails when the SMTP server cannot be reached, so the job is retried', async () => {
    const unreachable = await startSmtpReceiver();
    await unreachable.dispose();
    const mailer = createMailer({ smtpUrl: unreachable.url, from: DEFAULT_MAIL_FROM, directory: folder.path });
    await expect(mailer.send({ to: 'eve@noord.test', ...staffInvitationMail(invitation, LINK, 'en') })).rejects.toThrow(/ECONNREFUSED/);
    mailer.dispose();
  });
});
