import { ActorType, type ActorRef } from '../../entities/actor-type.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import { hasDeliveries, MessageDelivery, MessageDeliveryState, type TemplateSend } from '../../entities/message-delivery.entity.js';
import { MessageKind, MessageVisibility, type Message } from '../../entities/message.entity.js';
import { conflict } from '../../gateway/errors/domain-error.js';
import { ConversationEventKind } from '../../gateway/pubsub/event-payloads.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';
import { whatsAppWindowOf } from './whatsapp-window.js';

export const CHANNEL_SEND_TASK = 'counterchat:channel-send';

/** Provider outages are retried with backoff for about a day before the reply counts as failed. */
export const SEND_MAX_ATTEMPTS = 15;

export interface ChannelSendPayload {
  v: 1;
  organizationId: string;
  messageId: string;
}

export const WINDOW_CLOSED_MESSAGE =
  'WhatsApp only allows a free-form reply within 24 hours of the customer’s last message. Send an approved template instead; the customer’s answer opens the window again.';

/**
 * Before a reply is appended to a thread that came in through WhatsApp: outside the 24-hour
 * window only a template may go out, so the reply is refused (CONFLICT) rather than stored
 * and never delivered.
 */
export async function assertMayReply(tx: OrganizationScope, conversation: Conversation, writer: ActorRef): Promise<void> {
  if (writer.type === ActorType.CUSTOMER || !conversation.channelConnectionId) return;
  const window = await whatsAppWindowOf(tx, conversation);
  if (window && !window.closesAt) throw conflict(WINDOW_CLOSED_MESSAGE);
}

/**
 * A reply just appended in `tx` to a thread with a channel connection goes out through it: its
 * delivery (QUEUED) and the send job commit with it, one job per message (job key), so it is
 * never sent twice. Customer messages, notes and team-only messages stay here.
 */
export async function queueChannelDelivery(tx: OrganizationScope, conversation: Conversation, message: Message, template: TemplateSend | null = null): Promise<void> {
  if (!hasDeliveries(conversation) || message.kind !== MessageKind.TEXT || message.visibility !== MessageVisibility.EVERYONE) return;
  if (message.senderType === ActorType.CUSTOMER) return;
  const delivery = await tx.insert(MessageDelivery, {
    messageId: message.id,
    conversationId: conversation.id,
    connectionId: conversation.channelConnectionId,
    state: MessageDeliveryState.QUEUED,
    providerMessageId: null,
    reason: null,
    template,
  });
  await tx.enqueueJob<ChannelSendPayload>({
    task: CHANNEL_SEND_TASK,
    payload: { v: 1, organizationId: tx.organizationId, messageId: delivery.messageId },
    jobKey: `channel-send:${message.id}`,
    maxAttempts: SEND_MAX_ATTEMPTS,
  });
}

const PROGRESS: Record<MessageDeliveryState, number> = {
  [MessageDeliveryState.QUEUED]: 0,
  [MessageDeliveryState.SENT]: 1,
  [MessageDeliveryState.DELIVERED]: 2,
  [MessageDeliveryState.READ]: 3,
  [MessageDeliveryState.FAILED]: 4,
};

/**
 * Whether a provider's report moves a delivery on: states only go forward (callbacks arrive
 * out of order: a late "sent" must not undo "read"), and FAILED is final.
 */
export function movesOn(current: MessageDeliveryState, next: MessageDeliveryState): boolean {
  if (current === MessageDeliveryState.FAILED) return false;
  if (next === MessageDeliveryState.FAILED) return current !== MessageDeliveryState.READ;
  return PROGRESS[next] > PROGRESS[current];
}

/**
 * Records a delivery's new state and tells the thread's subscribers (DELIVERY_CHANGED), who
 * read `Message.delivery` as they run. False when the state would not move on.
 */
export async function recordDelivery(
  scope: OrganizationScope,
  realtime: RealtimePublisher,
  messageId: string,
  change: { state: MessageDeliveryState; reason?: string | null; providerMessageId?: string | null },
): Promise<boolean> {
  const updated = await scope.transaction(async (tx) => {
    const delivery = await tx.messageDeliveries('delivery').andWhere('delivery.messageId = :messageId', { messageId }).setLock('pessimistic_write').getOne();
    if (!delivery || !movesOn(delivery.state, change.state)) return false;
    await tx.update(
      MessageDelivery,
      { messageId },
      {
        state: change.state,
        reason: change.state === MessageDeliveryState.FAILED ? (change.reason ?? 'Not delivered').slice(0, 500) : null,
        ...(change.providerMessageId ? { providerMessageId: change.providerMessageId } : {}),
        updatedAt: new Date(),
      },
    );
    return true;
  });
  if (!updated) return false;
  const message = await scope.messages('message').andWhere('message.id = :messageId', { messageId }).getOne();
  if (message) {
    const sender = message.senderType && message.senderId ? { type: message.senderType, id: message.senderId, name: null } : null;
    realtime.message(ConversationEventKind.DELIVERY_CHANGED, message, { sender });
  }
  return true;
}

/** A provider's status report for one of this connection's messages; unknown ids (not ours, or not recorded yet) change nothing. */
export async function applyDeliveryStatus(
  scope: OrganizationScope,
  realtime: RealtimePublisher,
  connectionId: string,
  update: { providerMessageId: string; state: MessageDeliveryState; reason: string | null },
): Promise<void> {
  const delivery = await scope
    .messageDeliveries('delivery')
    .andWhere('delivery.connectionId = :connectionId AND delivery.providerMessageId = :providerMessageId', { connectionId, providerMessageId: update.providerMessageId })
    .getOne();
  if (delivery) await recordDelivery(scope, realtime, delivery.messageId, { state: update.state, reason: update.reason });
}
