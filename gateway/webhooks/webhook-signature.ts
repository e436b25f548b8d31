import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of every delivery. Receivers dedupe by the event id: delivery is at-least-once. */
export const WebhookHeader = {
  EventId: 'counterchat-event-id',
  EventType: 'counterchat-event-type',
  DeliveryId: 'counterchat-delivery-id',
  Attempt: 'counterchat-delivery-attempt',
  /** Unix seconds when this attempt was signed. */
  Timestamp: 'counterchat-timestamp',
  /** `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the endpoint's secret>`. */
  Signature: 'counterchat-signature',
} as const;

const VERSION = 'v1';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `${VERSION}=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookToVerify {
  secret: string;
  /** The raw request body, exactly as received (before any JSON parsing). */
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  /** Older signatures are refused, so a captured request can't be replayed later. Default 300. */
  toleranceSeconds?: number;
  now?: Date;
}

/** What a receiver runs (see the partner example); the gateway's own tests use it too. */
export function verifyWebhook({ secret, body, timestamp, signature, toleranceSeconds = 300, now = new Date() }: WebhookToVerify): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body));
  // A header may list several signatures (e.g. during a secret rotation); any one may match.
  return signature
    .split(/\s*,\s*/)
    .map((candidate) => Buffer.from(candidate))
    .some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
}
