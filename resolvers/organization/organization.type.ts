import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('BusinessHoursRange', { description: 'Opening hours on one weekday, in the organization time zone.' })
export class BusinessHoursRangeType {
  @Field(() => Int, { description: '0 = Sunday … 6 = Saturday.' })
  day: number;

  @Field({ description: 'Local time, HH:MM.' })
  opens: string;

  @Field({ description: 'Local time, HH:MM.' })
  closes: string;
}

@ObjectType('AutoReplySettings', { description: 'The reply to customers who write while the pharmacy is closed.' })
export class AutoReplySettingsType {
  @Field({ description: 'Sent once per conversation per closed period (outside business hours), never while open.' })
  enabled: boolean;

  @Field(() => String, { nullable: true, description: 'For customers in English (and anyone whose language has no text).' })
  textEn: string | null;

  @Field(() => String, { nullable: true, description: 'For customers in Dutch.' })
  textNl: string | null;
}

@ObjectType('OrganizationSettings', { description: 'Per-pharmacy preferences the widget and statistics use.' })
export class OrganizationSettingsType {
  @Field(() => String, { nullable: true, description: 'E.g. "We usually reply within an hour".' })
  replyTimeText: string | null;

  @Field(() => String, { nullable: true, description: 'The same in Dutch, for the widget on Dutch pages.' })
  replyTimeTextNl?: string | null;

  @Field({ description: 'IANA time zone, e.g. Europe/Amsterdam.' })
  timeZone: string;

  @Field(() => [BusinessHoursRangeType])
  businessHours: BusinessHoursRangeType[];

  @Field({ description: 'Brand colour, #rrggbb.' })
  primaryColor: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Text-search configuration for message search (e.g. english, dutch, german, simple); null searches as simple. ' +
      'Applies to messages written after it is set.',
  })
  language?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Messages and their files older than this many days are purged every hour (tombstones stay); null keeps them.',
  })
  retentionDays?: number | null;

  @Field(() => AutoReplySettingsType, { description: 'The reply to customers who write outside business hours.' })
  autoReply?: AutoReplySettingsType;
}

@ObjectType('Organization', { description: 'A pharmacy.' })
export class OrganizationType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'Used in the widget snippet: data-org="<slug>".' })
  slug: string;

  @Field(() => OrganizationSettingsType)
  settings: OrganizationSettingsType;
}
