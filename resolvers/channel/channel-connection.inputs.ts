import { ArrayMaxSize, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ChannelKind } from './channel-connection.type.js';

@InputType('WhatsAppTemplateInput', { description: 'An approved WhatsApp message template the pharmacy may send outside the 24-hour window: its name and language as Meta lists them.' })
export class WhatsAppTemplateInput {
  @Field()
  @Length(1, 512)
  name: string;

  @Field()
  @Length(2, 10)
  language: string;
}

@InputType('ChannelSecretsInput', { description: 'Secrets to store (sealed); each given one replaces the stored one, omitted ones stay.' })
export class ChannelSecretsInput {
  @Field(() => String, { nullable: true, description: 'WhatsApp: a system user access token with whatsapp_business_messaging.' })
  @IsOptional()
  @MaxLength(1000)
  accessToken?: string | null;

  @Field(() => String, { nullable: true, description: "WhatsApp: the Meta app's secret, which signs webhooks (X-Hub-Signature-256)." })
  @IsOptional()
  @MaxLength(1000)
  appSecret?: string | null;

  @Field(() => String, { nullable: true, description: 'WhatsApp: the verify token you also type into the webhook settings at Meta.' })
  @IsOptional()
  @MaxLength(1000)
  verifyToken?: string | null;

  @Field(() => String, { nullable: true, description: "SMS: the Twilio account's Auth Token (signs webhooks, authenticates sends)." })
  @IsOptional()
  @MaxLength(1000)
  authToken?: string | null;
}

/** The provider ids and templates both inputs take. */
@InputType()
abstract class ChannelConnectionIdsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  whatsappPhoneNumberId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  whatsappBusinessAccountId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  twilioAccountSid?: string | null;

  @Field(() => [WhatsAppTemplateInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  whatsappTemplates?: WhatsAppTemplateInput[] | null;
}

@InputType('CreateChannelConnectionInput', { description: 'A WhatsApp Business number or a Twilio SMS number to connect; secrets are stored sealed and never returned.' })
export class CreateChannelConnectionInput extends ChannelConnectionIdsInput {
  @Field(() => ChannelKind)
  kind: ChannelKind;

  @Field()
  @MaxLength(200)
  name: string;

  @Field({ description: 'E.164, e.g. +31612345678.' })
  @MaxLength(20)
  phoneNumber: string;


  @Field(() => ChannelSecretsInput)
  @ValidateNested()
  secrets: ChannelSecretsInput;

}

@InputType('UpdateChannelConnectionInput', { description: 'Only the given fields change.' })
export class UpdateChannelConnectionInput extends ChannelConnectionIdsInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  phoneNumber?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  enabled?: boolean | null;


  @Field(() => ChannelSecretsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  secrets?: ChannelSecretsInput | null;

}
