import { ChannelKind } from '../../entities/channel-connection.entity.js';
import { MessageDeliveryState } from '../../entities/message-delivery.entity.js';
import { ProviderRefusal } from '../../gateway/channels/provider-errors.js';
import { TwilioChannelApi } from '../../gateway/channels/twilio-channel-api.js';
import { WhatsAppCloudApi } from '../../gateway/channels/whatsapp-cloud-api.js';
import type { JobTask } from '../../gateway/jobs/job-task.js';
import { logger } from '../../gateway/logging/logger.js';
import { describeFailure } from '../../gateway/mail/send-mail-task.js';
import type { ChannelDependencies } from './channel-dependencies.js';
import { openedConnection } from './channel-connection-lookup.js';
import { recordDelivery, type ChannelSendPayload } from './channel-delivery.js';
import { channelWebhookUrls } from './channel-webhook-urls.js';

/**
 * Sends one queued reply through its thread's connection: WhatsApp Cloud API (text, or the
 * template it was queued with) or Twilio (text with a status callback), and records SENT with
 * the provider's id. Only a QUEUED delivery is sent, so a retry after success sends nothing. A
 * provider's refusal (4xx) is FAILED with its reason at once; an outage (5xx, 429, network) is
 * retried with backoff, and FAILED after the last attempt.
 */
export function channelSendTask(deps: ChannelDependencies): JobTask<ChannelSendPayload> {
  return async (payload, run) => {
    if (payload.v !== 1) throw new Error(`channel-send payload version ${String(payload.v)} is unknown to this instance`);
    await run.asTenant(payload.organizationId, async (pharmacy) => {
      const delivery = await pharmacy.messageDeliveries('delivery').andWhere('delivery.messageId = :id', { id: payload.messageId }).getOne();
      if (!delivery || delivery.state !== MessageDeliveryState.QUEUED) return;
      const fail = (reason: string) => recordDelivery(pharmacy, deps.realtime, delivery.messageId, { state: MessageDeliveryState.FAILED, reason });
      const message = await pharmacy.messages('message').andWhere('message.id = :id', { id: delivery.messageId }).getOne();
      if (!message || message.deletedAt) return void (await fail('Deleted before it was sent'));
      const conversation = await pharmacy.conversations('conversation').andWhere('conversation.id = :id', { id: delivery.conversationId }).getOneOrFail();
      const customer = await pharmacy.customers('customer').andWhere('customer.id = :id', { id: conversation.customerId }).getOne();
      const opened = await openedConnection(deps, pharmacy, delivery.connectionId);
      if (!opened || !opened.connection.enabled) return void (await fail('The channel is disconnected'));
      if (!customer?.phone) return void (await fail('The customer has no phone number'));
      const body = message.body ?? '';
      if (!body.trim() && !delivery.template) return void (await fail('Files can’t be sent through this channel; only text'));
      const { connection, secrets } = opened;
      let providerMessageId: string;
      try {
        if (connection.kind === ChannelKind.WHATSAPP) {
          const api = new WhatsAppCloudApi(deps.channels.whatsappApiUrl, secrets.accessToken!);
          providerMessageId = delivery.template
            ? await api.sendTemplate(connection.whatsappPhoneNumberId!, customer.phone, delivery.template)
            : await api.sendText(connection.whatsappPhoneNumberId!, customer.phone, body);
        } else {
          const api = new TwilioChannelApi({ accountSid: connection.twilioAccountSid!, authToken: secrets.authToken!, apiUrl: deps.channels.twilioApiUrl });
          providerMessageId = await api.sendText(connection.phoneNumber, customer.phone, body, channelWebhookUrls(deps.publicUrl, connection).status);
        }
      } catch (error) {
        const reason = error instanceof ProviderRefusal ? error.reason : describeFailure(error);
        const fields = { messageId: delivery.messageId, connectionId: connection.id, attempt: run.attempt, reason };
        if (error instanceof ProviderRefusal) {
          logger.warn(fields, 'The provider refused a reply');
          return void (await fail(reason));
        }
        if (run.attempt >= run.maxAttempts) {
          logger.error(fields, 'A reply could not be sent; no more attempts');
          return void (await fail(`Not sent after ${run.attempt} attempts: ${reason}`));
        }
        logger.warn(fields, 'A reply could not be sent; it is tried again later');
        throw new Error(`Reply ${delivery.messageId} not sent: ${reason}`);
      }
      await recordDelivery(pharmacy, deps.realtime, delivery.messageId, { state: MessageDeliveryState.SENT, providerMessageId: providerMessageId || null });
    });
  };
}
