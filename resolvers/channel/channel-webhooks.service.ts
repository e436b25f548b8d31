import { timingSafeEqual } from 'node:crypto';
import { ChannelKind } from '../../entities/channel-connection.entity.js';
import { isWhatsAppSignatureValid } from '../../gateway/channels/whatsapp-signature.js';
import { logger } from '../../gateway/logging/logger.js';
import { isTwilioSignatureValid } from '../../gateway/sms/twilio-signature.js';
import type { ChannelDependencies } from './channel-dependencies.js';
import { connectionOfWebhook } from './channel-connection-lookup.js';
import { applyDeliveryStatus } from './channel-delivery.js';
import { ChannelInbox } from './channel-inbox.service.js';
import { readTwilioInbound, readTwilioStatus } from './twilio-webhook-payload.js';
import { readWhatsAppWebhook } from './whatsapp-webhook-payload.js';

/** What a provider's webhook call is answered with. */
export interface WebhookAnswer {
  status: number;
  type: 'text/plain' | 'text/xml';
  body: string;
}

const NOT_FOUND: WebhookAnswer = { status: 404, type: 'text/plain', body: 'Not found' };
const FORBIDDEN: WebhookAnswer = { status: 403, type: 'text/plain', body: 'Invalid signature' };
const OK: WebhookAnswer = { status: 200, type: 'text/plain', body: 'OK' };
/** Empty TwiML: no automatic answer to the customer. */
const EMPTY_TWIML: WebhookAnswer = { status: 200, type: 'text/xml', body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' };

/**
 * The providers' calls to a connection's webhook URL. The URL's random id names the
 * connection (and so the pharmacy); nothing is read or stored before the provider's
 * signature over the request checks out with that connection's own secret (403 otherwise).
 * Each call is answered once its messages are stored: a 5xx makes the provider deliver again,
 * and redeliveries are recognised by provider message id.
 */
export class ChannelWebhooks {
  private readonly inbox: ChannelInbox;

  constructor(private readonly deps: ChannelDependencies) {
    this.inbox = new ChannelInbox(deps);
  }

  /** Meta's subscription handshake: `hub.mode=subscribe`, our verify token → `hub.challenge` echoed. */
  async whatsAppVerification(webhookId: string, query: { mode?: string; token?: string; challenge?: string }): Promise<WebhookAnswer> {
    const answer = await connectionOfWebhook(this.deps, ChannelKind.WHATSAPP, webhookId, async ({ secrets }) => {
      if (query.mode !== 'subscribe' || !query.challenge || !sameText(query.token ?? '', secrets.verifyToken ?? '')) return FORBIDDEN;
      return { status: 200, type: 'text/plain', body: query.challenge } satisfies WebhookAnswer;
    });
    return answer ?? NOT_FOUND;
  }

  /** Messages and statuses, signed with X-Hub-Signature-256 over the raw body. */
  async whatsApp(webhookId: string, rawBody: Buffer, signature: string | undefined): Promise<WebhookAnswer> {
    const answer = await connectionOfWebhook(this.deps, ChannelKind.WHATSAPP, webhookId, async ({ connection, secrets }, pharmacy) => {
      if (!isWhatsAppSignatureValid(secrets.appSecret ?? '', rawBody, signature)) return FORBIDDEN;
      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        return { status: 400, type: 'text/plain', body: 'Not JSON' } satisfies WebhookAnswer;
      }
      const content = readWhatsAppWebhook(body, connection.whatsappPhoneNumberId ?? '');
      for (const message of content.messages) await this.inbox.receive(pharmacy, connection, message);
      for (const status of content.statuses) await applyDeliveryStatus(pharmacy, this.deps.realtime, connection.id, status);
      return OK;
    });
    return answer ?? NOT_FOUND;
  }

  /** An incoming text or MMS, signed with X-Twilio-Signature over `url` and the form parameters. */
  async sms(webhookId: string, url: string, parameters: Readonly<Record<string, string>>, signature: string | undefined): Promise<WebhookAnswer> {
    const answer = await connectionOfWebhook(this.deps, ChannelKind.SMS, webhookId, async ({ connection, secrets }, pharmacy) => {
      if (!isTwilioSignatureValid(secrets.authToken ?? '', url, parameters, signature)) return FORBIDDEN;
      const message = readTwilioInbound(parameters, { accountSid: connection.twilioAccountSid ?? '', phoneNumber: connection.phoneNumber });
      if (message) await this.inbox.receive(pharmacy, connection, message);
      else logger.warn({ connectionId: connection.id }, 'A Twilio webhook for another account or number was ignored');
      return EMPTY_TWIML;
    });
    return answer ?? NOT_FOUND;
  }

  /** Twilio's StatusCallback for a reply this connection sent. */
  async smsStatus(webhookId: string, url: string, parameters: Readonly<Record<string, string>>, signature: string | undefined): Promise<WebhookAnswer> {
    const answer = await connectionOfWebhook(this.deps, ChannelKind.SMS, webhookId, async ({ connection, secrets }, pharmacy) => {
      if (!isTwilioSignatureValid(secrets.authToken ?? '', url, parameters, signature)) return FORBIDDEN;
      const status = readTwilioStatus(parameters, connection.twilioAccountSid ?? '');
      if (status) await applyDeliveryStatus(pharmacy, this.deps.realtime, connection.id, status);
      return OK;
    });
    return answer ?? NOT_FOUND;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
