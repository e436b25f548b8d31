import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ActorRef } from '../../entities/actor-type.js';
import type { Message } from '../../entities/message.entity.js';
import { ConversationEventKind } from '../../gateway/pubsub/event-payloads.js';
import { MessageType } from '../message/message.type.js';

registerEnumType(ConversationEventKind, { name: 'ConversationEventKind' });

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

  @Field(() => MessageType, { nullable: true, description: 'Set for MESSAGE_* and REACTIONS_CHANGED.' })
  message: Message | null;

  @Field(() => ReadReceiptType, { nullable: true, description: 'Set for READ.' })
  read: ReadReceiptType | null;
}
