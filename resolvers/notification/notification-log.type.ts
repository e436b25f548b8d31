import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { NotificationChannel, NotificationRecipientKind, NotificationStatus } from '../../entities/notification-log-entry.entity.js';

registerEnumType(NotificationRecipientKind, { name: 'NotificationRecipientKind', description: 'Who a notification is for.' });
registerEnumType(NotificationChannel, {
  name: 'NotificationChannel',
  description: 'How a notification travels.',
  valuesConfig: {
    EMAIL: { description: 'E-mail to a customer.' },
    SMS: { description: 'A text message to a customer.' },
    PUSH: { description: 'Web Push to a staff browser.' },
    DIGEST: { description: 'The staff e-mail digest of waiting customer messages.' },
  },
});
registerEnumType(NotificationStatus, {
  name: 'NotificationStatus',
  description: 'What became of a notification.',
  valuesConfig: {
    QUEUED: { description: 'Waiting to be sent.' },
    SENT: { description: 'The mail server, SMS provider or push service took it.' },
    FAILED: { description: 'Every attempt failed (see reason).' },
    OPTED_OUT: { description: 'Not sent: the recipient unsubscribed from this channel.' },
    CANCELLED: { description: 'Not sent: no longer needed (read before it went out).' },
  },
});

@ObjectType('NotificationLogEntry', { description: 'A notification to a customer or staff member, and what became of it (admins). Never holds message text.' })
export class NotificationLogEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationRecipientKind)
  recipientKind: NotificationRecipientKind;

  @Field(() => ID, { description: "The customer's or staff member's id." })
  recipientId: string;

  @Field(() => NotificationChannel)
  channel: NotificationChannel;

  @Field(() => String, { nullable: true, description: 'E.g. j•••@example.com or +31•••••••78; null for push.' })
  maskedAddress: string | null;

  @Field(() => ID, { nullable: true })
  conversationId: string | null;

  @Field(() => NotificationStatus)
  status: NotificationStatus;

  @Field(() => String, { nullable: true, description: 'Why it was not sent, or how sending failed.' })
  reason: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;
}
