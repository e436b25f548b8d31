import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql/index.js';
import { errorMessage, inputErrors } from '../settings/input-errors.js';
import { EnrolmentPanel, type Enrolment } from '../two-factor/enrolment-panel.js';
import { RecoveryCodes } from '../two-factor/recovery-codes.js';

const BeginEnrolmentMutation = graphql(`
  mutation BeginTwoFactorEnrolment {
    beginTwoFactorEnrolment {
      secret
      qrCodeDataUrl
    }
  }
`);
const ConfirmEnrolmentMutation = graphql(`
  mutation ConfirmTwoFactorEnrolment($code: String!) {
    confirmTwoFactorEnrolment(code: $code) {
      recoveryCodes
    }
  }
`);
const DisableTwoFactorMutation = graphql(`
  mutation DisableTwoFactor($password: String!, $code: String!) {
    disableTwoFactor(password: $password, code: $code)
  }
`);

/** Two-factor sign-in: set it up with a QR code (recovery codes shown once), or turn it off. */
export function TwoFactorPanel({ enabled, required }: { enabled: boolean; required: boolean }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refetchQueries = ['MyAccount', 'MySessions'];
  const [begin, beginning] = useMutation(BeginEnrolmentMutation);
  const [confirm, confirming] = useMutation(ConfirmEnrolmentMutation);

  async function start() {
    setError(null);
    try {
      const { data } = await begin();
      if (data) setEnrolment(data.beginTwoFactorEnrolment);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  async function confirmCode(code: string) {
    setError(null);
    try {
      const { data } = await confirm({ variables: { code } });
      if (data) setRecoveryCodes(data.confirmTwoFactorEnrolment.recoveryCodes);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <div className="settings-form" role="region" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">Two-factor sign-in</h2>
      {recoveryCodes ? (
        <RecoveryCodes
          codes={recoveryCodes}
          onDone={() => {
            setRecoveryCodes(null);
            setEnrolment(null);
            // Refreshed only now: the panel's state is kept until the codes were seen.
            void confirming.client.refetchQueries({ include: refetchQueries });
          }}
        />
      ) : enabled ? (
        <>
          <p>On: signing in asks for a code from your authenticator app.</p>
          {required ? <p className="settings__muted">Your pharmacy requires it for all staff.</p> : <DisableForm />}
        </>
      ) : enrolment ? (
        <EnrolmentPanel enrolment={enrolment} error={error} busy={confirming.loading} onConfirm={(code) => void confirmCode(code)} />
      ) : (
        <>
          <p>Off. With it on, signing in also asks for a code from an app on your phone, so a stolen password is not enough.</p>
          {error && <p className="notice notice--error" role="alert">{error}</p>}
          <button type="button" className="button button--primary" disabled={beginning.loading} onClick={() => void start()}>
            Set up two-factor sign-in
          </button>
        </>
      )}
    </div>
  );
}

function DisableForm() {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [disable, { loading, error, reset }] = useMutation(DisableTwoFactorMutation, { refetchQueries: ['MyAccount'] });
  const errors = inputErrors(error);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await disable({ variables: { password, code } }).catch(() => null);
  }
  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Turn off two-factor sign-in">
      <label className="field">
        <span>Password</span>
        <input type="password" autoComplete="current-password" required value={password} onChange={(event) => { setPassword(event.target.value); reset(); }} />
        {errors.password && <span className="field-error">{errors.password}</span>}
      </label>
      <label className="field">
        <span>Code from the app, or a recovery code</span>
        <input autoComplete="one-time-code" required value={code} onChange={(event) => { setCode(event.target.value); reset(); }} />
        {errors.code && <span className="field-error">{errors.code}</span>}
      </label>
      {errors.form && <p className="notice notice--error" role="alert">{errors.form}</p>}
      <button type="submit" className="button button--danger" disabled={loading || !password || !code}>
        Turn off two-factor sign-in
      </button>
    </form>
  );
}
