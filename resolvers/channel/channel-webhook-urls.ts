import { ChannelKind, type ChannelConnection } from '../../entities/channel-connection.entity.js';

/** Where providers call: `/channels/whatsapp/{webhookId}` and `/channels/sms/{webhookId}` (status callbacks at `/status` below it). */
export const CHANNEL_WEBHOOK_PATHS = {
  whatsapp: '/channels/whatsapp/:webhookId',
  sms: '/channels/sms/:webhookId',
  smsStatus: '/channels/sms/:webhookId/status',
} as const;

/** A connection's webhook URLs under PUBLIC_URL: what the provider is given, and what Twilio signs. */
export function channelWebhookUrls(publicUrl: string, connection: Pick<ChannelConnection, 'kind' | 'webhookId'>): { inbound: string; status: string } {
  const id = encodeURIComponent(connection.webhookId);
  const inbound = connection.kind === ChannelKind.WHATSAPP ? `${publicUrl}/channels/whatsapp/${id}` : `${publicUrl}/channels/sms/${id}`;
  // WhatsApp reports statuses to the same callback URL.
  return { inbound, status: connection.kind === ChannelKind.WHATSAPP ? inbound : `${inbound}/status` };
}
