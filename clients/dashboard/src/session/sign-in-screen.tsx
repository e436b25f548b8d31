import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useState, type FormEvent } from 'react';
import { graphql, readFragment } from '../gql/index.js';
import { ForgotPasswordForm } from './forgot-password-form.js';
import { SecondStep, type Challenge } from './second-step.js';
import { useSession } from './session-context.js';
import { SignInResultFields } from './sign-in-result.js';
import { useStrings, type Translate } from '../i18n/dashboard-i18n.js';
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
  const t = useStrings();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await signIn({ variables: { email: email.trim(), password } });
      const result = data && readFragment(SignInResultFields, data.signIn);
      if (result?.challenge) setChallenge(result.challenge);
      else if (result?.token && result.expiresAt) signedIn({ token: result.token, expiresAt: result.expiresAt, staffId: result.staff.id });
    } catch (caught) {
      setError(describeSignInError(caught, t));
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
            <p className="sign-in__lead">{t('signInLead')}</p>
            {endedBecause === 'expired' && !error && (
              <p className="notice notice--info" role="status">
                {t('sessionExpired')}
              </p>
            )}
            {error && (
              <p className="notice notice--error" role="alert">
                {error}
              </p>
            )}
            <label>
              {t('email')}
              <input type="email" autoComplete="username" autoFocus required value={email} onChange={(e) => setEmail(e.target.value)} />
            </label>
            <label>
              {t('password')}
              <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
            <button type="submit" className="button button--primary" disabled={loading}>
              {loading ? t('signingIn') : t('signIn')}
            </button>
            <button type="button" className="link-button" onClick={() => setForgot(true)}>
              {t('forgotPassword')}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}

function describeSignInError(error: unknown, t: Translate): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    if (code === 'UNAUTHENTICATED' && first?.message.includes('deactivated')) return t('accountDeactivated');
    if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT') return t('wrongPassword');
    if (code === 'RATE_LIMITED') return t('tooManyAttempts');
  }
  return t('cannotReach');
}
