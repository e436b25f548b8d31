import { SmsRecipientOptedOut, type SmsSender, type TwilioConfig } from './sms-sender.js';

/** Twilio's error for a recipient who replied STOP to this sender. */
const UNSUBSCRIBED_RECIPIENT = 21610;
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Twilio's Messages REST API: `POST {apiUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json`
 * with HTTP Basic auth (Account SID : Auth Token) and the form fields `To`, `From`, `Body`.
 * A 2xx answer means Twilio queued it; anything else throws with Twilio's code and message
 * (never the text), and the job queue tries again, except for a recipient who opted out.
 */
export function twilioSmsSender(config: TwilioConfig): SmsSender {
  const endpoint = `${config.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    description: `Twilio (${new URL(config.apiUrl).host}, from ${config.from})`,
    async send(sms) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ To: sms.to, From: config.from, Body: sms.body }).toString(),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (response.ok) {
        await response.body?.cancel();
        return;
      }
      const problem = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
      const reason = `Twilio ${response.status}${typeof problem.code === 'number' ? ` (${problem.code})` : ''}: ${typeof problem.message === 'string' ? problem.message : response.statusText}`;
      if (problem.code === UNSUBSCRIBED_RECIPIENT) throw new SmsRecipientOptedOut(reason);
      throw new Error(reason);
    },
  };
}
