import { IsEmail, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType('CreateCustomerInput', { description: 'A customer to add; give a phone number or email so they can be reached.' })
export class CreateCustomerInput {
  @Field()
  @Length(1, 200, { message: 'A name needs 1 to 200 characters.' })
  name: string;

  @Field({ nullable: true, description: 'E.164, e.g. +31612345678.' })
  phone?: string;

  @Field({ nullable: true })
  @IsEmail({}, { message: 'Enter a valid email address.' })
  email?: string;

  @Field({ nullable: true, description: "The web store's own id; unique within the pharmacy." })
  @Length(1, 200)
  externalId?: string;
}

@InputType('UpdateCustomerInput', { description: 'Only the fields given change; null clears an optional one.' })
export class UpdateCustomerInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"id" is not a valid id.' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'A name needs 1 to 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +31612345678.' })
  @IsOptional()
  @MaxLength(40)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "The web store's own id; unique within the pharmacy." })
  @IsOptional()
  @Length(1, 200)
  externalId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not in the future.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Enter the date of birth as YYYY-MM-DD.' })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'A language code such as "nl" or "en".' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'Enter a language code such as "nl" or "en".' })
  preferredLanguage?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text for staff, up to 2,000 characters.' })
  @IsOptional()
  @MaxLength(2000, { message: 'A staff note can be at most 2,000 characters.' })
  staffNote?: string | null;
}
