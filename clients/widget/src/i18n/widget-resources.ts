// Without React: what tests (run under Node) and the hook below share.
import { createI18n } from '../../../shared/i18n/create-i18n.js';
import { en } from './en.js';
import { launcherStrings } from './launcher-strings.js';
import { nl } from './nl.js';

export const widgetResources = {
  en: { translation: { ...launcherStrings.en, ...en } },
  nl: { translation: { ...launcherStrings.nl, ...nl } },
};

/** The widget's i18next instance for the store page's language. */
export const createWidgetI18n = (lang: string | null | undefined) => createI18n({ resources: widgetResources, lang });

type Keys = keyof (typeof widgetResources)['en']['translation'];
/** `unread_one`/`unread_other` are asked for as `unread` with a count. */
export type WidgetKey = Keys extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never;
export type Translate = (key: WidgetKey, values?: Record<string, string | number>) => string;
