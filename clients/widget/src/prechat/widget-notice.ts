/** Why the widget is back at the start form: a session that ended, or a chat the pharmacy made unavailable. */
export type WidgetNotice = 'sessionExpired' | 'chatNotAvailable';

/** The gateway's words for a blocked customer (gateway/auth/authenticate.ts); the widget shows its own translation. */
export const CHAT_NOT_AVAILABLE = 'This chat is not available.';
