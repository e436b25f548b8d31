import { formatMailDate, type MailLanguage } from '../mail-language.js';
import { plainLine, renderMail, type RenderedMail } from './mail-layout.js';

/** What the invitation says; the link (with its single-use token) comes sealed in the job. */
export interface StaffInvitationData {
  pharmacyName: string;
  inviteeName: string;
  /** Null when the operator invited the first admin. */
  inviterName: string | null;
  role: string;
  expiresAt: string;
  timeZone: string;
}

const ROLES: Record<MailLanguage, Record<string, string>> = {
  en: { ADMIN: 'an administrator', PHARMACIST: 'a pharmacist', STAFF: 'a team member' },
  nl: { ADMIN: 'beheerder', PHARMACIST: 'apotheker', STAFF: 'teamlid' },
};

export function staffInvitationMail(data: StaffInvitationData, link: string, language: MailLanguage): RenderedMail {
  const pharmacy = plainLine(data.pharmacyName);
  const invitee = plainLine(data.inviteeName);
  const inviter = data.inviterName ? plainLine(data.inviterName) : null;
  const expires = formatMailDate(data.expiresAt, language, data.timeZone);
  if (language === 'nl') {
    const role = ROLES.nl[data.role] ?? ROLES.nl.STAFF!;
    return renderMail({
      subject: `Uitnodiging voor ${pharmacy} op Counterchat`,
      paragraphs: [
        `Hallo ${invitee},`,
        `${inviter ?? 'De beheerder van Counterchat'} nodigt je uit om als ${role} mee te werken in ${pharmacy} op Counterchat, waar de apotheek berichten van klanten beantwoordt.`,
        'Kies via de link hieronder een wachtwoord om je account te activeren.',
      ],
      action: { label: 'Uitnodiging aannemen', href: link },
      footer: [`De link werkt één keer en verloopt op ${expires}.`, 'Verwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren.'],
    });
  }
  const role = ROLES.en[data.role] ?? ROLES.en.STAFF!;
  return renderMail({
    subject: `You're invited to ${pharmacy} on Counterchat`,
    paragraphs: [
      `Hello ${invitee},`,
      `${inviter ?? "Counterchat's administrator"} invited you to join ${pharmacy} on Counterchat as ${role}, where the pharmacy answers its customers' messages.`,
      'Choose a password with the link below to activate your account.',
    ],
    action: { label: 'Accept the invitation', href: link },
    footer: [`The link works once and expires on ${expires}.`, "If you didn't expect this invitation, you can ignore this e-mail."],
  });
}
