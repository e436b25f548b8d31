/**
 * The launcher's words, in i18next's format: the loader on every store page reads these
 * without i18next (its budget is 5 KB), and the app merges them into its own resources.
 */
export const launcherStrings = {
  en: { openChat: 'Open chat', closeChat: 'Close chat', unread_one: '{{count}} unread', unread_other: '{{count}} unread' },
  nl: { openChat: 'Chat openen', closeChat: 'Chat sluiten', unread_one: '{{count}} ongelezen', unread_other: '{{count}} ongelezen' },
} as const;

export type LauncherLanguage = keyof typeof launcherStrings;

/** The loader's three strings for a BCP 47 tag; English when we don't have the language. */
export function launcherStringsFor(lang: string | null | undefined): { openChat: string; closeChat: string; unread(count: number): string } {
  const primary = (lang ?? '').toLowerCase().split('-')[0] ?? '';
  const strings = launcherStrings[primary in launcherStrings ? (primary as LauncherLanguage) : 'en'];
  return {
    openChat: strings.openChat,
    closeChat: strings.closeChat,
    unread: (count) => (count === 1 ? strings.unread_one : strings.unread_other).replace('{{count}}', String(count)),
  };
}
