// No React here: the tests import these rules (React's types would bring the DOM into their compile).
/** One range of the pharmacy's opening hours, as the settings hold it (local HH:MM, 0 = Sunday). */
export interface OpeningRange {
  day: number;
  opens: string;
  closes: string;
}

/** The pharmacy's zone and hours: "today" and "tomorrow at opening time" are the pharmacy's, not the computer's. */
export interface PharmacyTime {
  timeZone?: string;
  businessHours: readonly OpeningRange[];
}

/** When nothing says when the pharmacy opens. */
const DEFAULT_OPENING = '09:00';
const DAY_MS = 86_400_000;

interface LocalDate {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/** The calendar date (and weekday) in `timeZone` at `at`. */
function localDate(at: Date, timeZone?: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { year: Number(part('year')), month: Number(part('month')), day: Number(part('day')), weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday')) };
}

/** How far `timeZone` is ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: Date, timeZone?: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of a wall-clock time in `timeZone` (twice corrected, for days when the clocks change). */
export function zonedTime(date: Pick<LocalDate, 'year' | 'month' | 'day'>, hhmm: string, timeZone?: string): Date {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(date.year, date.month - 1, date.day, hours, minutes);
  const first = wall - offsetAt(new Date(wall), timeZone);
  return new Date(wall - offsetAt(new Date(first), timeZone));
}

/** Local midnight today in the pharmacy's zone: the "Today" filter's start. */
export function startOfToday(time: PharmacyTime, now = new Date()): Date {
  return zonedTime(localDate(now, time.timeZone), '00:00', time.timeZone);
}

/** The date `days` after `now`'s date in the zone (noon as the anchor keeps clock changes out). */
function dateAfter(now: Date, days: number, timeZone?: string): LocalDate {
  const today = localDate(now, timeZone);
  return localDate(new Date(Date.UTC(today.year, today.month - 1, today.day, 12) + days * DAY_MS), 'UTC');
}

/** When the pharmacy opens on the first open day `fromDays` or more after today (its usual hour when no hours are set). */
function openingFrom(time: PharmacyTime, now: Date, fromDays: number): Date {
  for (let days = fromDays; days < fromDays + 7; days++) {
    const date = dateAfter(now, days, time.timeZone);
    if (time.businessHours.length === 0) return zonedTime(date, DEFAULT_OPENING, time.timeZone);
    const opens = time.businessHours.filter((range) => range.day === date.weekday).map((range) => range.opens).sort()[0];
    if (opens) return zonedTime(date, opens, time.timeZone);
  }
  return zonedTime(dateAfter(now, fromDays, time.timeZone), DEFAULT_OPENING, time.timeZone);
}

/** The snooze menu's choices: later today, the next morning the pharmacy opens, next week's first opening. */
export function snoozeChoices(time: PharmacyTime, now = new Date()): { laterToday: Date; tomorrowMorning: Date; nextWeek: Date } {
  const weekday = localDate(now, time.timeZone).weekday;
  // Next week starts on Monday.
  const untilMonday = ((8 - weekday) % 7) || 7;
  return {
    laterToday: new Date(now.getTime() + 3 * 3_600_000),
    tomorrowMorning: openingFrom(time, now, 1),
    nextWeek: openingFrom(time, now, untilMonday),
  };
}
