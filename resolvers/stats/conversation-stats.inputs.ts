import { Field, InputType } from 'type-graphql';
import { STATS_MAX_RANGE_DAYS } from './conversation-stats.service.js';

/** Checked in the service (from < to, range length), so errors carry `extensions.field`. */
@InputType('ConversationStatsInput', { description: 'The period to measure response times over.' })
export class ConversationStatsInput {
  @Field(() => Date, { description: 'Start of the range, inclusive: conversations whose first customer message is at or after it.' })
  from: Date;

  @Field(() => Date, { description: `End of the range, exclusive; at most ${STATS_MAX_RANGE_DAYS} days after \`from\`.` })
  to: Date;

  @Field({
    defaultValue: false,
    description:
      'Count only time within the pharmacy’s business hours (settings.businessHours, in settings.timeZone). ' +
      'BAD_USER_INPUT when none are set.',
  })
  businessHoursOnly: boolean;
}
