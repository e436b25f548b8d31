import express, { Router, type Request, type Response } from 'express';
import { TWILIO_SIGNATURE_HEADER } from '../../sms/twilio-signature.js';
import { WHATSAPP_SIGNATURE_HEADER } from '../../channels/whatsapp-signature.js';
import type { ChannelDependencies } from '../../../resolvers/channel/channel-dependencies.js';
import { CHANNEL_WEBHOOK_PATHS } from '../../../resolvers/channel/channel-webhook-urls.js';
import { ChannelWebhooks, type WebhookAnswer } from '../../../resolvers/channel/channel-webhooks.service.js';

/** Meta's webhooks are small JSON; a batch of messages stays far below this. */
const WHATSAPP_BODY_LIMIT = '1mb';

/**
 * The providers' webhooks of WhatsApp and SMS connections (issue 22), outside GraphQL:
 * - `GET  /channels/whatsapp/:webhookId` Meta's verification handshake;
 * - `POST /channels/whatsapp/:webhookId` messages and statuses (X-Hub-Signature-256 over the raw body);
 * - `POST /channels/sms/:webhookId` incoming texts and MMS (X-Twilio-Signature);
 * - `POST /channels/sms/:webhookId/status` Twilio's status callbacks for replies.
 * Twilio signs the URL it called: the public one (PUBLIC_URL), as given to it.
 */
export function channelRouter(deps: ChannelDependencies): Router {
  const router = Router();
  const webhooks = new ChannelWebhooks(deps);
  const raw = express.raw({ type: () => true, limit: WHATSAPP_BODY_LIMIT });
  const form = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 });
  const webhookId = (request: Request) => String(request.params.webhookId ?? '');
  const send = (response: Response, answer: WebhookAnswer) => void response.status(answer.status).type(answer.type).send(answer.body);
  const formOf = (request: Request) =>
    Object.fromEntries(Object.entries((request.body ?? {}) as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const signedUrl = (request: Request) => new URL(request.originalUrl, deps.publicUrl).toString();
  const query = (request: Request, name: string) => (typeof request.query[name] === 'string' ? (request.query[name] as string) : undefined);

  router.get(CHANNEL_WEBHOOK_PATHS.whatsapp, async (request, response) => {
    send(response, await webhooks.whatsAppVerification(webhookId(request), { mode: query(request, 'hub.mode'), token: query(request, 'hub.verify_token'), challenge: query(request, 'hub.challenge') }));
  });
  router.post(CHANNEL_WEBHOOK_PATHS.whatsapp, raw, async (request, response) => {
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    send(response, await webhooks.whatsApp(webhookId(request), body, request.get(WHATSAPP_SIGNATURE_HEADER)));
  });
  router.post(CHANNEL_WEBHOOK_PATHS.sms, form, async (request, response) => {
    send(response, await webhooks.sms(webhookId(request), signedUrl(request), formOf(request), request.get(TWILIO_SIGNATURE_HEADER)));
  });
  router.post(CHANNEL_WEBHOOK_PATHS.smsStatus, form, async (request, response) => {
    send(response, await webhooks.smsStatus(webhookId(request), signedUrl(request), formOf(request), request.get(TWILIO_SIGNATURE_HEADER)));
  });
  return router;
}
