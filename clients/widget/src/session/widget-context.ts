import { createContext, useContext } from 'react';
import type { ConnectionState } from '../../../shared/apollo/connection-state.js';
import type { HostBridge } from '../host/host-bridge.js';
import type { Formatter } from '../../../shared/i18n/format.js';

/** What every part of the app needs and nobody should pass by hand. */
export interface WidgetContextValue {
  organizationSlug: string;
  lang: string;
  /** Dates, times, numbers and sizes in the page's language. */
  format: Formatter;
  bridge: HostBridge;
  /** The panel is visible (always true on the chat link's own page). */
  open: boolean;
  connection: ConnectionState;
  /** The browser's `navigator.onLine`, kept current by its online/offline events. */
  online: boolean;
  /** This visit's thread as the loader kept it (thread policy NEW_EACH_VISIT). */
  visitThreadId: string | null;
  /** Grows every time the socket comes back after a drop: subscriptions restart from what they have. */
  reconnects: number;
}

export const WidgetContext = createContext<WidgetContextValue | null>(null);

export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('useWidget outside <WidgetContext>');
  return value;
}
