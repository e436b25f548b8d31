import { useSyncExternalStore } from 'react';

/**
 * A few screens need no router library: the inbox (`/dashboard/`), one conversation
 * (`/dashboard/conversations/<id>`), the settings area (`/dashboard/settings/<section>`),
 * "Your account" (`/dashboard/account`), and the pages links in e-mails open signed out
 * (`/dashboard/accept-invitation#token=…`, `/dashboard/reset-password#token=…`).
 * The gateway falls back to index.html for all, so a reload or a shared link opens the same screen.
 */
export interface Route {
  conversationId: string | null;
  /** A message to show in the open conversation (`?message=<sequence>`, from a search hit). */
  messageSequence: number | null;
  /** Null outside the settings area; '' for its first section. */
  settingsSection: string | null;
  account: boolean;
  /** A page an e-mail's link opens, whoever is signed in. */
  linkPage: 'accept-invitation' | 'reset-password' | null;
}

const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');
const CONVERSATION_PATH = new RegExp(`^${BASE}/conversations/([^/]+)/?$`);
const SETTINGS_PATH = new RegExp(`^${BASE}/settings(?:/([^/]+))?/?$`);
const ACCOUNT_PATH = new RegExp(`^${BASE}/account/?$`);
const LINK_PAGE_PATH = new RegExp(`^${BASE}/(accept-invitation|reset-password)/?$`);
const ROUTE_CHANGE = 'counterchat:route';

function readRoute(): Route {
  const match = CONVERSATION_PATH.exec(window.location.pathname);
  const settings = SETTINGS_PATH.exec(window.location.pathname);
  const sequence = Number(new URLSearchParams(window.location.search).get('message'));
  return {
    conversationId: match ? decodeURIComponent(match[1]!) : null,
    messageSequence: match && Number.isInteger(sequence) && sequence > 0 ? sequence : null,
    settingsSection: settings ? decodeURIComponent(settings[1] ?? '') : null,
    account: ACCOUNT_PATH.test(window.location.pathname),
    linkPage: (LINK_PAGE_PATH.exec(window.location.pathname)?.[1] as Route['linkPage'] | undefined) ?? null,
  };
}

let current = readRoute();
function subscribe(onChange: () => void) {
  const handler = () => {
    current = readRoute();
    onChange();
  };
  window.addEventListener('popstate', handler);
  window.addEventListener(ROUTE_CHANGE, handler);
  return () => {
    window.removeEventListener('popstate', handler);
    window.removeEventListener(ROUTE_CHANGE, handler);
  };
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => current);
}

export function conversationPath(conversationId: string): string {
  return `${BASE}/conversations/${encodeURIComponent(conversationId)}`;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(ROUTE_CHANGE));
}

export const openConversation = (conversationId: string) => navigate(conversationPath(conversationId));
/** The conversation scrolled to one of its messages, which is highlighted. */
export const messagePath = (conversationId: string, sequence: number) => `${conversationPath(conversationId)}?message=${sequence}`;
export const openMessage = (conversationId: string, sequence: number) => navigate(messagePath(conversationId, sequence));
export const settingsPath = (section = '') => `${BASE}/settings${section ? `/${encodeURIComponent(section)}` : ''}`;
export const openSettings = (section?: string) => navigate(settingsPath(section));
export const openInbox = () => navigate(`${BASE}/`);
export const accountPath = () => `${BASE}/account`;
export const openAccount = () => navigate(accountPath());

/**
 * The token a link page was opened with (`#token=…`): read once, then taken out of the address
 * bar and history, so it is not left behind for the next person at a shared computer.
 */
export function takeLinkToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  return token;
}
