import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message as the fake Cloud API received it: the JSON body of `POST /v21.0/{phone-number-id}/messages`. */
export interface ReceivedWhatsAppMessage {
  phoneNumberId: string;
  body: { messaging_product?: string; to?: string; type?: string; text?: { body?: string }; template?: { name?: string; language?: { code?: string }; components?: unknown[] } };
  /** The wamid it answered with. */
  id: string;
}

export interface WhatsAppAccount {
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
  businessAccountId: string;
}

/**
 * A local HTTP server speaking the WhatsApp Cloud API's shapes (Graph API v21.0):
 * - `POST /v21.0/{phone-number-id}/messages` with `Authorization: Bearer`, JSON
 *   `{ messaging_product: 'whatsapp', to, type: 'text' | 'template', … }` → 200
 *   `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id: 'wamid.…' }] }`;
 * - `GET /v21.0/{media-id}` → `{ messaging_product, url, mime_type, sha256, file_size, id }`, and
 *   that URL (same bearer token) → the bytes;
 * - `GET /v21.0/{waba-id}/message_templates` → `{ data: [{ name, language, status, … }], paging }`;
 * - errors as Meta's `{ error: { message, type, code, fbtrace_id } }`: 190 for a bad token,
 *   100 for a bad parameter, 131026 for an undeliverable recipient; an outage answers 503 (code 2).
 * It also sends webhooks as Meta does: the JSON body signed with `X-Hub-Signature-256`.
 */
export interface WhatsAppServer {
  /** For WHATSAPP_API_URL. */
  url: string;
  readonly messages: ReceivedWhatsAppMessage[];
  readonly refusals: string[];
  /** Recipients (wa ids, digits only) Meta refuses with 131026. */
  readonly undeliverable: Set<string>;
  /** The next `count` sends answer 503 (an outage). */
  failNextSends(count: number): void;
  /** Media the server holds: returns its media id. */
  addMedia(bytes: Buffer, mimeType: string): string;
  /** How many times each media's bytes were downloaded. */
  readonly mediaDownloads: Map<string, number>;
  templates: { name: string; language: string; status: string }[];
  /** POSTs a webhook to `url`, signed with `appSecret` (default the account's) exactly as Meta signs. */
  sendWebhook(url: string, payload: object, appSecret?: string): Promise<Response>;
  dispose(): Promise<void>;
}

export async function startWhatsAppServer(account: WhatsAppAccount): Promise<WhatsAppServer> {
  const messages: ReceivedWhatsAppMessage[] = [];
  const refusals: string[] = [];
  const undeliverable = new Set<string>();
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  const mediaDownloads = new Map<string, number>();
  let outages = 0;
  let base = '';
  const state = { templates: [] as { name: string; language: string; status: string }[] };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const fail = (status: number, code: number, message: string, type = 'OAuthException') => {
        refusals.push(`${status} ${code} ${message}`);
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message, type, code, fbtrace_id: `A${randomBytes(8).toString('hex')}` } }));
      };
      const json = (value: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (request.headers.authorization !== `Bearer ${account.accessToken}`) return fail(401, 190, 'Invalid OAuth access token - Cannot parse access token');
      const path = (request.url ?? '').split('?')[0]!;

      const download = /^\/media-download\/([^/]+)$/.exec(path);
      if (request.method === 'GET' && download) {
        const found = media.get(download[1]!);
        if (!found) return fail(404, 100, 'Media not found', 'GraphMethodException');
        mediaDownloads.set(download[1]!, (mediaDownloads.get(download[1]!) ?? 0) + 1);
        return response.writeHead(200, { 'content-type': found.mimeType, 'content-length': found.bytes.length }).end(found.bytes);
      }
      const send = new RegExp(`^/v21\\.0/([^/]+)/messages$`).exec(path);
      if (request.method === 'POST' && send) {
        if (send[1] !== account.phoneNumberId) return fail(400, 100, `Unsupported post request. Object with ID '${send[1]}' does not exist`, 'GraphMethodException');
        if (outages > 0) {
          outages -= 1;
          return fail(503, 2, 'Service temporarily unavailable');
        }
        if (!String(request.headers['content-type']).startsWith('application/json')) return fail(400, 100, 'Invalid parameter');
        let body: ReceivedWhatsAppMessage['body'];
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return fail(400, 100, 'Invalid parameter');
        }
        if (body.messaging_product !== 'whatsapp') return fail(400, 100, '(#100) The parameter messaging_product is required.');
        if (!body.to || !/^\d{6,15}$/.test(body.to)) return fail(400, 100, '(#100) Invalid parameter: to');
        if (body.type === 'text' && !body.text?.body) return fail(400, 100, '(#100) The parameter text[\'body\'] is required.');
        if (body.type === 'template' && !(body.template?.name && body.template.language?.code)) return fail(400, 100, '(#100) The parameter template is required.');
        if (body.type !== 'text' && body.type !== 'template') return fail(400, 100, '(#100) Invalid parameter: type');
        if (undeliverable.has(body.to)) return fail(400, 131026, 'Message undeliverable', 'OAuthException');
        const id = `wamid.${randomBytes(12).toString('hex')}`;
        messages.push({ phoneNumberId: send[1]!, body, id });
        return json({ messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id }] });
      }
      const templates = new RegExp(`^/v21\\.0/([^/]+)/message_templates$`).exec(path);
      if (request.method === 'GET' && templates) {
        if (templates[1] !== account.businessAccountId) return fail(400, 100, 'Unsupported get request.', 'GraphMethodException');
        return json({ data: state.templates.map((template, index) => ({ ...template, category: 'UTILITY', id: String(1000 + index) })), paging: { cursors: { before: 'a', after: 'b' } } });
      }
      const mediaInfo = /^\/v21\.0\/([^/]+)$/.exec(path);
      if (request.method === 'GET' && mediaInfo) {
        const found = media.get(mediaInfo[1]!);
        if (!found) return fail(400, 100, `Unsupported get request. Object with ID '${mediaInfo[1]}' does not exist`, 'GraphMethodException');
        return json({
          messaging_product: 'whatsapp',
          url: `${base}/media-download/${mediaInfo[1]}`,
          mime_type: found.mimeType,
          sha256: createHmac('sha256', 'x').update(found.bytes).digest('hex'),
          file_size: String(found.bytes.length),
          id: mediaInfo[1],
        });
      }
      fail(404, 100, `Unknown path components: ${path}`, 'OAuthException');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    messages,
    refusals,
    undeliverable,
    mediaDownloads,
    get templates() {
      return state.templates;
    },
    set templates(value) {
      state.templates = value;
    },
    failNextSends: (count) => void (outages = count),
    addMedia(bytes, mimeType) {
      const id = String(100000000 + media.size);
      media.set(id, { bytes, mimeType });
      return id;
    },
    async sendWebhook(url, payload, appSecret = account.appSecret) {
      const body = Buffer.from(JSON.stringify(payload));
      const signature = `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
      return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
    },
    dispose: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The envelope of a Cloud API webhook for one business number, as Meta posts it. */
export function whatsAppWebhook(account: Pick<WhatsAppAccount, 'phoneNumberId' | 'businessAccountId'>, value: { messages?: object[]; statuses?: object[]; contacts?: object[] }): object {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: account.businessAccountId,
        changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550001111', phone_number_id: account.phoneNumberId }, ...value } }],
      },
    ],
  };
}

/** A customer's text message (and their contact card) in a webhook's `value`. */
export function whatsAppText(from: string, id: string, body: string, name = 'Kerry Fisher'): { messages: object[]; contacts: object[] } {
  return {
    contacts: [{ profile: { name }, wa_id: from }],
    messages: [{ from, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body } }],
  };
}

/** A customer's image or document in a webhook's `value`. */
export function whatsAppMedia(from: string, id: string, type: 'image' | 'document', mediaId: string, extra: { caption?: string; filename?: string; mime_type?: string } = {}): { messages: object[]; contacts: object[] } {
  return {
    contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: from }],
    messages: [{ from, id, timestamp: String(Math.floor(Date.now() / 1000)), type, [type]: { id: mediaId, sha256: 'x', mime_type: extra.mime_type ?? 'image/jpeg', ...extra } }],
  };
}

/** A status of an outbound message in a webhook's `value`. */
export function whatsAppStatus(id: string, status: 'sent' | 'delivered' | 'read' | 'failed', recipient: string, error?: { code: number; title: string; message?: string }): { statuses: object[] } {
  return {
    statuses: [
      {
        id,
        status,
        timestamp: String(Math.floor(Date.now() / 1000)),
        recipient_id: recipient,
        ...(error && { errors: [{ code: error.code, title: error.title, message: error.message ?? error.title, error_data: { details: error.message ?? error.title } }] }),
      },
    ],
  };
}
