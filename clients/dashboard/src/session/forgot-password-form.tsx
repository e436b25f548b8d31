import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql/index.js';
import { errorMessage } from './session-errors.js';

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/** "Forgot password?": the same answer for every address, as the server gives it. */
export function ForgotPasswordForm(props: { initialEmail: string; onBack(): void }) {
  const [email, setEmail] = useState(props.initialEmail);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [request, { loading }] = useMutation(RequestPasswordResetMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await request({ variables: { email: email.trim() } });
      setSent(true);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <form className="sign-in__step" onSubmit={(event) => void submit(event)} aria-label="Reset your password">
      <p className="sign-in__lead">Reset your password</p>
      {sent ? (
        <p className="notice notice--info" role="status">
          If {email.trim()} belongs to a Counterchat account, a link to choose a new password is on its way. It works for 30 minutes.
        </p>
      ) : (
        <>
          <label>
            Email
            <input type="email" autoComplete="username" autoFocus required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={loading}>
            Send a reset link
          </button>
        </>
      )}
      <button type="button" className="link-button" onClick={props.onBack}>
        Back to sign in
      </button>
    </form>
  );
}
