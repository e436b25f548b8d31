import { createContext, useContext } from 'react';
import { createFormatter, type DateInput, type Formatter } from '../../../shared/i18n/format.js';

/**
 * Every date and time the dashboard shows, through the shared formatter on Intl: in the
 * dashboard's language as the browser's region writes it (so 24-hour where the locale
 * uses it) and in the pharmacy's time zone, whichever zone the computer is set to.
 */
export interface DashboardFormat extends Formatter {
  /** "now", "5 min. ago", "3 hr. ago", then a date: how long someone has been waiting. */
  relative(value: DateInput, now?: number): string;
  /** The calendar day in the pharmacy's zone, to decide where day separators go. */
  dayKey(value: DateInput): string;
  /** "Today", "Yesterday", or the weekday and date. */
  dayHeading(value: DateInput, now?: Date): string;
}

/** The locale for a language: the browser's own tag when it is that language (nl-BE stays nl-BE), else a usual one. */
export function formatLocale(language: string, browserLocales: readonly string[] = navigator.languages): string {
  const same = browserLocales.find((tag) => tag.toLowerCase().split('-')[0] === language);
  return same ?? (language === 'nl' ? 'nl-NL' : 'en-GB');
}

export function createDashboardFormat(options: { locale: string; timeZone?: string | null }): DashboardFormat {
  const base = createFormatter(options);
  const timeZone = safeTimeZone(options.timeZone);
  const relative = new Intl.RelativeTimeFormat(base.locale, { numeric: 'auto', style: 'narrow' });
  const dayWords = new Intl.RelativeTimeFormat(base.locale, { numeric: 'auto' });
  const fullDate = new Intl.DateTimeFormat(base.locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone });
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  const dayKey = (value: DateInput) => parts.format(new Date(value));
  const dayNumber = (value: DateInput) => Date.parse(`${dayKey(value)}T00:00:00Z`) / 86_400_000;
  return {
    ...base,
    relative(value, now = Date.now()) {
      const seconds = Math.round((new Date(value).getTime() - now) / 1000);
      if (seconds > -45) return relative.format(0, 'second');
      const minutes = Math.round(seconds / 60);
      if (minutes > -60) return relative.format(minutes, 'minute');
      const hours = Math.round(minutes / 60);
      if (hours > -24) return relative.format(hours, 'hour');
      const days = Math.round(hours / 24);
      if (days > -7) return relative.format(days, 'day');
      return base.date(value);
    },
    dayKey,
    dayHeading(value, now = new Date()) {
      const days = dayNumber(value) - dayNumber(now);
      if (days === 0 || days === -1) {
        const label = dayWords.format(days, 'day');
        return label.charAt(0).toLocaleUpperCase(base.locale) + label.slice(1);
      }
      return fullDate.format(new Date(value));
    },
  };
}

function safeTimeZone(timeZone: string | null | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

export const FormatContext = createContext<DashboardFormat>(createDashboardFormat({ locale: 'en-GB' }));

export const useFormat = () => useContext(FormatContext);
