import { SmsRecipientOptedOut, type SmsSender, type TwilioConfig } from './sms-sender.js';
import { createTwilioMessage, TwilioApiError } from './twilio-messages-api.js';

/** Twilio's error for a recipient who replied STOP to this sender. */
const UNSUBSCRIBED_RECIPIENT = 21610;

/**
 * Notification texts through Twilio's Messages API (twilio-messages-api.ts) from the one
 * configured sender. A failure throws and the job queue tries again, except for a recipient
 * who opted out.
 */
export function twilioSmsSender(config: TwilioConfig): SmsSender {
  return {
    description: `Twilio (${new URL(config.apiUrl).host}, from ${config.from})`,
    async send(sms) {
      try {
        await createTwilioMessage(config, { To: sms.to, From: config.from, Body: sms.body });
      } catch (error) {
        if (error instanceof TwilioApiError && error.code === UNSUBSCRIBED_RECIPIENT) throw new SmsRecipientOptedOut(error.message);
        throw error;
      }
    },
  };
}
