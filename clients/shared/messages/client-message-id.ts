/**
 * A random UUID v4 for `clientMessageId`: a retried send carries the same id and the
 * server answers with the original message, so ids must never collide (not even across
 * a customer's tabs). crypto.randomUUID() exists only in secure contexts (https,
 * localhost); a pharmacy that opens the gateway over plain http on its LAN, or a store
 * page served over http, still has crypto.getRandomValues().
 */
export function newClientMessageId(): string {
  if (typeof crypto.randomUUID === 'function' && isSecureContext()) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// window.isSecureContext, read through globalThis so the module also loads outside a page (tests).
const isSecureContext = () => (globalThis as { isSecureContext?: boolean }).isSecureContext === true;
