import { Field, ID, ObjectType } from 'type-graphql';

/** Contact details need customers:read wherever a Customer is reached: `gateway/auth/field-permissions.ts`. */
@ObjectType('Customer', { description: 'Someone who chats with the pharmacy.' })
export class CustomerType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +31612345678. Partner keys need customers:read.' })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Partner keys need customers:read.' })
  email: string | null;

  @Field(() => String, { nullable: true, description: "The web store's own id for this customer. Partner keys need customers:read." })
  externalId: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. Partner keys need customers:read.' })
  dateOfBirth: string | null;

  @Field(() => String, { nullable: true, description: 'The language to answer in, e.g. "nl". Partner keys need customers:read.' })
  preferredLanguage: string | null;

  @Field(() => String, { nullable: true, description: "The pharmacy's own note about the customer: staff only (null for anyone else)." })
  staffNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When the pharmacy blocked the customer; null when not blocked. Staff only (null for anyone else).' })
  blockedAt: Date | null;

  @Field({ description: 'Created by a WhatsApp or SMS message from an unknown number: the number is the provider’s word, the name only what the sender calls themselves.' })
  unverified: boolean;

  @Field(() => Date)
  createdAt: Date;
}
