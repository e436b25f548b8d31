import { describe, expect, it } from '@jest/globals';
import { snoozeChoices, startOfToday, zonedTime } from '../../../../clients/dashboard/src/format/pharmacy-time.js';

const amsterdam = 'Europe/Amsterdam';
// Tuesday 1 December 2026, 08:30 in Amsterdam (UTC+1).
const tuesdayMorning = new Date('2026-12-01T07:30:00Z');

describe('the pharmacy’s time', () => {
  it('finds a wall-clock time in the pharmacy’s zone, also on the day the clocks change', () => {
    expect(zonedTime({ year: 2026, month: 12, day: 1 }, '09:00', amsterdam).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    // Summer time starts on 29 March 2026: 09:00 is then UTC+2.
    expect(zonedTime({ year: 2026, month: 3, day: 29 }, '09:00', amsterdam).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('starts "Today" at the pharmacy’s midnight, not the computer’s', () => {
    expect(startOfToday({ timeZone: amsterdam, businessHours: [] }, tuesdayMorning).toISOString()).toBe('2026-11-30T23:00:00.000Z');
    // 00:30 in Amsterdam is still the previous day in UTC.
    expect(startOfToday({ timeZone: amsterdam, businessHours: [] }, new Date('2026-11-30T23:30:00Z')).toISOString()).toBe('2026-11-30T23:00:00.000Z');
  });

  it('offers the next opening time and next week’s first one, skipping closed days', () => {
    // Open Monday and Wednesday only.
    const hours = [
      { day: 1, opens: '08:30', closes: '17:00' },
      { day: 3, opens: '10:00', closes: '17:00' },
    ];
    const choices = snoozeChoices({ timeZone: amsterdam, businessHours: hours }, tuesdayMorning);
    expect(choices.laterToday.toISOString()).toBe('2026-12-01T10:30:00.000Z');
    expect(choices.tomorrowMorning.toISOString()).toBe('2026-12-02T09:00:00.000Z');
    expect(choices.nextWeek.toISOString()).toBe('2026-12-07T07:30:00.000Z');
    // Without opening hours: 09:00.
    expect(snoozeChoices({ timeZone: amsterdam, businessHours: [] }, tuesdayMorning).tomorrowMorning.toISOString()).toBe('2026-12-02T08:00:00.000Z');
  });
});
