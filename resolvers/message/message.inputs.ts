import { IsUUID, Length } from 'class-validator';
import { GraphQLUpload, type FileUpload } from 'graphql-upload-minimal';
import { Field, ID, InputType } from 'type-graphql';

@InputType('SendMessageInput', { description: 'A message to send, optionally with files (GraphQL multipart request).' })
export class SendMessageInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"conversationId" is not a valid id.' })
  conversationId: string;

  @Field({ defaultValue: '', description: 'Plain text, up to 4,000 characters; may be empty only when files are attached.' })
  body: string;

  @Field({ description: 'Chosen by the client (e.g. a UUID). Retrying with the same id returns the original message.' })
  @Length(1, 100, { message: '"clientMessageId" needs 1 to 100 characters.' })
  clientMessageId: string;

  @Field(() => ID, { nullable: true })
  @IsUUID('all', { message: '"replyToId" is not a valid id.' })
  replyToId?: string;

  @Field(() => [GraphQLUpload], {
    nullable: true,
    description: 'Up to 5 photos (JPEG, PNG, GIF, WebP, HEIC), PDFs or Word documents of at most 10 MB each, sent as a GraphQL multipart request.',
  })
  attachments?: Promise<FileUpload>[];
}

@InputType('EditMessageInput', { description: 'New text for one of your own messages.' })
export class EditMessageInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"messageId" is not a valid id.' })
  messageId: string;

  @Field()
  body: string;
}
