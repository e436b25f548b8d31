import { useFormat } from '../../format/dates.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';

interface Range {
  opens: string;
  closes: string;
}

/**
 * A weekday as the form edits it: its first opening range. Further ranges of the day (a
 * lunch break set through the API) are kept as they are while the day stays open.
 */
export interface DayHours extends Range {
  day: number;
  open: boolean;
  more: Range[];
}

// Monday first, as a pharmacy's week is read; `day` stays the API's 0 = Sunday.
const ORDER = [1, 2, 3, 4, 5, 6, 0];

export function toDayHours(ranges: readonly { day: number; opens: string; closes: string }[]): DayHours[] {
  return ORDER.map((day) => {
    const [range, ...more] = ranges.filter((r) => r.day === day).sort((a, b) => a.opens.localeCompare(b.opens));
    return { day, open: !!range, opens: range?.opens ?? '09:00', closes: range?.closes ?? '17:30', more: more.map(({ opens, closes }) => ({ opens, closes })) };
  });
}

export const fromDayHours = (days: readonly DayHours[]) =>
  days.filter((d) => d.open).flatMap(({ day, opens, closes, more }) => [{ day, opens, closes }, ...more.map((range) => ({ day, ...range }))]);

/** Business hours per weekday: open or closed, and from–until in the pharmacy's time zone. */
export function BusinessHoursFields(props: { days: DayHours[]; onChange(days: DayHours[]): void; error?: string }) {
  const t = useStrings();
  // Weekday names in the dashboard's language, capitalised as a label (Dutch writes them in lower case).
  const { weekday, locale } = useFormat();
  const dayName = (day: number) => weekday(day).charAt(0).toLocaleUpperCase(locale) + weekday(day).slice(1);
  const change = (day: number, patch: Partial<DayHours>) => props.onChange(props.days.map((d) => (d.day === day ? { ...d, ...patch } : d)));
  return (
    <fieldset className="field business-hours" aria-describedby={props.error ? 'business-hours-error' : undefined}>
      <legend>{t('pharmacyBusinessHours')}</legend>
      <span className="field-help">{t('pharmacyBusinessHoursHelp')}</span>
      {props.days.map((d) => (
        <div key={d.day} className="business-hours__day" role="group" aria-label={dayName(d.day)}>
          <label className="business-hours__open">
            <input type="checkbox" checked={d.open} onChange={(event) => change(d.day, { open: event.target.checked })} />
            {dayName(d.day)}
          </label>
          {d.open ? (
            <>
              <input type="time" aria-label={t('pharmacyOpens', { day: dayName(d.day) })} value={d.opens} required onChange={(event) => change(d.day, { opens: event.target.value })} />
              <span aria-hidden="true">–</span>
              <input type="time" aria-label={t('pharmacyCloses', { day: dayName(d.day) })} value={d.closes} required onChange={(event) => change(d.day, { closes: event.target.value })} />
              {d.more.length > 0 && <span className="field-help">{t('pharmacyMoreHours', { ranges: d.more.map((r) => `${r.opens}–${r.closes}`).join(', ') })}</span>}
            </>
          ) : (
            <span className="settings__muted">{t('pharmacyClosed')}</span>
          )}
        </div>
      ))}
      {props.error && (
        <span id="business-hours-error" className="field-error">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
