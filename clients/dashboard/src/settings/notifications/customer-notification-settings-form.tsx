import { useMutation } from '@apollo/client/react';
import { useMemo, useState, type FormEvent } from 'react';
import { graphql, readFragment, type FragmentType } from '../../gql/index.js';
import type { UpdateOrganizationSettingsInput } from '../../gql/graphql.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';
import { inputErrors } from '../input-errors.js';

export const CustomerNotificationSettingsFields = graphql(`
  fragment CustomerNotificationSettingsFields on Organization {
    id
    settings {
      customerNotificationDelayMinutes
      customerNotificationWindowHours
      holdNotificationsAtNight
    }
  }
`);

const UpdateCustomerNotificationSettingsMutation = graphql(`
  mutation UpdateCustomerNotificationSettings($input: UpdateOrganizationSettingsInput!) {
    updateOrganizationSettings(input: $input) {
      id
      ...CustomerNotificationSettingsFields
    }
  }
`);

/** The delay, the window and night holding; only changed fields are sent. */
export function CustomerNotificationSettingsForm(props: { organization: FragmentType<typeof CustomerNotificationSettingsFields> }) {
  const t = useStrings();
  const { settings } = readFragment(CustomerNotificationSettingsFields, props.organization);
  const initial = useMemo(
    () => ({
      delay: String(settings.customerNotificationDelayMinutes),
      window: String(settings.customerNotificationWindowHours),
      holdAtNight: settings.holdNotificationsAtNight,
    }),
    [settings],
  );
  const [form, setForm] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [save, { loading, error, reset }] = useMutation(UpdateCustomerNotificationSettingsMutation);
  const errors = inputErrors(error);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setSaved(false);
    reset();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: UpdateOrganizationSettingsInput = {};
    if (form.delay !== initial.delay) input.customerNotificationDelayMinutes = Number(form.delay);
    if (form.window !== initial.window) input.customerNotificationWindowHours = Number(form.window);
    if (form.holdAtNight !== initial.holdAtNight) input.holdNotificationsAtNight = form.holdAtNight;
    if (Object.keys(input).length > 0 && !(await save({ variables: { input } }).catch(() => null))?.data) return;
    setSaved(true);
  }

  const fieldError = (field: string) =>
    errors[field] && (
      <span id={`${field}-error`} className="field-error">
        {errors[field]}
      </span>
    );

  return (
    <form className="settings-form settings-form--plain" onSubmit={(event) => void submit(event)} aria-label={t('customerNotifyForm')}>
      <label className="field">
        <span>{t('customerNotifyDelay')}</span>
        <input type="number" inputMode="numeric" required value={form.delay} aria-invalid={!!errors.customerNotificationDelayMinutes} aria-describedby={errors.customerNotificationDelayMinutes ? 'customerNotificationDelayMinutes-error' : undefined} onChange={(event) => set('delay', event.target.value)} />
        <span className="field-help">{t('customerNotifyDelayHelp')}</span>
        {fieldError('customerNotificationDelayMinutes')}
      </label>
      <label className="field">
        <span>{t('customerNotifyWindow')}</span>
        <input type="number" inputMode="numeric" required value={form.window} aria-invalid={!!errors.customerNotificationWindowHours} aria-describedby={errors.customerNotificationWindowHours ? 'customerNotificationWindowHours-error' : undefined} onChange={(event) => set('window', event.target.value)} />
        <span className="field-help">{t('customerNotifyWindowHelp')}</span>
        {fieldError('customerNotificationWindowHours')}
      </label>
      <label className="radio">
        <input type="checkbox" checked={form.holdAtNight} onChange={(event) => set('holdAtNight', event.target.checked)} />
        {t('customerNotifyHoldAtNight')}
      </label>
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      {error && !errors.form && (
        <p className="notice notice--error" role="alert">
          {t('notSavedCheckField')}
        </p>
      )}
      <div className="settings-toolbar">
        <button type="submit" className="button button--primary" disabled={loading}>
          {t('customerNotifySave')}
        </button>
        {saved && <span role="status">{t('savedDone')}</span>}
      </div>
    </form>
  );
}
