import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql/index.js';
import { errorMessage, inputErrors } from '../settings/input-errors.js';
import '../settings/settings.css';
import { SessionsPanel } from './sessions-panel.js';
import { LanguagePicker } from '../i18n/language-picker.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { TwoFactorPanel } from './two-factor-panel.js';
import { NotificationSettingsPanel } from '../notifications/notification-settings-panel.js';

const MyAccountQuery = graphql(`
  query MyAccount {
    viewer {
      staff {
        id
        name
        email
        twoFactorEnabled
      }
      organization {
        id
        settings {
          requireTwoFactor
        }
      }
    }
  }
`);

const UpdateMyProfileMutation = graphql(`
  mutation UpdateMyProfile($name: String!) {
    updateMyProfile(name: $name) {
      id
      name
    }
  }
`);

const ChangeMyPasswordMutation = graphql(`
  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** "Your account", for every staff member: name, password, two-factor sign-in, notifications and sessions. Lazy-loaded. */
export default function AccountPage() {
  const { data, error } = useQuery(MyAccountQuery, { fetchPolicy: 'cache-and-network' });
  const staff = data?.viewer?.staff;
  const t = useStrings();
  return (
    <div className="settings settings--single">
      <section className="settings__section" aria-labelledby="account-title">
        <h1 id="account-title">{t('yourAccount')}</h1>
        {error && !data && (
          <p className="notice notice--error" role="alert">
            {errorMessage(error)}
          </p>
        )}
        {staff && (
          <>
            <p className="settings__intro">{t('signedInAs', { email: staff.email ?? '' })}</p>
            <LanguagePicker />
            <NameForm name={staff.name} />
            <PasswordForm />
            <TwoFactorPanel enabled={Boolean(staff.twoFactorEnabled)} required={Boolean(data?.viewer?.organization.settings.requireTwoFactor)} />
            <NotificationSettingsPanel />
            <SessionsPanel />
          </>
        )}
      </section>
    </div>
  );
}

function NameForm({ name }: { name: string }) {
  const [value, setValue] = useState(name);
  const [saved, setSaved] = useState(false);
  const [update, { loading, error }] = useMutation(UpdateMyProfileMutation, { refetchQueries: ['DashboardViewer'] });
  const errors = inputErrors(error);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(Boolean(await update({ variables: { name: value.trim() } }).catch(() => null)));
  }
  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} aria-labelledby="name-title">
      <h2 id="name-title">Name</h2>
      <label className="field">
        <span>Your name, as colleagues and customers see it</span>
        <input value={value} required maxLength={100} onChange={(event) => { setValue(event.target.value); setSaved(false); }} />
        {errors.name && <span className="field-error">{errors.name}</span>}
      </label>
      {saved && <p className="notice notice--info" role="status">Saved.</p>}
      <button type="submit" className="button button--primary" disabled={loading || !value.trim() || value.trim() === name}>
        Save name
      </button>
    </form>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [changed, setChanged] = useState(false);
  const [change, { loading, error, reset }] = useMutation(ChangeMyPasswordMutation, { refetchQueries: ['MySessions'] });
  const errors = inputErrors(error);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await change({ variables: { currentPassword: current, newPassword: next } }).catch(() => null)) {
      setChanged(true);
      setCurrent('');
      setNext('');
    }
  }
  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <label className="field">
        <span>Current password</span>
        <input type="password" autoComplete="current-password" required value={current} onChange={(event) => { setCurrent(event.target.value); reset(); setChanged(false); }} />
        {errors.currentPassword && <span className="field-error">{errors.currentPassword}</span>}
      </label>
      <label className="field">
        <span>New password</span>
        <input type="password" autoComplete="new-password" required minLength={12} value={next} onChange={(event) => { setNext(event.target.value); reset(); }} />
        <span className="field-help">At least 12 characters; a few words make a good one.</span>
        {errors.newPassword && <span className="field-error">{errors.newPassword}</span>}
      </label>
      {errors.form && <p className="notice notice--error" role="alert">{errors.form}</p>}
      {changed && <p className="notice notice--info" role="status">Your password was changed; your other sessions were signed out.</p>}
      <button type="submit" className="button button--primary" disabled={loading || !current || !next}>
        Change password
      </button>
    </form>
  );
}
