import type { ActorRef } from '../../entities/actor-type.js';
import type { Attachment } from '../../entities/attachment.entity.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { Message } from '../../entities/message.entity.js';
import { hasDeliveries, type MessageDelivery } from '../../entities/message-delivery.entity.js';
import type { Reaction } from '../../entities/reaction.entity.js';
import type { MessageRelations } from '../../gateway/pubsub/published-rows.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { publishedActors } from '../actor/actor-names.js';

const senderOf = (message: Message): ActorRef | null =>
  message.senderType && message.senderId ? { type: message.senderType, id: message.senderId } : null;

/**
 * What events carry of messages of `conversation` beyond their rows (senders' names,
 * attachments, reactions, deliveries), looked up for many messages at once, as a replay needs:
 * a statement per relation and per kind of sender, not per message, and none for deliveries in
 * a thread that has none. In the order the subscribers' loaders use.
 */
export async function loadMessageRelations(scope: TenantScope, conversation: Pick<Conversation, 'channelConnectionId'>, messages: readonly Message[]): Promise<MessageRelations[]> {
  if (messages.length === 0) return [];
  const messageIds = messages.map((message) => message.id);
  const senders = messages.map(senderOf);
  // One after the other: the replay reads them in one transaction, on one connection.
  const named = await publishedActors(scope, senders.filter((sender): sender is ActorRef => sender !== null));
  const attachments = await scope
    .attachments('attachment')
    .andWhere('attachment.messageId IN (:...messageIds)', { messageIds })
    .orderBy('attachment.createdAt', 'ASC')
    .getMany();
  const reactions = await scope.reactions('reaction').andWhere('reaction.messageId IN (:...messageIds)', { messageIds }).orderBy('reaction.createdAt', 'ASC').getMany();
  const deliveries = hasDeliveries(conversation)
    ? await scope.messageDeliveries('delivery').andWhere('delivery.messageId IN (:...messageIds)', { messageIds }).getMany()
    : [];
  const deliveryOf = new Map<string, MessageDelivery>(deliveries.map((delivery) => [delivery.messageId, delivery]));
  const byMessage = <T extends { messageId: string | null }>(rows: readonly T[]) => {
    const grouped = new Map<string, T[]>(messageIds.map((id) => [id, []]));
    for (const row of rows) if (row.messageId) grouped.get(row.messageId)?.push(row);
    return grouped;
  };
  const attachmentsOf = byMessage<Attachment>(attachments);
  const reactionsOf = byMessage<Reaction>(reactions);
  let nextNamed = 0;
  return messages.map((message, index) => ({
    sender: senders[index] ? named[nextNamed++]! : null,
    attachments: attachmentsOf.get(message.id)!,
    reactions: reactionsOf.get(message.id)!,
    delivery: deliveryOf.get(message.id) ?? null,
  }));
}
