import type { BusinessHoursRange } from '../../entities/organization-settings.js';

const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * Whether settings.businessHours can go into `business_seconds()`: weekdays 0-6 and
 * HH:MM times (24:00 closes at midnight). Anything else would fail the SQL cast, and a
 * range that closes before it opens would silently count nothing.
 */
export function areUsableBusinessHours(hours: unknown): hours is BusinessHoursRange[] {
  return (
    Array.isArray(hours) &&
    hours.every(
      (range: Partial<BusinessHoursRange> | null) =>
        range !== null &&
        typeof range === 'object' &&
        Number.isInteger(range.day) &&
        range.day! >= 0 &&
        range.day! <= 6 &&
        typeof range.opens === 'string' &&
        typeof range.closes === 'string' &&
        LOCAL_TIME.test(range.opens) &&
        LOCAL_TIME.test(range.closes) &&
        range.opens < range.closes,
    )
  );
}

/** Whether `zone` is an IANA time zone (checked with ICU; PostgreSQL reads the same database). */
export function isKnownTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
