import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSmsSender, readSmsConfig } from '../../../gateway/sms/sms-config.js';
import { SmsRecipientOptedOut } from '../../../gateway/sms/sms-sender.js';
import { isTwilioSignatureValid, twilioSignature } from '../../../gateway/sms/twilio-signature.js';
import { startTwilioServer, type TwilioServer } from '../../support/twilio-server.js';

const credentials = { accountSid: 'AC00000000000000000000000000000001', authToken: 'twilio-test-token' };
let twilio: TwilioServer;

beforeAll(async () => {
  twilio = await startTwilioServer(credentials);
});
afterAll(async () => {
  await twilio.dispose();
});

const envFor = (authToken = credentials.authToken) => ({
  SMS_PROVIDER: 'twilio',
  TWILIO_ACCOUNT_SID: credentials.accountSid,
  TWILIO_AUTH_TOKEN: authToken,
  TWILIO_FROM: '+15005550006',
  TWILIO_API_URL: twilio.url,
});

describe('the Twilio SMS driver', () => {
  it("posts To, From and Body to the account's Messages resource with Basic auth", async () => {
    await createSmsSender(readSmsConfig(envFor(), '/nonexistent')).send({ to: '+31612345678', body: 'Hello there' });
    expect(twilio.messages).toEqual([{ to: '+31612345678', from: '+15005550006', body: 'Hello there', sid: expect.stringMatching(/^SM/) }]);
  });

  it("fails with Twilio's code when the credentials are wrong", async () => {
    await expect(createSmsSender(readSmsConfig(envFor('wrong'), '/nonexistent')).send({ to: '+31612345678', body: 'x' })).rejects.toThrow(/Twilio 401 \(20003\)/);
  });

  it('tells a recipient who answered STOP (21610) from other failures', async () => {
    twilio.unsubscribed.add('+31600000000');
    await expect(createSmsSender(readSmsConfig(envFor(), '/nonexistent')).send({ to: '+31600000000', body: 'x' })).rejects.toBeInstanceOf(SmsRecipientOptedOut);
  });

  it('refuses a Twilio configuration without its credentials', () => {
    expect(() => readSmsConfig({ SMS_PROVIDER: 'twilio' }, '/tmp')).toThrow(/TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM/);
    expect(() => readSmsConfig({ SMS_PROVIDER: 'carrier-pigeon' }, '/tmp')).toThrow(/SMS_PROVIDER/);
    expect(readSmsConfig({}, '/data/sms')).toEqual({ twilio: undefined, directory: '/data/sms' });
  });
});

describe("Twilio's request signature", () => {
  // The example of Twilio's security documentation (twilio.com/docs/usage/security).
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const parameters = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };

  it("matches the documented example, whatever the parameters' order", () => {
    const reversed = Object.fromEntries(Object.entries(parameters).reverse());
    expect(twilioSignature('12345', url, reversed)).toBe(twilioSignature('12345', url, parameters));
    expect(twilioSignature('12345', url, parameters)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('refuses a changed parameter, URL or token, and a missing header', () => {
    const signature = twilioSignature('12345', url, parameters);
    expect(isTwilioSignatureValid('12345', url, parameters, signature)).toBe(true);
    expect(isTwilioSignatureValid('12345', url, { ...parameters, Digits: '1235' }, signature)).toBe(false);
    expect(isTwilioSignatureValid('12345', `${url}&x=1`, parameters, signature)).toBe(false);
    expect(isTwilioSignatureValid('54321', url, parameters, signature)).toBe(false);
    expect(isTwilioSignatureValid('12345', url, parameters, undefined)).toBe(false);
  });
});
