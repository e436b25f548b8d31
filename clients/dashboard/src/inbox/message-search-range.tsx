import { useStrings } from '../i18n/dashboard-i18n.js';

/** The days a message search is narrowed to, as the date inputs give them (YYYY-MM-DD, '' for open). */
export interface SearchRange {
  from: string;
  to: string;
}

export const OPEN_RANGE: SearchRange = { from: '', to: '' };

/**
 * `searchMessages`' from/to for a range of whole days in the viewer's time zone: from the
 * first day's start to the last day's end. Null when the range ends before it starts
 * (the server would answer BAD_USER_INPUT; the control says so instead).
 */
export function rangeVariables(range: SearchRange): { from: string | null; to: string | null } | null {
  const from = range.from ? new Date(`${range.from}T00:00:00`) : null;
  const to = range.to ? new Date(`${range.to}T23:59:59.999`) : null;
  if (from && to && from > to) return null;
  return { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null };
}

/** Two date inputs under the message results: only messages written in those days. */
export function MessageSearchRange(props: { value: SearchRange; onChange(value: SearchRange): void }) {
  const t = useStrings();
  const reversed = rangeVariables(props.value) === null;
  return (
    <fieldset className="message-range">
      <legend className="visually-hidden">{t('searchDateRange')}</legend>
      {(['from', 'to'] as const).map((end) => (
        <label key={end}>
          <span>{t(end === 'from' ? 'searchFrom' : 'searchTo')}</span>
          <input
            type="date"
            value={props.value[end]}
            // Each end keeps to its side of the other, so the picker offers no reversed range.
            min={end === 'to' ? props.value.from || undefined : undefined}
            max={end === 'from' ? props.value.to || undefined : undefined}
            aria-invalid={reversed}
            onChange={(event) => props.onChange({ ...props.value, [end]: event.target.value })}
          />
        </label>
      ))}
      {(props.value.from || props.value.to) && (
        <button type="button" className="link-button" onClick={() => props.onChange(OPEN_RANGE)}>
          {t('searchAnyDate')}
        </button>
      )}
      {reversed && (
        <p className="field-error" role="alert">
          {t('searchRangeReversed')}
        </p>
      )}
    </fieldset>
  );
}
