import { IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType('WriteNoteInput', { description: 'An internal note in a thread: only the pharmacy team sees it.' })
export class WriteNoteInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"conversationId" is not a valid id.' })
  conversationId: string;

  @Field({ description: 'Plain text, up to 4,000 characters. "@Name" mentions a colleague: they get a badge until they read the conversation.' })
  body: string;

  @Field({ description: 'Chosen by the client (e.g. a UUID). Retrying with the same id returns the original note.' })
  @Length(1, 100, { message: '"clientMessageId" needs 1 to 100 characters.' })
  clientMessageId: string;
}
