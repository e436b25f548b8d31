import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MailDeliveryStatus, MailTemplate } from '../../entities/mail-delivery.entity.js';

registerEnumType(MailDeliveryStatus, {
  name: 'MailDeliveryStatus',
  description: 'How sending an e-mail went.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for its first attempt.' },
    SENT: { description: 'The mail server took it.' },
    RETRYING: { description: 'An attempt failed (see lastError); it is tried again later, with growing waits.' },
    FAILED: { description: 'Every attempt failed (about six hours of them).' },
    REPLACED: { description: 'A newer mail of the same kind replaced it before it went out (a resent invitation).' },
  },
});
registerEnumType(MailTemplate, {
  name: 'MailTemplate',
  description: 'Which mail it is.',
  valuesConfig: {
    STAFF_INVITATION: { description: 'An invitation to join the team.' },
    PASSWORD_RESET: { description: 'A password reset link.' },
    STAFF_DIGEST: { description: 'A staff member told that a customer message has waited too long for a reply.' },
  },
});

@ObjectType('MailDelivery', { description: 'An e-mail the pharmacy sent (or is sending), and how that went (admins).' })
export class MailDeliveryType {
  @Field(() => ID)
  id: string;

  @Field(() => MailTemplate)
  template: MailTemplate;

  @Field()
  recipient: string;

  @Field(() => MailDeliveryStatus)
  status: MailDeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, as the mail server or network said.' })
  lastError: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;
}
