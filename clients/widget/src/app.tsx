import { ApolloProvider } from '@apollo/client/react';
import { I18nextProvider } from 'react-i18next';
import { createFormatter } from '../../shared/i18n/format.js';
import { setLanguage } from '../../shared/i18n/create-i18n.js';
import { createWidgetI18n } from './i18n/widget-i18n.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConnectionState } from '../../shared/apollo/connection-state.js';
import { createApolloClient, type CounterchatClient } from '../../shared/apollo/create-apollo-client.js';
import { WidgetEvent, type WidgetPayloads } from '../protocol/widget-protocol.js';
import { connectToHost } from './host/host-bridge.js';
import { Panel } from './panel/panel.js';
import { identifyCustomer } from './session/identify.js';
import { tokenStoreFor } from './session/token-store.js';
import { WidgetContext, type WidgetContextValue } from './session/widget-context.js';

export interface AppProps {
  organizationSlug: string;
  /** The store page's origin, from the loader; null on the chat link's own page. */
  hostOrigin: string | null;
  initialLang: string;
  /** A staff chat link's token from this page's URL. */
  linkToken: string | null;
}

/**
 * The chat app in the iframe. Holds the session (the token lives only here), one Apollo
 * Client per token, and the conversation with the loader.
 */
export function App({ organizationSlug, hostOrigin, initialLang, linkToken }: AppProps) {
  const bridge = useMemo(() => connectToHost(hostOrigin), [hostOrigin]);
  const tokens = useMemo(() => tokenStoreFor(organizationSlug), [organizationSlug]);
  const [token, setToken] = useState<string | null>(() => {
    if (linkToken) tokens.set(linkToken);
    return tokens.get();
  });
  // Nothing in localStorage (blocked, or a first visit): ask the partitioned cookie before showing the form.
  const [restoring, setRestoring] = useState(token === null);
  const [lang, setLang] = useState(initialLang);
  const [visitThreadId, setVisitThreadId] = useState<string | null>(null);
  const [open, setOpen] = useState(!bridge.embedded);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [reconnects, setReconnects] = useState(0);
  const online = useBrowserOnline();
  const [notice, setNotice] = useState<'sessionExpired' | null>(null);
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const identifyingRef = useRef(false);

  const client: CounterchatClient = useMemo(() => {
    let wasOffline = false;
    return createApolloClient({
      graphqlUrl: new URL('/graphql', window.location.origin).href,
      getToken: () => tokenRef.current,
      onUnauthenticated: () => {
        // Only a token we sent can be refused; a refused identity signature keeps the current session.
        if (!tokenRef.current || identifyingRef.current) return;
        tokens.clear();
        setToken(null);
        setNotice('sessionExpired');
      },
      onConnectionChange: (state) => {
        setConnection(state);
        if (state === 'offline') wasOffline = true;
        if (state === 'online' && wasOffline) {
          wasOffline = false;
          setReconnects((count) => count + 1);
        }
      },
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one client per session token
  }, [token]);

  useEffect(() => () => void client.dispose(), [client]);

  useEffect(() => {
    if (!restoring) return;
    let current = true;
    void tokens.restore().then((restored) => {
      if (!current) return;
      if (restored && !tokenRef.current) setToken(restored);
      setRestoring(false);
    });
    return () => {
      current = false;
    };
  }, [restoring, tokens]);

  const signIn = (next: string) => {
    setRestoring(false);
    tokens.set(next);
    setNotice(null);
    setToken(next);
  };

  useEffect(
    () =>
      bridge.listen((message) => {
        switch (message.type) {
          case WidgetEvent.Init: {
            const { lang: hostLang, chatToken, visitThreadId: hostVisitThread } = message.payload as WidgetPayloads[typeof WidgetEvent.Init];
            if (hostLang) setLang(hostLang);
            if (typeof hostVisitThread === 'string') setVisitThreadId(hostVisitThread);
            if (chatToken) signIn(chatToken);
            break;
          }
          case WidgetEvent.Opened:
            setOpen(true);
            break;
          case WidgetEvent.Closed:
            setOpen(false);
            break;
          case WidgetEvent.Identify:
            identifyingRef.current = true;
            void identifyCustomer(client.apollo, organizationSlug, message.payload as never)
              .then((result) => {
                if (result.token) signIn(result.token);
                bridge.send(WidgetEvent.IdentifyResult, { ok: Boolean(result.token), code: result.code });
              })
              .finally(() => {
                identifyingRef.current = false;
              });
            break;
        }
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [bridge, client],
  );

  useEffect(() => {
    bridge.send(WidgetEvent.Ready, {});
  }, [bridge]);

  useEffect(() => {
    if (restoring) return;
    bridge.send(WidgetEvent.Session, { active: token !== null });
    if (!token) bridge.send(WidgetEvent.Unread, { count: 0 });
  }, [bridge, token, restoring]);

  const [i18n] = useState(() => createWidgetI18n(initialLang));
  useEffect(() => {
    document.documentElement.lang = lang;
    setLanguage(i18n, lang);
  }, [i18n, lang]);

  const context: WidgetContextValue = useMemo(
    () => ({ organizationSlug, lang, format: createFormatter({ locale: lang }), bridge, open, connection, online, reconnects, visitThreadId }),
    [organizationSlug, lang, bridge, open, connection, online, reconnects, visitThreadId],
  );

  return (
    <I18nextProvider i18n={i18n}>
      <WidgetContext.Provider value={context}>
        <ApolloProvider client={client.apollo}>
          <Panel signedIn={token !== null} restoring={restoring} onSignedIn={signIn} notice={notice} />
        </ApolloProvider>
      </WidgetContext.Provider>
    </I18nextProvider>
  );
}

/** `navigator.onLine`, kept current: the offline notice shows as soon as the browser knows. */
function useBrowserOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
