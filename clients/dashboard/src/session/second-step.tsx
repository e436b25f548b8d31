import { useMutation } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { graphql } from '../gql/index.js';
import type { SignInChallengeKind } from '../gql/graphql.js';
import { EnrolmentPanel, type Enrolment } from '../two-factor/enrolment-panel.js';
import { RecoveryCodes } from '../two-factor/recovery-codes.js';
import { errorMessage } from './session-errors.js';
import type { StoredSession } from './token-store.js';

const CompleteSignInMutation = graphql(`
  mutation CompleteSignIn($challenge: String!, $code: String, $recoveryCode: String) {
    completeSignIn(challenge: $challenge, code: $code, recoveryCode: $recoveryCode) {
      token
      expiresAt
      staff {
        id
      }
    }
  }
`);

const BeginEnrolmentWithChallengeMutation = graphql(`
  mutation BeginEnrolmentWithChallenge($challenge: String) {
    beginTwoFactorEnrolment(challenge: $challenge) {
      secret
      qrCodeDataUrl
    }
  }
`);

const ConfirmEnrolmentWithChallengeMutation = graphql(`
  mutation ConfirmEnrolmentWithChallenge($code: String!, $challenge: String) {
    confirmTwoFactorEnrolment(code: $code, challenge: $challenge) {
      recoveryCodes
      session {
        token
        expiresAt
        staff {
          id
        }
      }
    }
  }
`);

export interface Challenge {
  token: string;
  kind: SignInChallengeKind;
}

/** The second step of a sign-in: a code (or a recovery code), or, where the pharmacy requires it, enrolling first. */
export function SecondStep(props: { challenge: Challenge; onSignedIn(session: StoredSession): void }) {
  return props.challenge.kind === 'ENROL' ? <EnrolStep {...props} /> : <CodeStep {...props} />;
}

function CodeStep({ challenge, onSignedIn }: { challenge: Challenge; onSignedIn(session: StoredSession): void }) {
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [complete, { loading }] = useMutation(CompleteSignInMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const variables = useRecoveryCode ? { challenge: challenge.token, recoveryCode: value.trim() } : { challenge: challenge.token, code: value.replace(/\s+/g, '') };
      const { data } = await complete({ variables });
      if (data) onSignedIn({ token: data.completeSignIn.token, expiresAt: data.completeSignIn.expiresAt, staffId: data.completeSignIn.staff.id });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <form className="sign-in__step" onSubmit={(event) => void submit(event)} aria-label="Two-factor sign-in">
      <p className="sign-in__lead">{useRecoveryCode ? 'Enter one of your recovery codes.' : 'Enter the 6-digit code from your authenticator app.'}</p>
      <label>
        {useRecoveryCode ? 'Recovery code' : 'Code'}
        <input
          key={String(useRecoveryCode)}
          autoFocus
          required
          autoComplete="one-time-code"
          inputMode={useRecoveryCode ? 'text' : 'numeric'}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? 'Checking…' : 'Continue'}
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setUseRecoveryCode(!useRecoveryCode);
          setValue('');
          setError(null);
        }}
      >
        {useRecoveryCode ? 'Use a code from the app' : 'Use a recovery code'}
      </button>
    </form>
  );
}

function EnrolStep({ challenge, onSignedIn }: { challenge: Challenge; onSignedIn(session: StoredSession): void }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ codes: string[]; session: StoredSession } | null>(null);
  const [begin] = useMutation(BeginEnrolmentWithChallengeMutation);
  const [confirm, { loading }] = useMutation(ConfirmEnrolmentWithChallengeMutation);

  useEffect(() => {
    begin({ variables: { challenge: challenge.token } }).then(
      ({ data }) => data && setEnrolment(data.beginTwoFactorEnrolment),
      (caught: unknown) => setError(errorMessage(caught)),
    );
  }, [begin, challenge.token]);

  async function confirmCode(code: string) {
    setError(null);
    try {
      const { data } = await confirm({ variables: { code, challenge: challenge.token } });
      const session = data?.confirmTwoFactorEnrolment.session;
      if (data && session) setDone({ codes: data.confirmTwoFactorEnrolment.recoveryCodes, session: { token: session.token, expiresAt: session.expiresAt, staffId: session.staff.id } });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  if (done) return <RecoveryCodes codes={done.codes} onDone={() => onSignedIn(done.session)} />;
  return (
    <div className="sign-in__step">
      <p className="sign-in__lead">Your pharmacy requires two-factor sign-in. Set it up to continue.</p>
      {enrolment ? <EnrolmentPanel enrolment={enrolment} error={error} busy={loading} onConfirm={(code) => void confirmCode(code)} /> : error && <p className="notice notice--error" role="alert">{error}</p>}
    </div>
  );
}
