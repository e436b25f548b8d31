/** This browser's Web Push subscription through the dashboard's service worker (`push-worker.js`). */

const WORKER_URL = `${import.meta.env.BASE_URL}push-worker.js`;

export const webPushSupported = () => typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

export interface PushSubscriptionFields {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** Why push could not be set up, for the settings panel to say in the viewer's language. */
export class PushSetupError extends Error {
  constructor(readonly reason: 'denied' | 'incomplete') {
    super(reason === 'denied' ? 'The browser did not allow notifications.' : 'The browser gave an incomplete push subscription.');
  }
}

/** The subscription this browser already has, if any. */
export async function currentPushSubscription(): Promise<PushSubscription | null> {
  if (!webPushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration(WORKER_URL);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Asks for permission if needed, registers the worker and subscribes with the gateway's VAPID key. */
export async function subscribeToPush(publicKey: string): Promise<PushSubscriptionFields> {
  if ((await Notification.requestPermission()) !== 'granted') throw new PushSetupError('denied');
  const registration = await navigator.serviceWorker.register(WORKER_URL, { scope: import.meta.env.BASE_URL });
  await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) });
  const { endpoint, keys } = subscription.toJSON();
  if (!endpoint || !keys?.p256dh || !keys.auth) throw new PushSetupError('incomplete');
  return { endpoint, p256dh: keys.p256dh, auth: keys.auth };
}

function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
