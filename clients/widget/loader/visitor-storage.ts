// What the loader keeps in the store page's own storage: the iframe's may be blocked as
// third-party storage, the store's is not. Ids and flags only, never a credential.

// "This visitor has chatted": lets the next page view load the app early.
const ACTIVE_KEY = 'counterchat:active';
// This tab's thread, for pharmacies that start a new thread per visit.
const VISIT_THREAD_KEY = 'counterchat:visit-thread';

export const isReturningVisitor = () => read(localStorage, ACTIVE_KEY) === '1';
export const rememberSession = (active: boolean) => write(localStorage, ACTIVE_KEY, active ? '1' : null);
export const visitThread = () => read(sessionStorage, VISIT_THREAD_KEY);
export const rememberVisitThread = (conversationId: string) => write(sessionStorage, VISIT_THREAD_KEY, conversationId);

// Storage may be blocked or full: the widget works without it, just less smoothly.
function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // Not kept.
  }
}

// Reading window.localStorage itself throws where storage is blocked, hence functions.
const localStorage = () => window.localStorage;
const sessionStorage = () => window.sessionStorage;
