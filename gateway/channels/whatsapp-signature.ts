import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Meta signs its webhooks with. */
export const WHATSAPP_SIGNATURE_HEADER = 'x-hub-signature-256';

/** Meta's signature of a webhook: `sha256=` and the hex HMAC-SHA256 of the raw body, keyed with the app secret. */
export function whatsappSignature(appSecret: string, rawBody: Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Whether `signature` (the X-Hub-Signature-256 header) is Meta's for exactly these bytes; compared in constant time. */
export function isWhatsAppSignatureValid(appSecret: string, rawBody: Buffer, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(whatsappSignature(appSecret, rawBody));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
