import type { Readable } from 'node:stream';
import { createTwilioMessage, twilioAuthorization, TwilioApiError, type TwilioAccount } from '../sms/twilio-messages-api.js';
import { isRetryableStatus, ProviderRefusal } from './provider-errors.js';
import { downloadFrom } from './provider-download.js';

/**
 * Twilio's Messages API for one pharmacy's account and number: texts with a status callback,
 * and the media of incoming MMS. A refusal (4xx other than 429) throws ProviderRefusal with
 * Twilio's code and message; outages throw plainly (retried).
 */
export class TwilioChannelApi {
  constructor(private readonly account: TwilioAccount) {}

  /** Resolves with the message SID (SM…), which status callbacks name. */
  async sendText(from: string, to: string, body: string, statusCallback: string): Promise<string> {
    try {
      return (await createTwilioMessage(this.account, { To: to, From: from, Body: body, StatusCallback: statusCallback })).sid;
    } catch (error) {
      if (error instanceof TwilioApiError && !isRetryableStatus(error.status)) throw new ProviderRefusal(error.message);
      throw error;
    }
  }

  /** A `MediaUrlN` of an incoming MMS: only on Twilio's API origin, with the account's Basic auth. */
  download(url: string): Promise<Readable> {
    const api = new URL(this.account.apiUrl);
    return downloadFrom(url, { authorization: twilioAuthorization(this.account) }, [(candidate) => candidate.origin === api.origin]);
  }
}
