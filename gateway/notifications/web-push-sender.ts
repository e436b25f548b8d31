import webpush from 'web-push';
import type { VapidKeys } from './vapid-keys.js';

/** Where and how to encrypt for one browser (its `PushSubscription.toJSON()`). */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export type PushOutcome =
  | { kind: 'delivered' }
  /** 404 or 410: the browser unsubscribed or the subscription expired; never send to it again. */
  | { kind: 'gone'; status: number }
  /** Anything else (5xx, 429, a network failure): worth another try later. */
  | { kind: 'failed'; reason: string };

/** How long the push service keeps a message for a browser that is offline. */
const TIME_TO_LIVE_SECONDS = 12 * 60 * 60;
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Sends one encrypted push (RFC 8291 aes128gcm, VAPID RFC 8292) with the `web-push`
 * package's request details and our own fetch: `web-push`'s own sender speaks https only,
 * and the answer's status is all we need.
 */
export class WebPushSender {
  constructor(
    private readonly keys: VapidKeys,
    /** In production only https push services: a subscription is whatever a browser (or anyone signed in) handed us. */
    private readonly httpsOnly: boolean,
  ) {}

  get publicKey(): string {
    return this.keys.publicKey;
  }

  async send(target: PushTarget, payload: object): Promise<PushOutcome> {
    if (this.httpsOnly && !target.endpoint.startsWith('https://')) return { kind: 'gone', status: 0 };
    const request = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(payload), {
      vapidDetails: this.keys,
      TTL: TIME_TO_LIVE_SECONDS,
      contentEncoding: 'aes128gcm',
      urgency: 'high',
    });
    try {
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body as Buffer | null,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { kind: 'delivered' };
      if (response.status === 404 || response.status === 410) return { kind: 'gone', status: response.status };
      return { kind: 'failed', reason: `push service answered ${response.status}` };
    } catch (error) {
      return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
