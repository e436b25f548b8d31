/** One opening range per weekday, as the form edits it. */
export interface DayHours {
  day: number;
  open: boolean;
  opens: string;
  closes: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// Monday first, as a pharmacy's week is read; `day` stays the API's 0 = Sunday.
const ORDER = [1, 2, 3, 4, 5, 6, 0];

export function toDayHours(ranges: readonly { day: number; opens: string; closes: string }[]): DayHours[] {
  return ORDER.map((day) => {
    const range = ranges.find((r) => r.day === day);
    return { day, open: !!range, opens: range?.opens ?? '09:00', closes: range?.closes ?? '17:30' };
  });
}

export const fromDayHours = (days: readonly DayHours[]) => days.filter((d) => d.open).map(({ day, opens, closes }) => ({ day, opens, closes }));

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
