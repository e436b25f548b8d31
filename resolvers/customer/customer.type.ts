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

  @Field(() => Date)
  createdAt: Date;
}
