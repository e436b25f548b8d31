import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WidgetThreadPolicy } from '../../entities/organization-settings.js';
import { BusinessHoursRangeType } from '../organization/organization.type.js';

registerEnumType(WidgetThreadPolicy, {
  name: 'WidgetThreadPolicy',
  description: 'Which thread the widget writes into.',
  valuesConfig: {
    REUSE_OPEN: { description: "The customer's open thread (their default one), reopened when they write again." },
    NEW_EACH_VISIT: { description: 'A new thread for each visit (browser session); earlier ones stay listed.' },
  },
});

@ObjectType('WidgetConfig', { description: "What the chat widget shows before anyone signs in: the pharmacy's public settings." })
export class WidgetConfigType {
  @Field({ description: 'The pharmacy name.' })
  name: string;

  @Field()
  slug: string;

  @Field({ description: 'Brand colour, #rrggbb.' })
  primaryColor: string;

  @Field(() => String, { nullable: true, description: 'E.g. "We usually reply within an hour".' })
  replyTimeText: string | null;

  @Field({ description: 'IANA time zone the business hours are given in.' })
  timeZone: string;

  @Field(() => [BusinessHoursRangeType])
  businessHours: BusinessHoursRangeType[];

  @Field(() => Boolean, { nullable: true, description: 'Within business hours right now; null when none are set.' })
  openNow: boolean | null;

  @Field(() => WidgetThreadPolicy)
  threadPolicy: WidgetThreadPolicy;

  @Field(() => Int, { description: 'Seconds a signed identity (identifyWidgetCustomer) stays valid after issuedAt.' })
  identityMaxAgeSeconds: number;
}

export { WidgetThreadPolicy };
