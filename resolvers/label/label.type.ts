import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Label', { description: "A pharmacy's name for a kind of thread, e.g. \"Repeat prescription\". Admins define them; staff put them on threads." })
export class LabelType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Unique in the pharmacy whatever its case; 1 to 40 characters.' })
  name: string;

  @Field({ description: 'The colour of its chips, as #rrggbb (lower case).' })
  colour: string;

  @Field(() => Date)
  createdAt: Date;
}
