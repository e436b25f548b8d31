import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { MessageDeliveryState } from '../../entities/message-delivery.entity.js';

registerEnumType(MessageDeliveryState, {
  name: 'MessageDeliveryState',
  description: 'Where a reply sent through WhatsApp or SMS is, as the provider last reported.',
  valuesConfig: {
    QUEUED: { description: 'Waiting to be handed to the provider (retried with backoff during an outage).' },
    SENT: { description: 'The provider accepted it.' },
    DELIVERED: { description: "It reached the customer's phone." },
    READ: { description: 'The customer opened it (WhatsApp, when read receipts are on).' },
    FAILED: { description: 'It will not arrive; reason says why, in the provider’s words.' },
  },
});

export { MessageDeliveryState };

@ObjectType('MessageDelivery', { description: 'The delivery of a reply through its thread’s WhatsApp or SMS connection.' })
export class MessageDeliveryType {
  @Field(() => MessageDeliveryState)
  state: MessageDeliveryState;

  @Field(() => String, { nullable: true, description: "For FAILED: the provider's error code and message." })
  reason: string | null;

  @Field(() => Date)
  updatedAt: Date;
}
