import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ActorRef } from '../../entities/actor-type.js';
import type { Message } from '../../entities/message.entity.js';
import { ConversationEventKind } from '../../gateway/pubsub/event-payloads.js';
import { MessageType } from '../message/message.type.js';

registerEnumType(ConversationEventKind, {
  name: 'ConversationEventKind',
  description: 'What happened in a conversation event.',
  valuesConfig: {
    MESSAGE_ADDED: { description: 'A new message; replayed ones (afterSequence) arrive the same way.' },
    MESSAGE_EDITED: { description: 'A message body changed (editedAt is set).' },
    MESSAGE_DELETED: { description: 'A message became a tombstone (body null, deletedAt set).' },
    REACTIONS_CHANGED: { description: 'Reactions on a message changed.' },
    DELIVERY_CHANGED: { description: "A reply sent through WhatsApp or SMS changed delivery state; see message.delivery." },
    READ: { description: 'Someone read up to a sequence; see read.' },
  },
});

@ObjectType('ReadReceipt', { description: 'Someone has read the conversation up to a sequence number.' })
export class ReadReceiptType {
  reader: ActorRef;

  @Field(() => Int)
  sequence: number;

  @Field(() => Date)
  readAt: Date;
}

@ObjectType('ConversationEvent', {
  description: 'Something happened in one conversation. Message events carry the message; READ carries a receipt.',
})
export class ConversationEventType {
  @Field(() => ConversationEventKind)
  kind: ConversationEventKind;

  @Field(() => ID)
  conversationId: string;

  @Field(() => MessageType, { nullable: true, description: 'Set for MESSAGE_*, REACTIONS_CHANGED and DELIVERY_CHANGED.' })
  message: Message | null;

  @Field(() => ReadReceiptType, { nullable: true, description: 'Set for READ.' })
  read: ReadReceiptType | null;
}
