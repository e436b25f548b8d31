/**
 * The customer's chat token, in this (the gateway's) origin's storage: the store page
 * can't read it. Browsers that partition or block third-party storage get a per-tab
 * memory fallback; the visitor then signs in again after a reload.
 */
export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

export function tokenStoreFor(organizationSlug: string): TokenStore {
  const key = `counterchat:token:${organizationSlug}`;
  let memory: string | null = null;
  return {
    get() {
      try {
        return localStorage.getItem(key) ?? memory;
      } catch {
        return memory;
      }
    },
    set(token) {
      memory = token;
      try {
        localStorage.setItem(key, token);
      } catch {
        // Storage blocked: memory only.
      }
    },
    clear() {
      memory = null;
      try {
        localStorage.removeItem(key);
      } catch {
        // Nothing stored.
      }
    },
  };
}

/** The thread this visit writes into (thread policy NEW_EACH_VISIT): per browser session. */
export function visitThreadStore(organizationSlug: string) {
  const key = `counterchat:visit-thread:${organizationSlug}`;
  return {
    get: (): string | null => {
      try {
        return sessionStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set: (id: string) => {
      try {
        sessionStorage.setItem(key, id);
      } catch {
        // Not kept: the next page view starts another thread.
      }
    },
  };
}
