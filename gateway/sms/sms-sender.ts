export interface OutgoingSms {
  /** E.164. */
  to: string;
  body: string;
}

/** A text message provider. `send` resolves once the provider accepted the message; it throws otherwise. */
export interface SmsSender {
  send(sms: OutgoingSms): Promise<void>;
  /** For the start banner and logs: where texts go. */
  readonly description: string;
}

/** The provider refused this recipient for good (Twilio 21610: they answered STOP): retrying changes nothing. */
export class SmsRecipientOptedOut extends Error {}

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** The sending number (E.164) or messaging service. */
  from: string;
  /** TWILIO_API_URL: default https://api.twilio.com; a test server in tests. */
  apiUrl: string;
}

