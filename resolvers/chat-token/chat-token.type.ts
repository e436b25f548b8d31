import { Field, ObjectType } from 'type-graphql';

@ObjectType('ChatToken', { description: "A customer's credential for the chat widget." })
export class ChatTokenType {
  @Field({ description: 'Bearer token for the customer; keep it secret.' })
  token: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field({ description: 'Opens the chat already signed in as the customer; send it to them.' })
  chatLink: string;
}
