import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useState, type DependencyList } from 'react';
import { createApolloClient } from '../../shared/apollo/create-apollo-client.js';
import type { ConnectionState } from '../../shared/apollo/connection-state.js';
import { typePolicies } from './apollo/type-policies.js';
import { ConnectionContext } from './connection/connection-context.js';
import { Dashboard } from './layout/dashboard.js';
import { SessionProvider, useSession } from './session/session-context.js';
import { SignInScreen } from './session/sign-in-screen.js';
import { LinkPage } from './session/link-page.js';
import { useRoute } from './routing/use-route.js';
import type { StoredSession } from './session/token-store.js';
import { I18nextProvider } from 'react-i18next';
import { createDashboardI18n } from './i18n/dashboard-i18n.js';
import './app.css';

const GRAPHQL_URL = new URL('/graphql', window.location.origin).href;

export function App() {
  // English or Dutch, from the choice under "Your account" or the browser's languages.
  const [i18n] = useState(createDashboardI18n);
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider>
        <SessionGate />
      </SessionProvider>
    </I18nextProvider>
  );
}

function SessionGate() {
  const { session } = useSession();
  const { linkPage } = useRoute();
  // An e-mail's link (invitation, password reset) opens its page whoever is signed in here.
  if (linkPage) return <SignedOut linkPage={linkPage} />;
  // Keyed by token: a new session gets a new client, so nothing cached survives a sign-out.
  return session ? <SignedIn key={session.token} session={session} /> : <SignedOut linkPage={null} />;
}

function SignedOut({ linkPage }: { linkPage: ReturnType<typeof useRoute>['linkPage'] }) {
  const client = useDisposable(
    () => createApolloClient({ graphqlUrl: GRAPHQL_URL, getToken: () => null, onUnauthenticated: () => {}, typePolicies }),
    [],
  );
  if (!client) return null;
  return (
    <ApolloProvider client={client.apollo}>
      {linkPage ? <LinkPage page={linkPage} /> : <SignInScreen />}
    </ApolloProvider>
  );
}

function SignedIn({ session }: { session: StoredSession }) {
  const { signOut } = useSession();
  const [connection, setConnection] = useState<{ state: ConnectionState; reconnects: number }>({ state: 'connecting', reconnects: 0 });
  const client = useDisposable(
    () =>
      createApolloClient({
        graphqlUrl: GRAPHQL_URL,
        getToken: () => session.token,
        onUnauthenticated: () => signOut('expired'),
        onConnectionChange: (state) =>
          setConnection((previous) => ({
            state,
            reconnects: state === 'online' && previous.state === 'offline' ? previous.reconnects + 1 : previous.reconnects,
          })),
        typePolicies,
      }),
    [session.token, signOut],
  );
  if (!client) return null;
  return (
    <ApolloProvider client={client.apollo}>
      <ConnectionContext.Provider value={connection}>
        <Dashboard />
      </ConnectionContext.Provider>
    </ApolloProvider>
  );
}

/**
 * Creates a long-lived thing in an effect and disposes it on cleanup, so StrictMode's
 * mount-unmount-mount in development gets a fresh one instead of a disposed one.
 */
function useDisposable<T extends { dispose(): unknown }>(create: () => T, deps: DependencyList): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    const created = create();
    setValue(created);
    return () => {
      setValue(null);
      void created.dispose();
    };
  }, deps);
  return value;
}
