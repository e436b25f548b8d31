import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Twilio signs its webhooks with. */
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * Twilio's request signature (https://www.twilio.com/docs/usage/security#validating-requests):
 * the full URL Twilio called (scheme, host, path and query), then every POST parameter
 * sorted by name, each as name followed by value with no separators; HMAC-SHA1 of that with
 * the Auth Token as key, base64-encoded.
 */
export function twilioSignature(authToken: string, url: string, parameters: Readonly<Record<string, string>>): string {
  const data = Object.keys(parameters)
    .sort()
    .reduce((signed, name) => signed + name + parameters[name], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Whether `signature` (the X-Twilio-Signature header) is Twilio's for this request; compared in constant time. */
export function isTwilioSignatureValid(authToken: string, url: string, parameters: Readonly<Record<string, string>>, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, parameters));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
