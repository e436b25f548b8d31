import type { BusinessHoursRange } from '../../entities/organization-settings.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Whether `now` falls in one of the ranges, read in the pharmacy's time zone; null without ranges. */
export function isOpenAt(hours: BusinessHoursRange[], timeZone: string, now: Date): boolean | null {
  if (hours.length === 0) return null;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  } catch {
    return null; // An unknown time zone in the settings: say nothing rather than something wrong.
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = WEEKDAYS.indexOf(part('weekday'));
  const time = `${part('hour')}:${part('minute')}`;
  return hours.some((range) => range.day === day && range.opens <= time && time < range.closes);
}

/** Coarse steps of the search for the next opening; openings are whole minutes, found exactly after. */
const SEARCH_STEP_MS = 15 * 60_000;
const MINUTE_MS = 60_000;
/** A week and a day covers every weekly schedule. */
const SEARCH_HORIZON_MS = 8 * 24 * 60 * MINUTE_MS;

/**
 * The first whole minute at or after `from` when the pharmacy is open: `from` itself when
 * open then; null without ranges or with an unknown time zone (no hours to wait for).
 */
export function nextOpeningAt(hours: BusinessHoursRange[], timeZone: string, from: Date): Date | null {
  if (isOpenAt(hours, timeZone, from) !== false) return isOpenAt(hours, timeZone, from) ? from : null;
  const start = Math.ceil(from.getTime() / MINUTE_MS) * MINUTE_MS;
  for (let coarse = start; coarse <= start + SEARCH_HORIZON_MS; coarse += SEARCH_STEP_MS) {
    if (!isOpenAt(hours, timeZone, new Date(coarse))) continue;
    // Open at `coarse`, closed a step before: the opening is one of the minutes in between.
    for (let minute = Math.max(start, coarse - SEARCH_STEP_MS + MINUTE_MS); minute <= coarse; minute += MINUTE_MS) {
      if (isOpenAt(hours, timeZone, new Date(minute))) return new Date(minute);
    }
  }
  return null;
}
