import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ChannelKind } from '../../entities/channel-connection.entity.js';

registerEnumType(ChannelKind, {
  name: 'ChannelKind',
  description: 'A provider whose conversations land in the inbox.',
  valuesConfig: {
    WHATSAPP: { description: 'A WhatsApp Business number through the WhatsApp Cloud API (Meta).' },
    SMS: { description: "An SMS number through Twilio's Messages API." },
  },
});

export { ChannelKind };

@ObjectType('WhatsAppTemplate', { description: 'An approved WhatsApp message template: what may be sent outside the 24-hour window.' })
export class WhatsAppTemplateType {
  @Field()
  name: string;

  @Field({ description: 'As approved at Meta, e.g. nl or en_US.' })
  language: string;
}

@ObjectType('ChannelSecretHints', { description: 'The last four characters of each secret that is set (null: not set). Secrets themselves are never returned.' })
export class ChannelSecretHintsType {
  @Field(() => String, { nullable: true })
  accessToken?: string | null;

  @Field(() => String, { nullable: true })
  appSecret?: string | null;

  @Field(() => String, { nullable: true })
  verifyToken?: string | null;

  @Field(() => String, { nullable: true })
  authToken?: string | null;
}

@ObjectType('ChannelConnection', { description: "A pharmacy's WhatsApp or SMS number whose conversations land in the inbox (admins)." })
export class ChannelConnectionType {
  @Field(() => ID)
  id: string;

  @Field(() => ChannelKind)
  kind: ChannelKind;

  @Field()
  name: string;

  @Field({ description: 'E.164; for SMS also the sender of replies.' })
  phoneNumber: string;

  @Field({ description: 'Off: webhooks are refused and replies are not sent.' })
  enabled: boolean;

  @Field(() => String, { nullable: true })
  whatsappPhoneNumberId: string | null;

  @Field(() => String, { nullable: true })
  whatsappBusinessAccountId: string | null;

  @Field(() => String, { nullable: true })
  twilioAccountSid: string | null;

  @Field(() => ChannelSecretHintsType)
  secretHints: ChannelSecretHintsType;

  @Field(() => [WhatsAppTemplateType])
  whatsappTemplates: WhatsAppTemplateType[];

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}
