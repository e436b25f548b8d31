import { createHmac, timingSafeEqual } from 'node:crypto';

export interface WebhookToVerify {
  /** The endpoint's signing secret (`ccwh_…`), shown when the endpoint was created. */
  secret: string;
  /** The raw request body, exactly as received: verify before parsing JSON. */
  body: string;
  /** The Counterchat-Timestamp header (Unix seconds). */
  timestamp: string | undefined;
  /** The Counterchat-Signature header: `v1=<hex>`, possibly several separated by commas. */
  signature: string | undefined;
  /** Refuse signatures older than this, so a captured request can't be replayed later. Default 300. */
  toleranceSeconds?: number;
  now?: Date;
}

/** `v1=` + hex(HMAC-SHA256(secret, timestamp + "." + body)), compared in constant time. */
export function verifyWebhook({ secret, body, timestamp, signature, toleranceSeconds = 300, now = new Date() }: WebhookToVerify): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
  return signature
    .split(/\s*,\s*/)
    .map((candidate) => Buffer.from(candidate))
    .some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
}
