import { IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';

const COLOUR = /^#[0-9a-fA-F]{6}$/;
const COLOUR_MESSAGE = '"colour" is a colour as #rrggbb, e.g. #2f855a.';
const NAME_MESSAGE = '"name" needs 1 to 40 characters.';

@InputType('CreateLabelInput', { description: 'A new label of the pharmacy.' })
export class CreateLabelInput {
  @Field({ description: 'Unique in the pharmacy whatever its case; spaces around it are dropped.' })
  @Length(1, 40, { message: NAME_MESSAGE })
  name: string;

  @Field({ description: '#rrggbb.' })
  @Matches(COLOUR, { message: COLOUR_MESSAGE })
  colour: string;
}

@InputType('UpdateLabelInput', { description: 'Renames or recolours a label; only the given fields change.' })
export class UpdateLabelInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"labelId" is not a valid id.' })
  labelId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40, { message: NAME_MESSAGE })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(COLOUR, { message: COLOUR_MESSAGE })
  colour?: string | null;
}

@ArgsType()
export class ConversationLabelArgs {
  @Field(() => ID)
  @IsUUID('all', { message: '"conversationId" is not a valid id.' })
  conversationId: string;

  @Field(() => ID)
  @IsUUID('all', { message: '"labelId" is not a valid id.' })
  labelId: string;
}
