import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { clearStoredSession, readStoredSession, storeSession, type StoredSession } from './token-store.js';

export type SignOutReason = 'signed-out' | 'expired';

interface SessionContextValue {
  session: StoredSession | null;
  /** Why the last session ended, for the sign-in screen. */
  endedBecause: SignOutReason | null;
  signedIn(session: StoredSession): void;
  signOut(reason?: SignOutReason): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

// setTimeout takes at most 2^31-1 ms; a 12 h session is far below that.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StoredSession | null>(readStoredSession);
  const [endedBecause, setEndedBecause] = useState<SignOutReason | null>(null);

  // A late UNAUTHENTICATED from the client being torn down must not relabel a sign-out.
  const current = useRef(session);
  current.current = session;
  const signOut = useCallback((reason: SignOutReason = 'signed-out') => {
    clearStoredSession();
    if (current.current) setEndedBecause(reason);
    setSession(null);
  }, []);

  const signedIn = useCallback((next: StoredSession) => {
    storeSession(next);
    setEndedBecause(null);
    setSession(next);
  }, []);

  // The token stops working at expiresAt; go to sign-in then rather than on the next failed request.
  useEffect(() => {
    if (!session) return;
    const remaining = new Date(session.expiresAt).getTime() - Date.now();
    const timer = setTimeout(() => signOut('expired'), Math.min(Math.max(remaining, 0), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const value = useMemo(() => ({ session, endedBecause, signedIn, signOut }), [session, endedBecause, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in staff session; only under a signed-in subtree. */
export function useStaffSession(): StoredSession {
  const { session } = useSession();
  if (!session) throw new Error('useStaffSession while signed out');
  return session;
}
