import type { MailLanguage } from '../mail-language.js';
import { plainLine, renderMail, type RenderedMail } from './mail-layout.js';

export interface PasswordResetData {
  pharmacyName: string;
  staffName: string;
  minutesValid: number;
}

export function passwordResetMail(data: PasswordResetData, link: string, language: MailLanguage): RenderedMail {
  const pharmacy = plainLine(data.pharmacyName);
  const name = plainLine(data.staffName);
  if (language === 'nl') {
    return renderMail({
      subject: 'Je wachtwoord voor Counterchat opnieuw instellen',
      paragraphs: [`Hallo ${name},`, `Iemand heeft gevraagd om het wachtwoord van je Counterchat-account bij ${pharmacy} opnieuw in te stellen.`, 'Kies via de link hieronder een nieuw wachtwoord. Daarna word je op je andere apparaten afgemeld.'],
      action: { label: 'Nieuw wachtwoord kiezen', href: link },
      footer: [`De link werkt één keer en is ${data.minutesValid} minuten geldig.`, 'Heb jij dit niet gevraagd? Dan kun je deze e-mail negeren; je wachtwoord blijft hetzelfde.'],
    });
  }
  return renderMail({
    subject: 'Reset your Counterchat password',
    paragraphs: [`Hello ${name},`, `Someone asked to reset the password of your Counterchat account at ${pharmacy}.`, "Choose a new password with the link below. You'll then be signed out on your other devices."],
    action: { label: 'Choose a new password', href: link },
    footer: [`The link works once and is valid for ${data.minutesValid} minutes.`, "If you didn't ask for this, you can ignore this e-mail; your password stays the same."],
  });
}
