export interface FormatOptions {
  /** A BCP 47 tag; the hour cycle follows it (24-hour for `nl`, `en-GB`; 12-hour for `en-US`). */
  locale: string;
  /** An IANA zone such as `Europe/Amsterdam`; the browser's when left out. */
  timeZone?: string | null;
}

export type DateInput = string | number | Date;

export interface Formatter {
  readonly locale: string;
  /** 14:05 */
  time(value: DateInput): string;
  /** 30 Nov 2026 */
  date(value: DateInput): string;
  /** 30 Nov 2026, 14:05 */
  dateTime(value: DateInput): string;
  /** The time today, the date otherwise: the one a list row shows. */
  timeOrDate(value: DateInput, now?: Date): string;
  /** Weekday name for 0 = Sunday … 6 = Saturday. */
  weekday(day: number): string;
  /** 1.234,5 in Dutch, 1,234.5 in English. */
  number(value: number): string;
  /** 2.4 MB, 830 kB, 12 byte. */
  fileSize(bytes: number): string;
}

const toDate = (value: DateInput) => (value instanceof Date ? value : new Date(value));

/** A locale Intl accepts, else `en` (a store page can say `lang="xx-invalid"`). */
function validLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0 ? locale : 'en';
  } catch {
    return 'en';
  }
}

function validTimeZone(timeZone: string | null | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Every date, time and number a client shows, on `Intl`, in one locale and time zone —
 * so no screen says 11/30/2026 while another says 30 Nov.
 */
export function createFormatter(options: FormatOptions): Formatter {
  const locale = validLocale(options.locale);
  const timeZone = validTimeZone(options.timeZone);
  const dates = (format: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone, ...format });
  const time = dates({ hour: '2-digit', minute: '2-digit' });
  const date = dates({ day: 'numeric', month: 'short', year: 'numeric' });
  const dateTime = dates({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const dayKey = dates({ year: 'numeric', month: '2-digit', day: '2-digit' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(locale);
  const sizes = (['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const).map(
    (unit) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' || unit === 'kilobyte' ? 0 : 1 }),
  );
  return {
    locale,
    time: (value) => time.format(toDate(value)),
    date: (value) => date.format(toDate(value)),
    dateTime: (value) => dateTime.format(toDate(value)),
    timeOrDate: (value, now = new Date()) => (dayKey.format(toDate(value)) === dayKey.format(now) ? time : date).format(toDate(value)),
    // 4 January 1970 was a Sunday.
    weekday: (day) => weekday.format(new Date(Date.UTC(1970, 0, 4 + day))),
    number: (value) => number.format(value),
    fileSize: (bytes) => {
      let step = 0;
      let value = bytes;
      while (value >= 1000 && step < sizes.length - 1) {
        value /= 1000;
        step += 1;
      }
      return sizes[step]!.format(value);
    },
  };
}
