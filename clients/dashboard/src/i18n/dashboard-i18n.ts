import { useTranslation } from 'react-i18next';
import { createI18n, setLanguage, supportedLanguage } from '../../../shared/i18n/create-i18n.js';
import { en } from './en.js';
import { nl } from './nl.js';
import type { Translate } from './dashboard-keys.js';

export const dashboardResources = {
  en: { translation: en },
  nl: { translation: nl },
};

export const DASHBOARD_LANGUAGES = Object.keys(dashboardResources) as (keyof typeof dashboardResources)[];

const LANGUAGE_KEY = 'counterchat.language';

/**
 * The language the dashboard speaks: the one chosen under "Your account" on this browser,
 * else the first of the browser's languages we have, else English.
 */
export function preferredLanguage(): string {
  const chosen = readChoice();
  if (chosen) return chosen;
  const tag = navigator.languages.find((candidate) => supportedLanguage(candidate, DASHBOARD_LANGUAGES, '') !== '');
  return supportedLanguage(tag, DASHBOARD_LANGUAGES);
}

function readChoice(): string | null {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    return stored && (DASHBOARD_LANGUAGES as string[]).includes(stored) ? stored : null;
  } catch {
    return null;
  }
}

export const createDashboardI18n = () => {
  const instance = createI18n({ resources: dashboardResources, lang: preferredLanguage() });
  document.documentElement.lang = instance.language;
  instance.on('languageChanged', (language) => (document.documentElement.lang = language));
  return instance;
};

/** Keeps the choice on this browser and switches at once. */
export function chooseLanguage(instance: Parameters<typeof setLanguage>[0], language: string): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage refused (private mode): the choice lasts for this page.
  }
  setLanguage(instance, language);
}

export type { DashboardKey, Translate } from './dashboard-keys.js';

/** react-i18next's `t`, held to the dashboard's keys. */
export function useStrings(): Translate {
  return useTranslation().t as unknown as Translate;
}
