/**
 * The customer's chat token, kept in this (the gateway's) origin, never on the store page.
 * `localStorage` where the browser allows it; and always a partitioned, HttpOnly cookie
 * of the gateway (`/widget/session`), because Chromium now blocks third-party storage by
 * default and every incognito window does, while partitioned cookies still work there.
 */
export interface TokenStore {
  /** Synchronous, for the first render: what localStorage (or this tab) has. */
  get(): string | null;
  /** What the partitioned cookie has, when localStorage is empty or blocked. */
  restore(): Promise<string | null>;
  set(token: string): void;
  clear(): void;
}

const SESSION_URL = '/widget/session';
const SESSION_HEADERS = { 'x-counterchat-widget': '1' };

export function tokenStoreFor(organizationSlug: string): TokenStore {
  const key = `counterchat:token:${organizationSlug}`;
  const query = `?org=${encodeURIComponent(organizationSlug)}`;
  let memory: string | null = null;
  return {
    get() {
      try {
        return localStorage.getItem(key) ?? memory;
      } catch {
        return memory;
      }
    },
    async restore() {
      try {
        const response = await fetch(SESSION_URL + query, { headers: SESSION_HEADERS, credentials: 'same-origin' });
        if (response.status !== 200) return null;
        const { token } = (await response.json()) as { token?: unknown };
        return typeof token === 'string' ? token : null;
      } catch {
        return null;
      }
    },
    set(token) {
      memory = token;
      try {
        localStorage.setItem(key, token);
      } catch {
        // Blocked: the cookie below keeps it.
      }
      void fetch(SESSION_URL, {
        method: 'PUT',
        headers: { ...SESSION_HEADERS, 'content-type': 'application/json' },
        body: JSON.stringify({ organizationSlug, token }),
        credentials: 'same-origin',
      }).catch(() => {});
    },
    clear() {
      memory = null;
      try {
        localStorage.removeItem(key);
      } catch {
        // Nothing stored.
      }
      void fetch(SESSION_URL + query, { method: 'DELETE', headers: SESSION_HEADERS, credentials: 'same-origin' }).catch(() => {});
    },
  };
}

/**
 * The thread this visit writes into (thread policy NEW_EACH_VISIT): this tab's
 * sessionStorage, or, where the iframe's storage is blocked, the store tab's, kept by
 * the loader (`fromHost` is what it sent in `init`; `toHost` hands it a new one).
 */
export function visitThreadStore(organizationSlug: string, fromHost: string | null, toHost: (id: string) => void) {
  const key = `counterchat:visit-thread:${organizationSlug}`;
  return {
    get: (): string | null => {
      try {
        return sessionStorage.getItem(key) ?? fromHost;
      } catch {
        return fromHost;
      }
    },
    set: (id: string) => {
      toHost(id);
      try {
        sessionStorage.setItem(key, id);
      } catch {
        // The loader keeps it.
      }
    },
  };
}
