import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ConversationChannel, ConversationStatus } from '../conversation/conversation.enums.js';
import { LabelType } from '../label/label.type.js';

@ObjectType('DurationStats', { description: 'How long something took across conversations, in seconds.' })
export class DurationStatsType {
  @Field(() => Int, { description: 'Conversations measured (those where it has happened).' })
  count: number;

  @Field(() => Float, { nullable: true, description: 'Median in seconds (interpolated); null when count is 0.' })
  medianSeconds: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean in seconds; null when count is 0.' })
  averageSeconds: number | null;
}

@ObjectType('ConversationStatusCount', { description: 'How many conversations have a status right now.' })
export class ConversationStatusCountType {
  @Field(() => ConversationStatus, { description: 'The status.' })
  status: ConversationStatus;

  @Field(() => Int, { description: 'Conversations of the pharmacy with this status now.' })
  count: number;
}

@ObjectType('ChannelStats', { description: 'Response times of the conversations that started on one channel.' })
export class ChannelStatsType {
  @Field(() => ConversationChannel, { description: 'The channel the conversations started on.' })
  channel: ConversationChannel;

  @Field(() => Int, { description: 'Conversations on this channel whose first customer message is in the range.' })
  askedConversations: number;

  @Field(() => DurationStatsType, { description: 'First response times on this channel.' })
  firstResponse: DurationStatsType;

  @Field(() => DurationStatsType, { description: 'Resolution times on this channel.' })
  resolution: DurationStatsType;
}

@ObjectType('LabelStats', { description: 'The conversations carrying one label.' })
export class LabelStatsType {
  @Field(() => LabelType)
  label: LabelType;

  @Field(() => Int, { description: 'Conversations of the pharmacy carrying the label now, whatever their status.' })
  conversations: number;

  @Field(() => Int, { description: 'Of those, OPEN or PENDING now.' })
  openConversations: number;

  @Field(() => Int, { description: 'Of those, created in [from, to).' })
  createdConversations: number;
}

/** `staffMember` is resolved in conversation-stats.resolver.ts through the request's loaders. */
@ObjectType('StaffMemberStats', { description: 'What one staff member answered first and resolved.' })
export class StaffMemberStatsType {
  staffId: string;

  @Field(() => DurationStatsType, { description: 'First response times of the conversations this person answered first.' })
  firstResponse: DurationStatsType;

  @Field(() => DurationStatsType, { description: 'Resolution times of the conversations this person resolved.' })
  resolution: DurationStatsType;
}

@ObjectType('ConversationStats', {
  description:
    'A pharmacy’s conversation figures. Counts describe now; response and resolution times describe the conversations ' +
    'whose first customer message falls in [from, to).',
})
export class ConversationStatsType {
  @Field(() => Date, { description: 'Start of the measured range (inclusive).' })
  from: Date;

  @Field(() => Date, { description: 'End of the measured range (exclusive).' })
  to: Date;

  @Field({ description: 'Whether durations count business hours only.' })
  businessHoursOnly: boolean;

  @Field({ description: 'The IANA time zone of "today" and of the business hours.' })
  timeZone: string;

  @Field(() => [ConversationStatusCountType], { description: 'Current conversations per status, every status listed.' })
  byStatus: ConversationStatusCountType[];

  @Field(() => Int, { description: 'Conversations created since midnight today in the pharmacy’s time zone.' })
  openedToday: number;

  @Field(() => Int, {
    description: 'OPEN or PENDING conversations whose newest customer message no staff member has read yet.',
  })
  unreadConversations: number;

  @Field(() => Int, { description: 'Conversations whose first customer message is in the range, answered or not.' })
  askedConversations: number;

  @Field(() => DurationStatsType, {
    description:
      'From the first customer message to the first later message by staff or a partner integration (unanswered conversations are not counted).',
  })
  firstResponse: DurationStatsType;

  @Field(() => DurationStatsType, {
    description: 'From the first customer message to the first later change of the status to RESOLVED.',
  })
  resolution: DurationStatsType;

  @Field(() => [ChannelStatsType], { description: 'The same per channel, for channels with conversations in the range.' })
  byChannel: ChannelStatsType[];

  @Field(() => [StaffMemberStatsType], {
    description:
      'Per staff member: first responses they gave and resolutions they made. Answers and resolutions by partner ' +
      'integrations count in the totals and per channel only.',
  })
  byStaffMember: StaffMemberStatsType[];
}
