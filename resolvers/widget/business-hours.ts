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
