/** How long one call to Twilio may take before it counts as an outage (and is retried). */
const REQUEST_TIMEOUT_MS = 15_000;

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  /** TWILIO_API_URL: default https://api.twilio.com; a test server in tests. */
  apiUrl: string;
}

/** Twilio answered with an error: its HTTP status, its error code (21610, 21211…) and message. */
export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    readonly twilioMessage: string,
  ) {
    super(`Twilio ${status}${code !== undefined ? ` (${code})` : ''}: ${twilioMessage}`);
  }
}

/** HTTP Basic with the Account SID and Auth Token, as every Twilio REST call authenticates. */
export function twilioAuthorization(account: Pick<TwilioAccount, 'accountSid' | 'authToken'>): string {
  return `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
}

/**
 * Twilio's Messages REST API: `POST {apiUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json`
 * with form fields (`To`, `From`, `Body`, optionally `StatusCallback`). Resolves with the new
 * message's SID once Twilio queued it; throws TwilioApiError with Twilio's code and message
 * (never the text), or the network's error.
 */
export async function createTwilioMessage(account: TwilioAccount, fields: Record<string, string>): Promise<{ sid: string }> {
  const endpoint = `${account.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`;
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { authorization: twilioAuthorization(account), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(fields).toString(),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const answer = (await response.json().catch(() => ({}))) as { sid?: unknown; code?: unknown; message?: unknown };
  if (!response.ok) {
    throw new TwilioApiError(response.status, typeof answer.code === 'number' ? answer.code : undefined, typeof answer.message === 'string' ? answer.message : response.statusText);
  }
  return { sid: typeof answer.sid === 'string' ? answer.sid : '' };
}
