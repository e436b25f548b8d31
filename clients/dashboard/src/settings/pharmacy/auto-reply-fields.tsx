import { useStrings } from '../../i18n/dashboard-i18n.js';
import type { DashboardKey } from '../../i18n/dashboard-keys.js';

/** The auto-reply as the form edits it. */
export interface AutoReplyValues {
  enabled: boolean;
  textEn: string;
  textNl: string;
}

/** The server's limit (entities/organization-settings.ts AUTO_REPLY_MAX_LENGTH). */
export const AUTO_REPLY_MAX = 1000;

/** What is wrong with the auto-reply, as a string key and its values; null when nothing. */
export function autoReplyProblem(values: AutoReplyValues): { key: DashboardKey; values?: Record<string, number> } | null {
  const longest = Math.max([...values.textEn.trim()].length, [...values.textNl.trim()].length);
  if (longest > AUTO_REPLY_MAX) return { key: 'autoReplyTooLong', values: { max: AUTO_REPLY_MAX, count: longest } };
  if (values.enabled && !values.textEn.trim() && !values.textNl.trim()) return { key: 'autoReplyNeedsText' };
  return null;
}

/** The reply to customers who write while the pharmacy is closed, in English and Dutch. */
export function AutoReplyFields(props: { value: AutoReplyValues; onChange(value: AutoReplyValues): void; error?: string; hasBusinessHours: boolean }) {
  const t = useStrings();
  const change = (patch: Partial<AutoReplyValues>) => props.onChange({ ...props.value, ...patch });
  const describedBy = props.error ? 'auto-reply-error' : 'auto-reply-help';
  return (
    <fieldset className="field auto-reply">
      <legend>{t('autoReplyTitle')}</legend>
      <label className="radio">
        <input type="checkbox" checked={props.value.enabled} aria-describedby={describedBy} onChange={(event) => change({ enabled: event.target.checked })} />
        {t('autoReplyEnabled')}
      </label>
      <span id="auto-reply-help" className="field-help">
        {t('autoReplyHelp')}
      </span>
      {props.value.enabled && !props.hasBusinessHours && <span className="field-help">{t('autoReplyNoHours')}</span>}
      <label className="field">
        <span>{t('autoReplyTextEn')}</span>
        <textarea
          rows={3}
          lang="en"
          value={props.value.textEn}
          placeholder={t('autoReplyPlaceholderEn')}
          aria-invalid={!!props.error}
          aria-describedby={describedBy}
          onChange={(event) => change({ textEn: event.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('autoReplyTextNl')}</span>
        <textarea
          rows={3}
          lang="nl"
          value={props.value.textNl}
          placeholder={t('autoReplyPlaceholderNl')}
          aria-invalid={!!props.error}
          aria-describedby={describedBy}
          onChange={(event) => change({ textNl: event.target.value })}
        />
      </label>
      {props.error && (
        <span id="auto-reply-error" className="field-error">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
