// Counterchat's dashboard service worker: Web Push only (no caching). A push carries ids and
// the pharmacy's name, never message text (see README, "Notifications").
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = {};
  }
  if (message.type !== 'customer-message' || typeof message.conversationId !== 'string') return;
  const url = new URL(`conversations/${encodeURIComponent(message.conversationId)}`, self.registration.scope).href;
  event.waitUntil(
    self.registration.showNotification('New customer message', {
      body: typeof message.pharmacy === 'string' ? `${message.pharmacy}: open the conversation` : 'Open the conversation',
      icon: new URL('favicon.svg', self.registration.scope).href,
      // The open dashboard's own notification for the same conversation has this tag: one replaces the other.
      tag: `conversation:${message.conversationId}`,
      data: { url, conversationId: message.conversationId },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const { url, conversationId } = event.notification.data || {};
  if (!url) return;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const dashboard = windows.find((client) => client.url.startsWith(self.registration.scope));
      if (dashboard) {
        await dashboard.focus();
        dashboard.postMessage({ type: 'counterchat:open-conversation', conversationId });
        return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});
