import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('PartnerApp', { description: 'A partner system (by its API key) that sent a message or reacted.' })
export class PartnerAppType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}
