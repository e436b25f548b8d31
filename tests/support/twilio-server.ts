import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { twilioSignature } from '../../gateway/sms/twilio-signature.js';

/** A text message as the fake Twilio received it. */
export interface ReceivedSms {
  to: string;
  from: string;
  body: string;
  /** The SID it answered with (SM…). */
  sid?: string;
  /** The `StatusCallback` it was asked to report to, if any. */
  statusCallback?: string;
}

/**
 * A local HTTP server speaking the shape of Twilio's Messages API:
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, HTTP Basic auth with the Account
 * SID and Auth Token, form fields To, From and Body; 201 with a message resource, or Twilio's
 * error JSON (`code`, `message`, `status`): 20003 for bad credentials, 21604/21602 for a
 * missing field, 21610 for a recipient who answered STOP.
 */
export interface TwilioServer {
  /** For TWILIO_API_URL. */
  url: string;
  readonly messages: ReceivedSms[];
  /** Requests refused, with why (bad auth, missing fields…). */
  readonly refusals: string[];
  /** Numbers Twilio would refuse with 21610. */
  readonly unsubscribed: Set<string>;
  /** The next `count` sends answer 503 (an outage, Twilio's 20500-style error). */
  failNextSends(count: number): void;
  /**
   * Media of an incoming MMS: returns its `MediaUrl` under the account
   * (`/2010-04-01/Accounts/{sid}/Messages/{MM…}/Media/{ME…}`), served with Basic auth.
   */
  addMedia(bytes: Buffer, contentType: string): string;
  /** POSTs a form to `url` signed with X-Twilio-Signature as Twilio signs its webhooks (default: this account's token). */
  sendWebhook(url: string, parameters: Record<string, string>, authToken?: string): Promise<Response>;
  dispose(): Promise<void>;
}

export async function startTwilioServer(credentials: { accountSid: string; authToken: string }): Promise<TwilioServer> {
  const messages: ReceivedSms[] = [];
  const refusals: string[] = [];
  const unsubscribed = new Set<string>();
  const media = new Map<string, { bytes: Buffer; contentType: string }>();
  let outages = 0;
  let counter = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const fail = (status: number, code: number, message: string) => {
        refusals.push(`${status} ${code} ${message}`);
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }));
      };
      const expectedPath = `/2010-04-01/Accounts/${credentials.accountSid}/Messages.json`;
      const expectedAuth = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;
      const stored = request.method === 'GET' ? media.get(request.url ?? '') : undefined;
      if (stored) {
        if (request.headers.authorization !== expectedAuth) return fail(401, 20003, 'Authenticate');
        return response.writeHead(200, { 'content-type': stored.contentType, 'content-length': stored.bytes.length }).end(stored.bytes);
      }
      if (request.method !== 'POST' || request.url !== expectedPath) return fail(404, 20404, `The requested resource ${request.url} was not found`);
      if (request.headers.authorization !== expectedAuth) return fail(401, 20003, 'Authenticate');
      if (outages > 0) {
        outages -= 1;
        return fail(503, 20500, 'Internal Server Error');
      }
      if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return fail(400, 20001, 'Expected a form body');
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const [to, from, body] = [form.get('To'), form.get('From'), form.get('Body')];
      if (!to) return fail(400, 21604, "A 'To' phone number is required.");
      if (!from) return fail(400, 21603, "A 'From' phone number is required.");
      if (!body) return fail(400, 21602, 'Message body is required.');
      if (unsubscribed.has(to)) return fail(400, 21610, 'Attempt to send to unsubscribed recipient');
      const sid = `SM${String(++counter).padStart(32, '0')}`;
      messages.push({ to, from, body, sid, ...(form.get('StatusCallback') ? { statusCallback: form.get('StatusCallback')! } : {}) });
      response
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ sid, account_sid: credentials.accountSid, to, from, body, status: 'queued', num_segments: '1', direction: 'outbound-api', uri: `${expectedPath.replace('.json', '')}/${sid}.json` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    messages,
    refusals,
    unsubscribed,
    failNextSends: (count) => void (outages = count),
    addMedia(bytes, contentType) {
      const path = `/2010-04-01/Accounts/${credentials.accountSid}/Messages/MM${randomBytes(16).toString('hex')}/Media/ME${randomBytes(16).toString('hex')}`;
      media.set(path, { bytes, contentType });
      return `${url}${path}`;
    },
    sendWebhook(target, parameters, authToken = credentials.authToken) {
      return fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(authToken, target, parameters) },
        body: new URLSearchParams(parameters).toString(),
      });
    },
    dispose: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
