import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql/index.js';
import { useSession } from './session-context.js';
import './sign-in-screen.css';

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      token
      expiresAt
      staff {
        id
        name
      }
    }
  }
`);

export function SignInScreen() {
  const { signedIn, endedBecause } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [signIn, { loading }] = useMutation(SignInMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await signIn({ variables: { email: email.trim(), password } });
      const { token, expiresAt, staff } = data?.signIn ?? {};
      if (token && expiresAt && staff) signedIn({ token, expiresAt, staffId: staff.id });
    } catch (caught) {
      setError(describeSignInError(caught));
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Counterchat</h1>
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
      </form>
    </main>
  );
}

function describeSignInError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT') return 'That email and password do not match an account.';
    if (code === 'RATE_LIMITED') return 'Too many attempts. Wait a minute and try again.';
  }
  return 'Could not reach Counterchat. Check the connection and try again.';
}
