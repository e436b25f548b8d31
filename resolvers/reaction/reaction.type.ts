import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Reaction')
export class ReactionType {
  @Field(() => ID)
  id: string;

  @Field()
  emoji: string;

  @Field(() => Date)
  createdAt: Date;
}
