import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { description: 'Relay page information.' })
export class PageInfoType {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
