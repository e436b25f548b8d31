import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql/index.js';
import { inputErrors } from '../settings/input-errors.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { CUSTOMER_LANGUAGES, languageName } from './customer-languages.js';

const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      id
      name
      phone
      email
      externalId
      dateOfBirth
      preferredLanguage
      staffNote
    }
  }
`);

export interface EditableCustomer {
  id: string;
  name: string;
  phone?: string | null;
  email?: string | null;
  externalId?: string | null;
  dateOfBirth?: string | null;
  preferredLanguage?: string | null;
  staffNote?: string | null;
}

const FIELDS = ['name', 'phone', 'email', 'externalId', 'dateOfBirth', 'preferredLanguage', 'staffNote'] as const;
type Field = (typeof FIELDS)[number];

/** The customer's details as a form: only changed fields are sent; an emptied one is cleared. */
export function CustomerProfileForm(props: { customer: EditableCustomer; onDone(): void }) {
  const initial = Object.fromEntries(FIELDS.map((field) => [field, props.customer[field] ?? ''])) as Record<Field, string>;
  const [values, setValues] = useState(initial);
  const [update, { loading, error, reset }] = useMutation(UpdateCustomerMutation);
  const errors = inputErrors(error);
  const t = useStrings();
  const set = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    reset();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changed = FIELDS.filter((field) => values[field].trim() !== initial[field]);
    if (changed.length === 0) return props.onDone();
    const input = Object.fromEntries(changed.map((field) => [field, values[field].trim() || null]));
    const result = await update({ variables: { input: { id: props.customer.id, ...input } } }).catch(() => null);
    if (result?.data) props.onDone();
  }

  const text = (field: Field, label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input type={type} value={values[field]} onChange={set(field)} aria-invalid={Boolean(errors[field])} />
      {errors[field] && <span className="field-error">{errors[field]}</span>}
    </label>
  );

  return (
    <form className="customer-profile-form" onSubmit={(event) => void submit(event)} aria-label={t('customerDetailsForm')}>
      {text('name', t('customerName'))}
      {text('phone', t('customerPhone'), 'tel')}
      {text('email', t('customerEmail'), 'email')}
      {text('externalId', t('customerExternalId'))}
      {text('dateOfBirth', t('customerDateOfBirth'), 'date')}
      <label className="field">
        <span>{t('customerLanguage')}</span>
        <select value={values.preferredLanguage} onChange={set('preferredLanguage')}>
          <option value="">{t('languageNotSet')}</option>
          {CUSTOMER_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {languageName(code, t)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('customerStaffNote')}</span>
        <textarea rows={3} value={values.staffNote} onChange={set('staffNote')} aria-describedby="staff-note-help" />
        <span id="staff-note-help" className="field-help">
          {t('customerStaffNoteHelp')}
        </span>
        {errors.staffNote && <span className="field-error">{errors.staffNote}</span>}
      </label>
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="customer-profile-form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {t('customerSave')}
        </button>
        <button type="button" className="button button--ghost" onClick={props.onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
