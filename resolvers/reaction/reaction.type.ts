import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Reaction', { description: 'An emoji someone put on a message; one per person and emoji.' })
export class ReactionType {
  @Field(() => ID)
  id: string;

  @Field()
  emoji: string;

  @Field(() => Date)
  createdAt: Date;
}
