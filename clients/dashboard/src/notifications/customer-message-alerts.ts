import { useCallback, useEffect, useRef } from 'react';
import type { NotifiedConversations } from '../gql/graphql.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { openConversation, useRoute } from '../routing/use-route.js';
import { useNotificationPreferences } from './notification-preferences.js';
import { playNotificationSound } from './notification-sound.js';

/** What an inbox event says about a conversation, as far as alerts need it. */
export interface AlertableConversation {
  id: string;
  unreadCount: number;
  assignee?: { id: string } | null;
  customer?: { name?: string | null } | null;
  lastMessage?: { id: string; createdAt: unknown; sender?: { __typename?: string } | null } | null;
}

/** An inbox event for an older message (a read, a status change) must not ring: only messages this recent do. */
const FRESH_MS = 5 * 60 * 1000;
const ICON = `${import.meta.env.BASE_URL}favicon.svg`;

const DEFAULTS = { browser: true, sound: true, conversations: 'MINE_AND_UNASSIGNED' as NotifiedConversations };

function wants(conversations: NotifiedConversations, assigneeId: string | null, viewerStaffId: string): boolean {
  if (conversations === 'ALL') return true;
  if (conversations === 'MINE') return assigneeId === viewerStaffId;
  return assigneeId === null || assigneeId === viewerStaffId;
}

/**
 * Browser notifications and a sound for new customer messages in the conversations the staff
 * member asked for (assigned to them, unassigned, or all), unless they are looking at that
 * thread. The notification names the customer and the pharmacy, never the message. Clicking
 * it focuses the tab and opens the thread. Returns the handler for inbox events.
 */
export function useCustomerMessageAlerts(viewerStaffId: string, pharmacyName: string | undefined): (conversation: AlertableConversation) => void {
  const preferences = useNotificationPreferences();
  const route = useRoute();
  const t = useStrings();
  const latest = useRef({ preferences, openConversationId: route.conversationId, pharmacyName, t });
  latest.current = { preferences, openConversationId: route.conversationId, pharmacyName, t };
  const alerted = useRef(new Set<string>());

  // A Web Push notification clicked while a dashboard tab is open: the service worker asks this tab to open the thread.
  useEffect(() => {
    const worker = navigator.serviceWorker;
    if (!worker) return;
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; conversationId?: string } | null;
      if (data?.type === 'counterchat:open-conversation' && data.conversationId) openConversation(data.conversationId);
    };
    worker.addEventListener('message', onMessage);
    return () => worker.removeEventListener('message', onMessage);
  }, []);

  return useCallback(
    (conversation: AlertableConversation) => {
      const message = conversation.lastMessage;
      if (!message || message.sender?.__typename !== 'Customer' || conversation.unreadCount === 0) return;
      if (alerted.current.has(message.id)) return;
      alerted.current.add(message.id);
      if (Date.now() - Date.parse(String(message.createdAt)) > FRESH_MS) return;
      const { preferences: stored, openConversationId, pharmacyName: pharmacy, t: say } = latest.current;
      const preference = stored ?? DEFAULTS;
      if (!wants(preference.conversations, conversation.assignee?.id ?? null, viewerStaffId)) return;
      if (document.visibilityState === 'visible' && document.hasFocus() && openConversationId === conversation.id) return;
      if (!preference.browser) return;
      if (preference.sound) playNotificationSound();
      if (!('Notification' in window) || Notification.permission !== 'granted') return;
      const notification = new Notification(say('notifyNewMessageFrom', { name: conversation.customer?.name || say('notifyACustomer') }), {
        body: pharmacy ? say('notifyOpenAtPharmacy', { pharmacy }) : say('notifyOpenConversation'),
        // The Web Push notification for the same thread has this tag too: one replaces the other.
        tag: `conversation:${conversation.id}`,
        icon: ICON,
      });
      notification.onclick = () => {
        window.focus();
        openConversation(conversation.id);
        notification.close();
      };
    },
    [viewerStaffId],
  );
}
