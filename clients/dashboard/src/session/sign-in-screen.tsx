import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useState, type FormEvent } from 'react';
import { graphql, readFragment } from '../gql/index.js';
import { ForgotPasswordForm } from './forgot-password-form.js';
import { SecondStep, type Challenge } from './second-step.js';
import { useSession } from './session-context.js';
import { SignInResultFields } from './sign-in-result.js';
import './sign-in-screen.css';

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      ...SignInResultFields
    }
  }
`);

export function SignInScreen() {
  const { signedIn, endedBecause } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [forgot, setForgot] = useState(false);
  const [signIn, { loading }] = useMutation(SignInMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await signIn({ variables: { email: email.trim(), password } });
      const result = data && readFragment(SignInResultFields, data.signIn);
      if (result?.challenge) setChallenge(result.challenge);
      else if (result?.token && result.expiresAt) signedIn({ token: result.token, expiresAt: result.expiresAt, staffId: result.staff.id });
    } catch (caught) {
      setError(describeSignInError(caught));
    }
  }

  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <h1 id="sign-in-title">Counterchat</h1>
        {challenge ? (
          <SecondStep challenge={challenge} onSignedIn={signedIn} />
        ) : forgot ? (
          <ForgotPasswordForm initialEmail={email} onBack={() => setForgot(false)} />
        ) : (
          <form className="sign-in__step" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
            <p className="sign-in__lead">Sign in to your pharmacy inbox</p>
            {endedBecause === 'expired' && !error && (
              <p className="notice notice--info" role="status">
                Your session expired. Please sign in again.
              </p>
            )}
            {error && (
              <p className="notice notice--error" role="alert">
                {error}
              </p>
            )}
            <label>
              Email
              <input type="email" autoComplete="username" autoFocus required value={email} onChange={(e) => setEmail(e.target.value)} />
            </label>
            <label>
              Password
              <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
            <button type="submit" className="button button--primary" disabled={loading}>
              {loading ? 'Signing in…' : 'Sign in'}
            </button>
            <button type="button" className="link-button" onClick={() => setForgot(true)}>
              Forgot password?
            </button>
          </form>
        )}
      </div>
    </main>
  );
}

function describeSignInError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    if (code === 'UNAUTHENTICATED' && first?.message.includes('deactivated')) return first.message;
    if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT') return 'That email and password do not match an account.';
    if (code === 'RATE_LIMITED') return 'Too many attempts. Wait a minute and try again.';
  }
  return 'Could not reach Counterchat. Check the connection and try again.';
}
