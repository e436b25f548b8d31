import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('SavedReply', {
  description:
    'A canned answer staff insert by typing "/" and its shortcut in the composer. Shared ones are the pharmacy\'s (admins keep them); the others are the viewer\'s own and nobody else sees them. The body may hold placeholders such as {{customer.firstName}}, filled in when inserted (see savedReplyPlaceholders).',
})
export class SavedReplyType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Lower-case letters, digits and dashes, typed after "/".' })
  shortcut: string;

  @Field()
  title: string;

  @Field({ description: 'As written, placeholders unfilled.' })
  body: string;

  @Field({ description: "The pharmacy's (true) or the viewer's own (false)." })
  shared: boolean;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}
