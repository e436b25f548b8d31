/**
 * The only language the loader (on the store's page) and the chat app (in the iframe)
 * speak: `postMessage` events with these names. Versioned, so a cached old loader and a
 * new app (or the reverse) ignore each other's unknown events instead of misreading them.
 * Each side checks `event.origin` and `event.source` before reading anything.
 */
export const PROTOCOL_PREFIX = 'counterchat:v1:';

export const WidgetEvent = {
  /** app → loader: the app has started and listens. */
  Ready: 'counterchat:v1:ready',
  /** loader → app: the host page's language and a chat link token found in its URL. */
  Init: 'counterchat:v1:init',
  /** loader → app: the panel became visible / hidden. */
  Opened: 'counterchat:v1:opened',
  Closed: 'counterchat:v1:closed',
  /** loader → app: a store-signed identity from `Counterchat.identify(...)`. */
  Identify: 'counterchat:v1:identify',
  /** app → loader: how `identify` went (no token: it never leaves the iframe). */
  IdentifyResult: 'counterchat:v1:identify-result',
  /** app → loader: the pharmacy's brand, for the launcher button. */
  Brand: 'counterchat:v1:brand',
  /** app → loader: messages from the pharmacy the customer has not read. */
  Unread: 'counterchat:v1:unread',
  /** app → loader: a new message arrived (which thread; never its text). */
  Message: 'counterchat:v1:message',
  /** app → loader: the customer asked to close the panel (close button, Escape). */
  RequestClose: 'counterchat:v1:request-close',
  /** app → loader: the visitor has a session, so later page views may preload the app. */
  Session: 'counterchat:v1:session',
  /**
   * app → loader: the thread of this visit (policy NEW_EACH_VISIT), kept in the store tab's
   * sessionStorage because the iframe's may be blocked. An id only, never a credential.
   */
  VisitThread: 'counterchat:v1:visit-thread',
} as const;

export type WidgetEventName = (typeof WidgetEvent)[keyof typeof WidgetEvent];

/** What `Counterchat.identify(...)` takes: produced and signed by the store's server. */
export interface SignedIdentity {
  externalId: string;
  name: string;
  email?: string;
  phone?: string;
  issuedAt: number;
  nonce: string;
  signature: string;
}

export interface WidgetPayloads {
  [WidgetEvent.Ready]: Record<string, never>;
  [WidgetEvent.Init]: { lang: string; chatToken: string | null; visitThreadId: string | null };
  [WidgetEvent.Opened]: Record<string, never>;
  [WidgetEvent.Closed]: Record<string, never>;
  [WidgetEvent.Identify]: SignedIdentity;
  [WidgetEvent.IdentifyResult]: { ok: boolean; code?: string };
  [WidgetEvent.Brand]: { primaryColor: string; name: string };
  [WidgetEvent.Unread]: { count: number };
  [WidgetEvent.Message]: { conversationId: string; sequence: number };
  [WidgetEvent.RequestClose]: Record<string, never>;
  [WidgetEvent.Session]: { active: boolean };
  [WidgetEvent.VisitThread]: { conversationId: string };
}

export interface WidgetMessage<E extends WidgetEventName = WidgetEventName> {
  type: E;
  payload: WidgetPayloads[E];
}

/** A well-formed message of this protocol version; anything else (other scripts' messages) is ignored. */
export function isWidgetMessage(data: unknown): data is WidgetMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith(PROTOCOL_PREFIX) &&
    typeof (data as { payload?: unknown }).payload === 'object'
  );
}

/** The query parameter a staff chat link carries (see `issueChatToken`). */
export const CHAT_TOKEN_PARAM = 'counterchat_token';
