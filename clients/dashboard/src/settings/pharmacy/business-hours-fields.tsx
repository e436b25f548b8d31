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

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
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
  const change = (day: number, patch: Partial<DayHours>) => props.onChange(props.days.map((d) => (d.day === day ? { ...d, ...patch } : d)));
  return (
    <fieldset className="field business-hours" aria-describedby={props.error ? 'business-hours-error' : undefined}>
      <legend>Business hours</legend>
      <span className="field-help">In the pharmacy's time zone. Statistics can count only this time.</span>
      {props.days.map((d) => (
        <div key={d.day} className="business-hours__day" role="group" aria-label={WEEKDAYS[d.day]}>
          <label className="business-hours__open">
            <input type="checkbox" checked={d.open} onChange={(event) => change(d.day, { open: event.target.checked })} />
            {WEEKDAYS[d.day]}
          </label>
          {d.open ? (
            <>
              <input type="time" aria-label={`${WEEKDAYS[d.day]} opens`} value={d.opens} required onChange={(event) => change(d.day, { opens: event.target.value })} />
              <span aria-hidden="true">–</span>
              <input type="time" aria-label={`${WEEKDAYS[d.day]} closes`} value={d.closes} required onChange={(event) => change(d.day, { closes: event.target.value })} />
              {d.more.length > 0 && <span className="field-help">and {d.more.map((r) => `${r.opens}–${r.closes}`).join(', ')}</span>}
            </>
          ) : (
            <span className="settings__muted">Closed</span>
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
