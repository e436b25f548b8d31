import type { MailLanguage } from '../mail-language.js';
import { plainLine, renderMail, type RenderedMail } from './mail-layout.js';

/** Names and numbers only: never the message, the customer's name or anything medical. */
export interface StaffDigestData {
  pharmacyName: string;
  staffName: string;
  minutesWaiting: number;
  /** 1 when the conversation is assigned to the recipient, 0 when it is assigned to nobody. */
  assignedToYou: number;
}

export function staffDigestMail(data: StaffDigestData, link: string, language: MailLanguage): RenderedMail {
  const pharmacy = plainLine(data.pharmacyName);
  const name = plainLine(data.staffName);
  if (language === 'nl') {
    return renderMail({
      subject: `Een klant wacht op antwoord – ${pharmacy}`,
      paragraphs: [
        `Hallo ${name},`,
        `Een klant van ${pharmacy} wacht al meer dan ${data.minutesWaiting} minuten op antwoord in een gesprek dat ${data.assignedToYou ? 'aan jou is toegewezen' : 'nog aan niemand is toegewezen'}.`,
      ],
      action: { label: 'Gesprek openen', href: link },
      footer: ['Je kunt deze e-mails uitzetten onder "Jouw account" in Counterchat.'],
    });
  }
  return renderMail({
    subject: `A customer is waiting for a reply – ${pharmacy}`,
    paragraphs: [
      `Hello ${name},`,
      `A customer of ${pharmacy} has waited more than ${data.minutesWaiting} minutes for a reply in a conversation ${data.assignedToYou ? 'assigned to you' : 'assigned to nobody yet'}.`,
    ],
    action: { label: 'Open the conversation', href: link },
    footer: ['You can turn these e-mails off under "Your account" in Counterchat.'],
  });
}
