import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SystemEventKind } from '../../entities/message.entity.js';
registerEnumType(SystemEventKind, {
  name: 'SystemEventType',
  description: 'What a SYSTEM message records.',
  valuesConfig: {
    STATUS_CHANGED: { description: 'from/to are ConversationStatus values.' },
    ASSIGNEE_CHANGED: { description: 'from/to are staff member ids (null: unassigned).' },
    AUTO_REPLY: {
      description: "The pharmacy's automatic reply to a customer writing outside business hours: the body is its text, from its language (en, nl), to the opening that ends the closed period (ISO date-time).",
    },
    SNOOZED: { description: 'to: when the thread comes back to Open (ISO time); from: an earlier snooze it replaced, or null. Team only.' },
    UNSNOOZED: { description: 'from: the wake-up time the snooze had; to: null. Team only.' },
    CALL_STARTED: { description: 'A video call started ringing: callId names it.' },
    CALL_ENDED: { description: 'A video call ended: durationSeconds says how long it lasted (null: never answered).' },
    CALL_MISSED: { description: 'Nobody answered a video call in time.' },
    CALL_DECLINED: { description: 'The customer declined a video call.' },
  },
});

@ObjectType('SystemEvent', { description: 'What a SYSTEM message records, for clients that word it themselves.' })
export class SystemEventType {
  @Field(() => SystemEventKind)
  type: SystemEventKind;

  @Field(() => String, { nullable: true, description: 'Previous status, or previous assignee id.' })
  from: string | null;

  @Field(() => String, { nullable: true, description: 'New status, or new assignee id.' })
  to: string | null;

  @Field(() => ID, { nullable: true, description: 'CALL_* events: the video call.' })
  callId?: string | null;

  @Field(() => Int, { nullable: true, description: 'CALL_ENDED: seconds from the customer joining to the end; null if it was never answered.' })
  durationSeconds?: number | null;
}
