import { IsBoolean, IsHexColor, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { AUTO_REPLY_MAX_LENGTH, NOTIFICATION_SETTING_BOUNDS, WidgetThreadPolicy } from '../../entities/organization-settings.js';
import { RETENTION_DAYS } from './organization-settings.service.js';

const RETENTION_WORDS = `Keep messages between ${RETENTION_DAYS.min} and ${RETENTION_DAYS.max} days, or send null to keep them forever.`;

@InputType('BusinessHoursRangeInput', { description: 'Opening hours on one weekday, in the organization time zone.' })
export class BusinessHoursRangeInput {
  @Field(() => Int, { description: '0 = Sunday … 6 = Saturday.' })
  day: number;

  @Field({ description: 'Local time, HH:MM.' })
  opens: string;

  @Field({ description: 'Local time, HH:MM (24:00 for midnight).' })
  closes: string;
}

const AUTO_REPLY_WORDS = `Keep the auto-reply to ${AUTO_REPLY_MAX_LENGTH} characters.`;

@InputType('AutoReplyInput', { description: 'The reply to customers who write while the pharmacy is closed. Given fields replace the stored ones.' })
export class AutoReplyInput {
  @Field(() => Boolean, { nullable: true, description: 'Send it (needs a text in at least one language).' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;

  @Field(() => String, { nullable: true, description: `English text, at most ${AUTO_REPLY_MAX_LENGTH} characters; an empty string removes it.` })
  @IsOptional()
  @MaxLength(AUTO_REPLY_MAX_LENGTH, { message: AUTO_REPLY_WORDS })
  textEn?: string | null;

  @Field(() => String, { nullable: true, description: `Dutch text, at most ${AUTO_REPLY_MAX_LENGTH} characters; an empty string removes it.` })
  @IsOptional()
  @MaxLength(AUTO_REPLY_MAX_LENGTH, { message: AUTO_REPLY_WORDS })
  textNl?: string | null;
}

@InputType('UpdateOrganizationSettingsInput', { description: 'Only the given fields change.' })
export class UpdateOrganizationSettingsInput {
  @Field(() => String, { nullable: true, description: 'Shown in the widget; an empty string removes it.' })
  @IsOptional()
  @MaxLength(120, { message: 'Keep the reply time to 120 characters.' })
  replyTimeText?: string | null;

  @Field(() => String, { nullable: true, description: 'The same in Dutch, shown by the widget on Dutch pages; an empty string removes it.' })
  @IsOptional()
  @MaxLength(120)
  replyTimeTextNl?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Amsterdam.' })
  timeZone?: string;

  @Field(() => [BusinessHoursRangeInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  businessHours?: BusinessHoursRangeInput[];

  @Field(() => String, { nullable: true, description: 'Brand colour, #rrggbb.' })
  @IsOptional()
  @IsHexColor({ message: 'Give the colour as #rrggbb.' })
  primaryColor?: string;

  @Field(() => String, { nullable: true, description: 'Text-search configuration, e.g. english, dutch, german, simple. Changing it re-indexes every message.' })
  language?: string;

  @Field(() => WidgetThreadPolicy, { nullable: true })
  widgetThreads?: WidgetThreadPolicy;

  @Field(() => Int, { nullable: true, description: `Days to keep messages (${RETENTION_DAYS.min}–${RETENTION_DAYS.max}); null keeps them forever.` })
  @IsOptional()
  @IsInt({ message: RETENTION_WORDS })
  @Min(RETENTION_DAYS.min, { message: RETENTION_WORDS })
  @Max(RETENTION_DAYS.max, { message: RETENTION_WORDS })
  retentionDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Require two-factor sign-in for all staff: those without it enrol at their next sign-in.' })
  requireTwoFactor?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: `Minutes a staff reply may stay unread (widget closed) before the customer gets an e-mail or SMS (${NOTIFICATION_SETTING_BOUNDS.customerNotificationDelayMinutes.min}–${NOTIFICATION_SETTING_BOUNDS.customerNotificationDelayMinutes.max}; default 5).`,
  })
  @IsOptional()
  @IsInt()
  @Min(NOTIFICATION_SETTING_BOUNDS.customerNotificationDelayMinutes.min)
  @Max(NOTIFICATION_SETTING_BOUNDS.customerNotificationDelayMinutes.max)
  customerNotificationDelayMinutes?: number;

  @Field(() => Int, {
    nullable: true,
    description: `At most one customer notification per conversation in this many hours unless they read it (${NOTIFICATION_SETTING_BOUNDS.customerNotificationWindowHours.min}–${NOTIFICATION_SETTING_BOUNDS.customerNotificationWindowHours.max}; default 12).`,
  })
  @IsOptional()
  @IsInt()
  @Min(NOTIFICATION_SETTING_BOUNDS.customerNotificationWindowHours.min)
  @Max(NOTIFICATION_SETTING_BOUNDS.customerNotificationWindowHours.max)
  customerNotificationWindowHours?: number;

  @Field(() => Boolean, { nullable: true, description: 'Hold customer notifications due outside business hours until the next opening (default on).' })
  holdNotificationsAtNight?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'E-mail staff a digest of customer messages waiting too long (default off).' })
  staffDigestEnabled?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: `Minutes a customer message waits (in business hours) before it goes into the staff digest (${NOTIFICATION_SETTING_BOUNDS.staffDigestMinutes.min}–${NOTIFICATION_SETTING_BOUNDS.staffDigestMinutes.max}; default 30).`,
  })
  @IsOptional()
  @IsInt()
  @Min(NOTIFICATION_SETTING_BOUNDS.staffDigestMinutes.min)
  @Max(NOTIFICATION_SETTING_BOUNDS.staffDigestMinutes.max)
  staffDigestMinutes?: number;

  @Field(() => AutoReplyInput, {
    nullable: true,
    description: 'The reply sent once per conversation per closed period to a customer writing outside business hours, in their language.',
  })
  @IsOptional()
  @ValidateNested()
  autoReply?: AutoReplyInput | null;
}
