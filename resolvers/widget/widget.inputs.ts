import { Equals, IsEmail, Length, Matches } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

@InputType('StartWidgetSessionInput', { description: "An anonymous visitor's pre-chat form." })
export class StartWidgetSessionInput {
  @Field()
  @Length(1, 100)
  organizationSlug: string;

  @Field()
  @Length(1, 200, { message: 'A name needs 1 to 200 characters.' })
  name: string;

  @Field({ nullable: true, description: 'E.164, e.g. +31612345678. A phone number or an email is required.' })
  phone?: string;

  @Field({ nullable: true })
  @IsEmail({}, { message: 'Enter a valid email address.' })
  email?: string;

  @Field({ description: 'Must be true: the visitor agrees to be contacted about their question.' })
  @Equals(true, { message: 'Please agree to be contacted so the pharmacy can answer you.' })
  consentToContact: boolean;
}

@InputType('IdentifyWidgetCustomerInput', {
  description: "A store customer, signed by the store's backend with the widget secret (see the README's store section).",
})
export class IdentifyWidgetCustomerInput {
  @Field()
  @Length(1, 100)
  organizationSlug: string;

  @Field({ description: "The store's own customer id." })
  @Length(1, 200)
  externalId: string;

  @Field()
  @Length(1, 200, { message: 'A name needs 1 to 200 characters.' })
  name: string;

  @Field({ nullable: true })
  @IsEmail({}, { message: 'Enter a valid email address.' })
  email?: string;

  @Field({ nullable: true, description: 'E.164, e.g. +31612345678.' })
  phone?: string;

  @Field(() => Int, { description: 'Unix time in seconds when the store signed this.' })
  issuedAt: number;

  @Field({ description: 'Random, 16 to 200 characters, never reused.' })
  @Length(16, 200, { message: 'The nonce needs 16 to 200 characters.' })
  nonce: string;

  @Field({ description: 'Hex HMAC-SHA256 of the canonical string with the widget secret.' })
  @Matches(/^[0-9a-f]{64}$/i, { message: 'The signature must be 64 hex characters.' })
  signature: string;
}
