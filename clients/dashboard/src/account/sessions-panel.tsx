import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql/index.js';
import { errorMessage } from '../settings/input-errors.js';
import { useFormat } from '../format/dates.js';
import { ConfirmButton } from '../settings/confirm-button.js';

const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      id
      userAgent
      ip
      createdAt
      lastSeenAt
      current
    }
  }
`);
const EndSessionMutation = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id)
  }
`);
const EndAllMySessionsMutation = graphql(`
  mutation EndAllMySessions {
    endAllMySessions
  }
`);


/** A browser name people recognise, from a User-Agent header. */
function deviceOf(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrome\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null;
  const system = /Windows/.test(userAgent) ? 'Windows' : /Mac OS X|Macintosh/.test(userAgent) ? 'macOS' : /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Linux/.test(userAgent) ? 'Linux' : null;
  return browser && system ? `${browser} on ${system}` : userAgent.slice(0, 60);
}

/** Where you are signed in; end one, or all but this one ("sign out everywhere else"). */
export function SessionsPanel() {
  const format = useFormat();
  const { data } = useQuery(MySessionsQuery, { fetchPolicy: 'cache-and-network' });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [endOne] = useMutation(EndSessionMutation, { refetchQueries: ['MySessions'], onError: (caught) => setError(errorMessage(caught)) });
  const [endAll] = useMutation(EndAllMySessionsMutation, {
    refetchQueries: ['MySessions'],
    onError: (caught) => setError(errorMessage(caught)),
    onCompleted: (result) => setNotice(`${result.endAllMySessions} other session${result.endAllMySessions === 1 ? '' : 's'} signed out.`),
  });
  const others = data?.mySessions.filter((session) => !session.current) ?? [];
  return (
    <div className="settings-form" role="region" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you're signed in</h2>
      {error && <p className="notice notice--error" role="alert">{error}</p>}
      {notice && <p className="notice notice--info" role="status">{notice}</p>}
      {data && (
        <ul className="sessions" aria-label="Your sessions">
          {data.mySessions.map((session) => (
            <li key={session.id}>
              <strong>{deviceOf(session.userAgent)}</strong>
              {session.current && <span className="badge"> This browser</span>}
              <span className="settings__muted">
                {' '}
                · {session.ip ?? 'address unknown'} · signed in {format.dateTime(session.createdAt)} · last active {format.dateTime(session.lastSeenAt)}
              </span>
              {!session.current && (
                <button type="button" className="button" aria-label={`Sign out ${deviceOf(session.userAgent)}, signed in ${format.dateTime(session.createdAt)}`} onClick={() => void endOne({ variables: { id: session.id } }).catch(() => {})}>
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmButton
        label="Sign out everywhere else"
        question="Sign out every other browser and device? This one stays signed in."
        confirmLabel="Yes, sign them out"
        disabled={others.length === 0}
        onConfirm={() => void endAll().catch(() => {})}
      />
    </div>
  );
}
