/**
 * The staff token lives in sessionStorage, not localStorage: a pharmacy counter computer
 * is shared, and sessionStorage ends with the tab, so a forgotten browser window is the
 * only way to leave a session behind. It is not an httpOnly cookie because the API takes
 * bearer tokens (HTTP and WebSocket alike); what protects it from script injection is
 * the gateway's CSP (`script-src 'self'`, no inline scripts) and React's escaping.
 */
const STORAGE_KEY = 'counterchat.staff-session';

export interface StoredSession {
  token: string;
  /** ISO time; the session is over at this moment even if the tab stays open. */
  expiresAt: string;
  staffId: string;
}

export function readStoredSession(): StoredSession | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    if (!session.token || new Date(session.expiresAt).getTime() <= Date.now()) {
      clearStoredSession();
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function storeSession(session: StoredSession): void {
  window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearStoredSession(): void {
  window.sessionStorage.removeItem(STORAGE_KEY);
}
