import { IsHexColor, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { WidgetThreadPolicy } from '../../entities/organization-settings.js';
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
}
