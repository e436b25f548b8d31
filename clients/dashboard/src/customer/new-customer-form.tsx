import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql/index.js';
import { openConversation } from '../routing/use-route.js';
import { inputErrors } from '../settings/input-errors.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

const CreateCustomerMutation = graphql(`
  mutation CreateCustomerFromDashboard($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
    }
  }
`);

const StartFirstConversationMutation = graphql(`
  mutation StartFirstConversation($input: StartConversationInput!) {
    startConversation(input: $input) {
      id
    }
  }
`);

/** A customer who walked in or phoned: added, then their first conversation opened. */
export function NewCustomerForm(props: { onDone(): void }) {
  const [values, setValues] = useState({ name: '', phone: '', email: '' });
  const t = useStrings();
  const labels = { name: t('customerName'), phone: t('customerPhone'), email: t('customerEmail') };
  const [create, created] = useMutation(CreateCustomerMutation);
  const [start, started] = useMutation(StartFirstConversationMutation);
  const errors = inputErrors(created.error ?? started.error);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    created.reset();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { name: values.name.trim(), phone: values.phone.trim() || undefined, email: values.email.trim() || undefined };
    const customer = await create({ variables: { input } }).catch(() => null);
    if (!customer?.data) return;
    const thread = await start({ variables: { input: { customerId: customer.data.createCustomer.id } } }).catch(() => null);
    if (!thread?.data) return;
    props.onDone();
    openConversation(thread.data.startConversation.id);
  }

  return (
    <form className="new-customer-form" onSubmit={(event) => void submit(event)} aria-labelledby="new-customer-title">
      <h2 id="new-customer-title">{t('newCustomerTitle')}</h2>
      {(['name', 'phone', 'email'] as const).map((field) => (
        <label key={field} className="field">
          <span>{labels[field]}</span>
          <input type={field === 'phone' ? 'tel' : field === 'email' ? 'email' : 'text'} value={values[field]} required={field === 'name'} onChange={set(field)} />
          {errors[field] && <span className="field-error">{errors[field]}</span>}
        </label>
      ))}
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="customer-profile-form__actions">
        <button type="submit" className="button button--primary" disabled={created.loading || started.loading || !values.name.trim()}>
          {t('createCustomer')}
        </button>
        <button type="button" className="button button--ghost" onClick={props.onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
