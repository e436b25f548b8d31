import type { MailLanguage } from '../mail-language.js';
import { plainLine, renderMail, type RenderedMail } from './mail-layout.js';

export interface CustomerReplyData {
  pharmacyName: string;
  /** How long the chat link works. */
  hoursValid: number;
}

/**
 * "<Pharmacy> replied to your question": never the reply itself, nor anything about the
 * question (issue 18). The chat link opens the conversation signed in, once.
 */
export function customerReplyMail(data: CustomerReplyData, link: string, unsubscribeUrl: string, language: MailLanguage): RenderedMail {
  const pharmacy = plainLine(data.pharmacyName);
  if (language === 'nl') {
    return renderMail({
      subject: `${pharmacy} heeft je vraag beantwoord`,
      paragraphs: [`${pharmacy} heeft je vraag beantwoord.`],
      action: { label: 'Open de chat', href: link },
      footer: [
        `De link werkt één keer en ${data.hoursValid} uur lang. Daarna open je de chat via de website van de apotheek.`,
        `Geen e-mails meer hierover? Afmelden: ${unsubscribeUrl}`,
      ],
    });
  }
  return renderMail({
    subject: `${pharmacy} replied to your question`,
    paragraphs: [`${pharmacy} replied to your question.`],
    action: { label: 'Open the chat', href: link },
    footer: [`The link works once, for ${data.hoursValid} hours. After that, open the chat from the pharmacy's website.`, `No more of these e-mails? Unsubscribe: ${unsubscribeUrl}`],
  });
}

/** The same in one text message; STOP is answered by the inbound webhook. */
export function customerReplySms(data: Pick<CustomerReplyData, 'pharmacyName'>, link: string, language: MailLanguage): string {
  const pharmacy = plainLine(data.pharmacyName);
  return language === 'nl'
    ? `${pharmacy} heeft je vraag beantwoord. Open de chat: ${link} Antwoord STOP om je af te melden.`
    : `${pharmacy} replied to your question. Open the chat: ${link} Reply STOP to opt out.`;
}
