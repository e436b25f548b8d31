import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Customer', { description: 'Someone who chats with the pharmacy.' })
export class CustomerType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +31612345678.' })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: "The web store's own id for this customer." })
  externalId: string | null;

  @Field(() => Date)
  createdAt: Date;
}
