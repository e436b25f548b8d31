import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType('CreateSavedReplyInput', { description: 'A new saved reply: yours, or (admins) the whole pharmacy’s.' })
export class CreateSavedReplyInput {
  @Field({ description: 'Lower-case letters, digits and dashes, up to 40 (a leading "/" is dropped, capitals are lowered). Unique among the shared replies, or among your own.' })
  shortcut: string;

  @Field({ description: 'Up to 100 characters, shown in the "/" list.' })
  title: string;

  @Field({ description: 'Up to 4,000 characters. Only the placeholders in savedReplyPlaceholders are accepted.' })
  body: string;

  @Field(() => Boolean, { nullable: true, description: "True: the pharmacy's, for the whole team (admins only). Default: your own." })
  @IsOptional()
  shared?: boolean | null;
}

@InputType('UpdateSavedReplyInput', { description: 'Only the given fields change.' })
export class UpdateSavedReplyInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"id" is not a valid id.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  shortcut?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  body?: string | null;
}
