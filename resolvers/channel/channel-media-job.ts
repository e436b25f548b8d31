import type { InboundMessage } from './inbound-message.js';

/** Downloads an inbound message's media and appends it (channel-media.task.ts). */
export const CHANNEL_MEDIA_TASK = 'counterchat:channel-media';

export interface ChannelMediaPayload {
  v: 1;
  organizationId: string;
  connectionId: string;
  customerId: string;
  inbound: InboundMessage;
}
