import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A text message as the fake Twilio received it. */
export interface ReceivedSms {
  to: string;
  from: string;
  body: string;
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
  dispose(): Promise<void>;
}

export async function startTwilioServer(credentials: { accountSid: string; authToken: string }): Promise<TwilioServer> {
  const messages: ReceivedSms[] = [];
  const refusals: string[] = [];
  const unsubscribed = new Set<string>();
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
      if (request.method !== 'POST' || request.url !== expectedPath) return fail(404, 20404, `The requested resource ${request.url} was not found`);
      const expectedAuth = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;
      if (request.headers.authorization !== expectedAuth) return fail(401, 20003, 'Authenticate');
      if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return fail(400, 20001, 'Expected a form body');
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const [to, from, body] = [form.get('To'), form.get('From'), form.get('Body')];
      if (!to) return fail(400, 21604, "A 'To' phone number is required.");
      if (!from) return fail(400, 21603, "A 'From' phone number is required.");
      if (!body) return fail(400, 21602, 'Message body is required.');
      if (unsubscribed.has(to)) return fail(400, 21610, 'Attempt to send to unsubscribed recipient');
      messages.push({ to, from, body });
      const sid = `SM${String(++counter).padStart(32, '0')}`;
      response
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ sid, account_sid: credentials.accountSid, to, from, body, status: 'queued', num_segments: '1', direction: 'outbound-api', uri: `${expectedPath.replace('.json', '')}/${sid}.json` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    refusals,
    unsubscribed,
    dispose: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
