import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { isWhatsAppSignatureValid, whatsappSignature } from '../../../gateway/channels/whatsapp-signature.js';

describe("Meta's webhook signature", () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

  it('is sha256= and the hex HMAC-SHA256 of the raw body with the app secret', () => {
    expect(whatsappSignature('app-secret', body)).toBe(`sha256=${createHmac('sha256', 'app-secret').update(body).digest('hex')}`);
  });

  it('accepts exactly those bytes signed with that secret', () => {
    const signature = whatsappSignature('app-secret', body);
    expect(isWhatsAppSignatureValid('app-secret', body, signature)).toBe(true);
    expect(isWhatsAppSignatureValid('other-secret', body, signature)).toBe(false);
    // Re-serialised JSON is other bytes: the signature is over the body as sent.
    expect(isWhatsAppSignatureValid('app-secret', Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1)), signature)).toBe(false);
    expect(isWhatsAppSignatureValid('app-secret', body, undefined)).toBe(false);
    expect(isWhatsAppSignatureValid('app-secret', body, signature.toUpperCase())).toBe(false);
    expect(isWhatsAppSignatureValid('app-secret', body, 'sha256=')).toBe(false);
  });
});
