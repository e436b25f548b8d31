import { useMutation } from '@apollo/client/react';
import { useMemo, useState, type FormEvent } from 'react';
import { graphql, readFragment, type FragmentType } from '../../gql/index.js';
import type { UpdateOrganizationSettingsInput, WidgetThreadPolicy } from '../../gql/graphql.js';
import { inputErrors } from '../input-errors.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';
import { BusinessHoursFields, fromDayHours, toDayHours } from './business-hours-fields.js';
import { pharmacySettingsErrors, REPLY_TIME_MAX } from './pharmacy-settings-validation.js';
import { AutoReplyFields, autoReplyProblem } from './auto-reply-fields.js';

export const PharmacySettingsFields = graphql(`
  fragment PharmacySettingsFields on Organization {
    id
    settings {
      replyTimeText
      primaryColor
      timeZone
      language
      widgetThreads
      retentionDays
      businessHours {
        day
        opens
        closes
      }
      autoReply {
        enabled
        textEn
        textNl
      }
    }
  }
`);

const UpdateOrganizationSettingsMutation = graphql(`
  mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {
    updateOrganizationSettings(input: $input) {
      id
      ...PharmacySettingsFields
    }
  }
`);

// The server's list (entities/search-language.ts); `simple` matches words as written.
const SEARCH_LANGUAGES = ['simple', 'danish', 'dutch', 'english', 'finnish', 'french', 'german', 'italian', 'norwegian', 'portuguese', 'spanish', 'swedish', 'turkish'];
const TIME_ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The pharmacy's preferences; only changed fields are sent, and a field's error shows next to it. */
export function PharmacySettingsForm(props: { organization: FragmentType<typeof PharmacySettingsFields> }) {
  const t = useStrings();
  const { settings } = readFragment(PharmacySettingsFields, props.organization);
  const initial = useMemo(
    () => ({
      replyTimeText: settings.replyTimeText ?? '',
      primaryColor: settings.primaryColor,
      timeZone: settings.timeZone,
      language: settings.language ?? 'simple',
      widgetThreads: settings.widgetThreads,
      retentionDays: settings.retentionDays === null || settings.retentionDays === undefined ? '' : String(settings.retentionDays),
      days: toDayHours(settings.businessHours),
      autoReply: { enabled: settings.autoReply.enabled, textEn: settings.autoReply.textEn ?? '', textNl: settings.autoReply.textNl ?? '' },
    }),
    [settings],
  );
  const [form, setForm] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [save, { loading, error, reset }] = useMutation(UpdateOrganizationSettingsMutation);
  // Checked here first, so every field's problem shows at once; the server's answer still maps to its field.
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...inputErrors(error), ...localErrors };
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setSaved(false);
    setLocalErrors(({ [key === 'days' ? 'businessHours' : key]: _changed, ...rest }) => rest);
    reset();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = pharmacySettingsErrors(form, TIME_ZONES, t);
    const autoReply = autoReplyProblem(form.autoReply);
    if (autoReply) problems.autoReply = t(autoReply.key, autoReply.values);
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const input: UpdateOrganizationSettingsInput = {};
    if (form.replyTimeText !== initial.replyTimeText) input.replyTimeText = form.replyTimeText.trim();
    if (form.primaryColor !== initial.primaryColor) input.primaryColor = form.primaryColor;
    if (form.timeZone !== initial.timeZone) input.timeZone = form.timeZone.trim();
    if (form.language !== initial.language) input.language = form.language;
    if (form.widgetThreads !== initial.widgetThreads) input.widgetThreads = form.widgetThreads;
    if (form.retentionDays !== initial.retentionDays) input.retentionDays = form.retentionDays.trim() === '' ? null : Number(form.retentionDays);
    const hours = fromDayHours(form.days);
    if (JSON.stringify(hours) !== JSON.stringify(fromDayHours(initial.days))) input.businessHours = hours;
    if (JSON.stringify(form.autoReply) !== JSON.stringify(initial.autoReply)) {
      input.autoReply = { enabled: form.autoReply.enabled, textEn: form.autoReply.textEn.trim(), textNl: form.autoReply.textNl.trim() };
    }
    if (Object.keys(input).length === 0) {
      setSaved(true);
      return;
    }
    const result = await save({ variables: { input } }).catch(() => null);
    if (result?.data) setSaved(true);
  }

  const describedBy = (field: string) => (errors[field] ? `${field}-error` : undefined);
  const fieldError = (field: string) =>
    errors[field] && (
      <span id={`${field}-error`} className="field-error">
        {errors[field]}
      </span>
    );

  return (
    <form className="settings-form settings-form--plain" noValidate onSubmit={(event) => void submit(event)} aria-label={t('settingsPharmacy')}>
      <label className="field">
        <span>{t('pharmacyReplyTime')}</span>
        <input value={form.replyTimeText} placeholder={t('pharmacyReplyTimePlaceholder')} aria-invalid={!!errors.replyTimeText} aria-describedby={describedBy('replyTimeText')} onChange={(event) => set('replyTimeText', event.target.value)} />
        <span className="field-help">{t('pharmacyReplyTimeHelp', { max: REPLY_TIME_MAX })}</span>
        {fieldError('replyTimeText')}
      </label>
      <label className="field">
        <span>{t('pharmacyColour')}</span>
        <input type="color" value={form.primaryColor} aria-invalid={!!errors.primaryColor} aria-describedby={describedBy('primaryColor')} onChange={(event) => set('primaryColor', event.target.value)} />
        {fieldError('primaryColor')}
      </label>
      <label className="field">
        <span>{t('pharmacyTimeZone')}</span>
        <input value={form.timeZone} list="time-zones" required aria-invalid={!!errors.timeZone} aria-describedby={describedBy('timeZone')} onChange={(event) => set('timeZone', event.target.value)} />
        <datalist id="time-zones">
          {TIME_ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        {fieldError('timeZone')}
      </label>
      <BusinessHoursFields days={form.days} onChange={(days) => set('days', days)} error={errors.businessHours ?? errors.days} />
      <AutoReplyFields value={form.autoReply} onChange={(autoReply) => set('autoReply', autoReply)} error={errors.autoReply} hasBusinessHours={form.days.some((day) => day.open)} />
      <label className="field">
        <span>{t('pharmacySearchLanguage')}</span>
        <select value={form.language} aria-invalid={!!errors.language} aria-describedby={describedBy('language')} onChange={(event) => set('language', event.target.value)}>
          {SEARCH_LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {language === 'simple' ? t('pharmacySearchSimple') : language}
            </option>
          ))}
        </select>
        <span className="field-help">{t('pharmacySearchLanguageHelp')}</span>
        {fieldError('language')}
      </label>
      <fieldset className="field">
        <legend>{t('pharmacyWidgetThreads')}</legend>
        {(
          [
            ['REUSE_OPEN', t('pharmacyThreadsReuse')],
            ['NEW_EACH_VISIT', t('pharmacyThreadsNew')],
          ] as [WidgetThreadPolicy, string][]
        ).map(([value, label]) => (
          <label key={value} className="radio">
            <input type="radio" name="widgetThreads" value={value} checked={form.widgetThreads === value} onChange={() => set('widgetThreads', value)} />
            {label}
          </label>
        ))}
        {fieldError('widgetThreads')}
      </fieldset>
      <label className="field">
        <span>{t('pharmacyRetention')}</span>
        <input
          type="number"
          inputMode="numeric"
          value={form.retentionDays}
          placeholder={t('pharmacyKeepForever')}
          aria-invalid={!!errors.retentionDays}
          aria-describedby={describedBy('retentionDays')}
          onChange={(event) => set('retentionDays', event.target.value)}
        />
        <span className="field-help">{t('pharmacyRetentionHelp')}</span>
        {fieldError('retentionDays')}
      </label>
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      {(error || Object.keys(localErrors).length > 0) && !errors.form && (
        <p className="notice notice--error" role="alert">
          {t('pharmacyNotSaved')}
        </p>
      )}
      <div className="settings-toolbar">
        <button type="submit" className="button button--primary" disabled={loading}>
          {t('pharmacySave')}
        </button>
        {saved && <span role="status">{t('savedDone')}</span>}
      </div>
    </form>
  );
}
