import type { Readable } from 'node:stream';
import { isRetryableStatus, ProviderRefusal } from './provider-errors.js';
import { downloadFrom } from './provider-download.js';

/** The Graph API version every call names. */
export const GRAPH_API_VERSION = 'v21.0';
const REQUEST_TIMEOUT_MS = 15_000;

/** A template message's content: an approved template, its language and its body's `{{n}}` values. */
export interface WhatsAppTemplateMessage {
  name: string;
  language: string;
  parameters: readonly string[];
}

/** What the Cloud API says of a media id: where its bytes are (for a few minutes) and their type. */
export interface WhatsAppMedia {
  url: string;
  mimeType: string | undefined;
}

/**
 * The WhatsApp Cloud API (Meta's Graph API) for one business number, authenticated with its
 * access token as a bearer token. `apiUrl` is WHATSAPP_API_URL. Errors come as Meta's
 * `{ error: { message, type, code, fbtrace_id } }`: a 4xx other than 429 throws
 * ProviderRefusal with that code and message; 5xx, 429 and network errors throw plainly
 * (the job queue retries).
 */
export class WhatsAppCloudApi {
  constructor(
    private readonly apiUrl: string,
    private readonly accessToken: string,
  ) {}

  /** A free-form text (inside the 24-hour window); resolves with the message's `wamid`. */
  sendText(phoneNumberId: string, to: string, body: string): Promise<string> {
    return this.sendMessage(phoneNumberId, { messaging_product: 'whatsapp', to: waId(to), type: 'text', text: { body } });
  }

  /** An approved template (allowed outside the window); resolves with its `wamid`. */
  sendTemplate(phoneNumberId: string, to: string, template: WhatsAppTemplateMessage): Promise<string> {
    return this.sendMessage(phoneNumberId, {
      messaging_product: 'whatsapp',
      to: waId(to),
      type: 'template',
      template: {
        name: template.name,
        language: { code: template.language },
        ...(template.parameters.length > 0 && { components: [{ type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) }] }),
      },
    });
  }

  /** `GET /{media-id}`: the short-lived URL of an inbound image or document. */
  async media(mediaId: string): Promise<WhatsAppMedia> {
    const answer = (await this.call(`${this.apiUrl}/${GRAPH_API_VERSION}/${encodeURIComponent(mediaId)}`, { method: 'GET' })) as { url?: unknown; mime_type?: unknown };
    if (typeof answer.url !== 'string') throw new ProviderRefusal('WhatsApp gave no URL for this media');
    return { url: answer.url, mimeType: typeof answer.mime_type === 'string' ? answer.mime_type : undefined };
  }

  /** The bytes behind a media URL, with the same bearer token (Meta requires it there too). */
  download(url: string): Promise<Readable> {
    return downloadFrom(url, { authorization: `Bearer ${this.accessToken}` }, [mediaOrigins(this.apiUrl)]);
  }

  /** `GET /{waba-id}/message_templates`: the names and languages of the APPROVED templates. */
  async approvedTemplates(businessAccountId: string): Promise<{ name: string; language: string }[]> {
    const url = `${this.apiUrl}/${GRAPH_API_VERSION}/${encodeURIComponent(businessAccountId)}/message_templates?fields=name,language,status&limit=200`;
    const answer = (await this.call(url, { method: 'GET' })) as { data?: { name?: unknown; language?: unknown; status?: unknown }[] };
    return (answer.data ?? [])
      .filter((template) => template.status === 'APPROVED' && typeof template.name === 'string' && typeof template.language === 'string')
      .map((template) => ({ name: template.name as string, language: template.language as string }));
  }

  private async sendMessage(phoneNumberId: string, payload: object): Promise<string> {
    const answer = (await this.call(`${this.apiUrl}/${GRAPH_API_VERSION}/${encodeURIComponent(phoneNumberId)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    })) as { messages?: { id?: unknown }[] };
    const id = answer.messages?.[0]?.id;
    return typeof id === 'string' ? id : '';
  }

  private async call(url: string, init: RequestInit): Promise<unknown> {
    const response = await fetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${this.accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const answer = (await response.json().catch(() => ({}))) as { error?: { message?: unknown; code?: unknown } };
    if (response.ok) return answer;
    const reason = `WhatsApp ${response.status}${typeof answer.error?.code === 'number' ? ` (${answer.error.code})` : ''}: ${typeof answer.error?.message === 'string' ? answer.error.message : response.statusText}`;
    if (isRetryableStatus(response.status)) throw new Error(reason);
    throw new ProviderRefusal(reason);
  }
}

/** Cloud API numbers are digits without the plus: `+31612345678` → `31612345678`. */
export function waId(e164: string): string {
  return e164.replace(/^\+/, '');
}

/**
 * Where media URLs may point: the API's own origin (a test server), and for the real Graph API
 * Meta's media host (`lookaside.fbsbx.com`). Nothing else gets the bearer token.
 */
function mediaOrigins(apiUrl: string): (url: URL) => boolean {
  const api = new URL(apiUrl);
  return (url) => url.origin === api.origin || (api.hostname === 'graph.facebook.com' && url.protocol === 'https:' && /(^|\.)fbsbx\.com$/.test(url.hostname));
}
