import { Field, ObjectType } from 'type-graphql';

@ObjectType('NotificationConsent', { description: "A customer's consent to notifications on one channel, and their opt-out." })
export class NotificationConsentType {
  @Field({ description: 'Whether notifications go out on this channel: an address, consent, and no opt-out.' })
  active: boolean;

  @Field(() => Date, { nullable: true, description: 'When the customer agreed (the widget form, for the address typed there).' })
  consentedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the customer unsubscribed (the e-mail link) or answered STOP (SMS).' })
  optedOutAt: Date | null;
}
