import { IsEmail, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

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
