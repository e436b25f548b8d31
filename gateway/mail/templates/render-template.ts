import { MailTemplate, type MailData } from '../../../entities/mail-delivery.entity.js';
import type { MailLanguage } from '../mail-language.js';
import type { RenderedMail } from './mail-layout.js';
import { passwordResetMail, type PasswordResetData } from './password-reset.js';
import { staffInvitationMail, type StaffInvitationData } from './staff-invitation.js';
import { staffDigestMail, type StaffDigestData } from './staff-digest.js';

/** The mail a delivery row describes, with the link its job carried. */
export function renderTemplate(template: MailTemplate, data: MailData, link: string, language: MailLanguage): RenderedMail {
  switch (template) {
    case MailTemplate.STAFF_INVITATION:
      return staffInvitationMail(data as unknown as StaffInvitationData, link, language);
    case MailTemplate.PASSWORD_RESET:
      return passwordResetMail(data as unknown as PasswordResetData, link, language);
    case MailTemplate.STAFF_DIGEST:
      return staffDigestMail(data as unknown as StaffDigestData, link, language);
    default:
      return unknownTemplate(template);
  }
}

function unknownTemplate(template: never): never {
  throw new Error(`No mail template ${String(template)}`);
}
