import { createHmac } from 'node:crypto';

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

/** Receivers verify it as in `clients/partner/src/verify-webhook.ts`. */
const VERSION = 'v1';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `${VERSION}=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
