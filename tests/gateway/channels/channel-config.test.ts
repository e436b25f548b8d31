import { describe, expect, it } from '@jest/globals';
import { readChannelConfig } from '../../../gateway/channels/channel-config.js';

describe('channel configuration', () => {
  it('defaults to the Graph API and Twilio, with the secrets key generated', () => {
    expect(readChannelConfig({})).toEqual({ secretsKey: undefined, whatsappApiUrl: 'https://graph.facebook.com', twilioApiUrl: 'https://api.twilio.com' });
  });

  it('takes WHATSAPP_API_URL, TWILIO_API_URL and CHANNEL_SECRETS_KEY, and refuses a base URL that is not http(s)', () => {
    expect(readChannelConfig({ WHATSAPP_API_URL: 'http://127.0.0.1:9000/', TWILIO_API_URL: 'http://127.0.0.1:9001', CHANNEL_SECRETS_KEY: 'k' })).toEqual({
      secretsKey: 'k',
      whatsappApiUrl: 'http://127.0.0.1:9000',
      twilioApiUrl: 'http://127.0.0.1:9001',
    });
    expect(() => readChannelConfig({ WHATSAPP_API_URL: 'file:///etc/passwd' })).toThrow('WHATSAPP_API_URL must be an http(s) URL');
  });
});
