/** The languages mails are written in. */
export type MailLanguage = 'en' | 'nl';

/**
 * The pharmacy's language, from its search language setting (`settings.language`, a
 * PostgreSQL text-search configuration): Dutch for `dutch`, English otherwise.
 */
export function mailLanguageOf(settings: { language?: string | null }): MailLanguage {
  return settings.language === 'dutch' ? 'nl' : 'en';
}

/** A date and time as people of that language write it, in the pharmacy's time zone. */
export function formatMailDate(iso: string, language: MailLanguage, timeZone: string): string {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));
  } catch {
    // An unknown time zone in old settings: UTC rather than no mail.
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';
  }
}
