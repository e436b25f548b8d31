import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MessageKind, MessageVisibility } from './message.enums.js';
import { SystemEventType } from './system-event.type.js';

/** Scalar fields; sender, attachments, reply-to and reactions are in message-fields.resolver.ts. */
@ObjectType('Message', { description: 'One message in a conversation, in sequence order.' })
export class MessageType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  conversationId: string;

  @Field(() => Int, { description: 'Strictly increasing within the conversation, without gaps.' })
  sequence: number;

  @Field(() => MessageKind)
  kind: MessageKind;

  @Field(() => MessageVisibility, { description: 'TEAM messages are never shown to customers.' })
  visibility: MessageVisibility;

  @Field(() => String, { nullable: true, description: 'Plain text; null once the message is deleted.' })
  body: string | null;

  @Field(() => SystemEventType, { nullable: true })
  systemEvent: SystemEventType | null;

  @Field(() => String, { nullable: true, description: 'As sent by the client, for reconciling optimistic sends.' })
  clientMessageId: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  editedAt: Date | null;

  @Field(() => Date, { nullable: true })
  deletedAt: Date | null;
}
