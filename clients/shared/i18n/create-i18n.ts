import { createInstance, type i18n, type Resource } from 'i18next';

export interface I18nOptions {
  /** i18next resources: `{ en: { translation: {...} }, nl: { translation: {...} } }`. */
  resources: Resource;
  /** A BCP 47 tag such as `nl-NL` (the page's `<html lang>`, the browser's, or the pharmacy's). */
  lang: string | null | undefined;
  /** Used for a language we don't have and for a key a language misses. Default `en`. */
  fallbackLanguage?: string;
}

/** The language we have for a BCP 47 tag (`nl-NL` → `nl`), else the fallback. */
export function supportedLanguage(tag: string | null | undefined, languages: readonly string[], fallbackLanguage = 'en'): string {
  const primary = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return languages.includes(primary) ? primary : fallbackLanguage;
}

/**
 * One i18next instance for a client (give it to react-i18next's `<I18nextProvider>`).
 * Resources are bundled, so it is ready when this returns; `setLanguage` switches it.
 */
export function createI18n({ resources, lang, fallbackLanguage = 'en' }: I18nOptions): i18n {
  const languages = Object.keys(resources);
  const instance = createInstance();
  void instance.init({
    resources,
    lng: supportedLanguage(lang, languages, fallbackLanguage),
    fallbackLng: fallbackLanguage,
    supportedLngs: languages,
    initAsync: false,
    // React escapes what it renders; escaping here too would show `&amp;` in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Switches an instance made by `createI18n` to the language we have for `lang`. */
export function setLanguage(instance: i18n, lang: string | null | undefined, fallbackLanguage = 'en'): void {
  const next = supportedLanguage(lang, Object.keys(instance.options.resources ?? {}), fallbackLanguage);
  if (instance.language !== next) void instance.changeLanguage(next);
}
