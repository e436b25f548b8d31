import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConversationChannel, ConversationPriority, ConversationStatus } from './conversation.enums.js';

/** Scalar fields; relations (customer, messages, unread count …) are in conversation-fields.resolver.ts. */
@ObjectType('Conversation', { description: 'A thread between a customer and the pharmacy.' })
export class ConversationType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  subject: string | null;

  @Field(() => ConversationStatus)
  status: ConversationStatus;

  @Field(() => ConversationPriority)
  priority: ConversationPriority;

  @Field(() => ConversationChannel)
  channel: ConversationChannel;

  @Field({ description: "The customer's default widget thread." })
  isDefault: boolean;

  @Field(() => Int, { description: 'Sequence number of the newest message; 0 before the first.' })
  lastSequence: number;

  @Field(() => Int)
  messageCount: number;

  @Field(() => Date, { nullable: true })
  lastMessageAt: Date | null;

  @Field(() => Date, { description: 'Inbox order: the last message time, or the creation time.' })
  lastActivityAt: Date;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}
