import { useMutation } from '@apollo/client/react';
import { useMemo, useState, type FormEvent } from 'react';
import { graphql, readFragment, type FragmentType } from '../../gql/index.js';
import type { UpdateOrganizationSettingsInput } from '../../gql/graphql.js';
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
    <form className="settings-form settings-form--plain" onSubmit={(event) => void submit(event)} aria-label="Customer notifications">
      <label className="field">
        <span>Notify after (minutes unread)</span>
        <input type="number" inputMode="numeric" required value={form.delay} aria-invalid={!!errors.customerNotificationDelayMinutes} aria-describedby={errors.customerNotificationDelayMinutes ? 'customerNotificationDelayMinutes-error' : undefined} onChange={(event) => set('delay', event.target.value)} />
        <span className="field-help">1 to 1440 minutes.</span>
        {fieldError('customerNotificationDelayMinutes')}
      </label>
      <label className="field">
        <span>At most one per conversation every (hours)</span>
        <input type="number" inputMode="numeric" required value={form.window} aria-invalid={!!errors.customerNotificationWindowHours} aria-describedby={errors.customerNotificationWindowHours ? 'customerNotificationWindowHours-error' : undefined} onChange={(event) => set('window', event.target.value)} />
        <span className="field-help">1 to 168 hours; sooner when the customer read the conversation since the last one.</span>
        {fieldError('customerNotificationWindowHours')}
      </label>
      <label className="radio">
        <input type="checkbox" checked={form.holdAtNight} onChange={(event) => set('holdAtNight', event.target.checked)} />
        Outside business hours, wait until the pharmacy opens
      </label>
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      {error && !errors.form && (
        <p className="notice notice--error" role="alert">
          Not saved: check the highlighted field.
        </p>
      )}
      <div className="settings-toolbar">
        <button type="submit" className="button button--primary" disabled={loading}>
          Save notification settings
        </button>
        {saved && <span role="status">Saved.</span>}
      </div>
    </form>
  );
}
