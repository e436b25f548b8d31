import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useState, type FormEvent } from 'react';
import { graphql, readFragment } from '../gql/index.js';
import { openInbox, takeLinkToken } from '../routing/use-route.js';
import { SecondStep, type Challenge } from './second-step.js';
import { useSession } from './session-context.js';
import { errorMessage, fieldError } from './session-errors.js';
import { SignInResultFields } from './sign-in-result.js';
import type { StoredSession } from './token-store.js';
import './sign-in-screen.css';

const AcceptStaffInviteMutation = graphql(`
  mutation AcceptStaffInvite($token: String!, $password: String!) {
    acceptStaffInvite(token: $token, password: $password) {
      ...SignInResultFields
    }
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) {
      ...SignInResultFields
    }
  }
`);

const TEXT = {
  'accept-invitation': { title: 'Join your pharmacy on Counterchat', lead: 'Choose a password to activate your account.', submit: 'Activate my account' },
  'reset-password': { title: 'Choose a new password', lead: 'Your other sessions will be signed out.', submit: 'Set my new password' },
} as const;

/**
 * A page an e-mail's link opens (an invitation, a password reset): the token comes in the
 * link's `#fragment` and leaves the address bar at once; a new password, then signed in (or
 * the second step first).
 */
export function LinkPage({ page }: { page: keyof typeof TEXT }) {
  const { signedIn } = useSession();
  const [token] = useState(takeLinkToken);
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [accept, accepting] = useMutation(AcceptStaffInviteMutation);
  const [reset, resetting] = useMutation(ResetPasswordMutation);
  const text = TEXT[page];

  const finish = (session: StoredSession) => {
    openInbox();
    signedIn(session);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!token) return;
    try {
      const variables = { token, password };
      const result =
        page === 'accept-invitation'
          ? readFragment(SignInResultFields, (await accept({ variables })).data?.acceptStaffInvite)
          : readFragment(SignInResultFields, (await reset({ variables })).data?.resetPassword);
      if (result?.challenge) setChallenge(result.challenge);
      else if (result?.token && result.expiresAt) finish({ token: result.token, expiresAt: result.expiresAt, staffId: result.staff.id });
    } catch (caught) {
      setError(caught);
    }
  }

  const passwordProblem = fieldError(error, 'password') ?? (repeated && repeated !== password ? 'The two passwords differ.' : null);
  const linkProblem = !token
    ? 'This link is incomplete: open it from the e-mail again.'
    : error && !fieldError(error, 'password')
      ? CombinedGraphQLErrors.is(error) || error instanceof Error
        ? errorMessage(error)
        : 'Something went wrong.'
      : null;

  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <h1 id="link-page-title">{text.title}</h1>
        {challenge ? (
          <SecondStep challenge={challenge} onSignedIn={finish} />
        ) : (
          <form className="sign-in__step" onSubmit={(event) => void submit(event)} aria-labelledby="link-page-title">
            <p className="sign-in__lead">{text.lead}</p>
            {linkProblem && (
              <p className="notice notice--error" role="alert">
                {linkProblem}
              </p>
            )}
            <label>
              New password
              <input type="password" autoComplete="new-password" autoFocus required minLength={12} value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="password-help" />
            </label>
            <span id="password-help" className="field-help">
              At least 12 characters; a few words make a good one.
            </span>
            <label>
              Repeat the password
              <input type="password" autoComplete="new-password" required value={repeated} onChange={(e) => setRepeated(e.target.value)} />
            </label>
            {passwordProblem && <span className="field-error">{passwordProblem}</span>}
            <button type="submit" className="button button--primary" disabled={!token || accepting.loading || resetting.loading || password !== repeated}>
              {text.submit}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
