import { describe, expect, it } from '@jest/globals';
import { createFormatter } from '../../../../clients/shared/i18n/format.js';

// 30 November 2026, 14:05 in Amsterdam (UTC+1).
const afternoon = '2026-11-30T13:05:00Z';

describe('createFormatter', () => {
  it('uses a 24-hour clock and day-month order for Dutch in Amsterdam', () => {
    const format = createFormatter({ locale: 'nl-NL', timeZone: 'Europe/Amsterdam' });
    expect(format.time(afternoon)).toBe('14:05');
    expect(format.date(afternoon)).toBe('30 nov 2026');
    expect(format.dateTime(afternoon)).toMatch(/^30 nov 2026.*14:05$/);
  });

  it('uses a 12-hour clock where the locale does (en-US)', () => {
    const format = createFormatter({ locale: 'en-US', timeZone: 'Europe/Amsterdam' });
    expect(format.time(afternoon)).toMatch(/^02:05\sPM$/);
  });

  it('formats in the given time zone, not the machine one', () => {
    expect(createFormatter({ locale: 'en-GB', timeZone: 'Asia/Tokyo' }).time(afternoon)).toBe('22:05');
    expect(createFormatter({ locale: 'en-GB', timeZone: 'Asia/Tokyo' }).date(afternoon)).toBe('30 Nov 2026');
  });

  it('shows the time for today and the date for another day', () => {
    const format = createFormatter({ locale: 'nl', timeZone: 'Europe/Amsterdam' });
    expect(format.timeOrDate(afternoon, new Date('2026-11-30T20:00:00Z'))).toBe('14:05');
    expect(format.timeOrDate(afternoon, new Date('2026-12-01T20:00:00Z'))).toBe('30 nov 2026');
  });

  it('names weekdays from 0 = Sunday', () => {
    const format = createFormatter({ locale: 'nl' });
    expect(format.weekday(0)).toBe('zondag');
    expect(format.weekday(1)).toBe('maandag');
  });

  it('formats numbers and file sizes for the locale', () => {
    const dutch = createFormatter({ locale: 'nl' });
    expect(dutch.number(1234.5)).toBe('1.234,5');
    expect(dutch.fileSize(2_400_000)).toBe('2,4 MB');
    expect(createFormatter({ locale: 'en' }).fileSize(830_000)).toBe('830 kB');
    expect(createFormatter({ locale: 'en' }).fileSize(512)).toMatch(/^512 byte/);
  });

  it('falls back instead of throwing for a bad locale or time zone', () => {
    const format = createFormatter({ locale: 'not a locale!', timeZone: 'Mars/Olympus' });
    expect(format.locale).toBe('en');
    expect(() => format.time(afternoon)).not.toThrow();
  });
});
