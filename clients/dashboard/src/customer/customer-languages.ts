import type { Translate } from '../i18n/dashboard-i18n.js';

/** The languages a customer can prefer in the dashboard's picker: the ones the widget speaks. */
export const CUSTOMER_LANGUAGES = ['nl', 'en'] as const;

export function languageName(code: string, t: Translate): string {
  if (code === 'nl') return t('languageDutch');
  if (code === 'en') return t('languageEnglish');
  return code;
}
