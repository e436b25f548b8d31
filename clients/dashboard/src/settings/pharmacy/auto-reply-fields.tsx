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

const TEXTS: { field: 'textEn' | 'textNl'; lang: string; label: DashboardKey; placeholder: DashboardKey }[] = [
  { field: 'textEn', lang: 'en', label: 'autoReplyTextEn', placeholder: 'autoReplyPlaceholderEn' },
  { field: 'textNl', lang: 'nl', label: 'autoReplyTextNl', placeholder: 'autoReplyPlaceholderNl' },
];

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
      {TEXTS.map(({ field, lang, label, placeholder }) => (
        <label key={field} className="field">
          <span>{t(label)}</span>
          <textarea
            rows={3}
            lang={lang}
            value={props.value[field]}
            placeholder={t(placeholder)}
            aria-invalid={!!props.error}
            aria-describedby={describedBy}
            onChange={(event) => change({ [field]: event.target.value })}
          />
        </label>
      ))}
      {props.error && (
        <span id="auto-reply-error" className="field-error">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
