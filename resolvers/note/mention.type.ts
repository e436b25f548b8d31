import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('NoteMention', { description: 'An internal note that names you with "@", not yet seen: it goes once you read its conversation.' })
export class NoteMentionType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  conversationId: string;

  @Field(() => Date)
  createdAt: Date;
}
