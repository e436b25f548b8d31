import { ArrayMaxSize, IsBoolean, IsInt, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ConversationChannel, ConversationPriority, ConversationStatus } from './conversation.enums.js';

@InputType('ConversationFilter', { description: 'All given conditions must hold.' })
export class ConversationFilterInput {
  @Field(() => [ConversationStatus], { nullable: true })
  @ArrayMaxSize(4)
  status?: ConversationStatus[];

  @Field({ nullable: true, description: 'Only conversations with messages the viewer has not read.' })
  @IsBoolean()
  unreadOnly?: boolean;

  @Field({
    nullable: true,
    description:
      "The team's view of unread: open or pending conversations whose newest message (not deleted, not a status change) is the customer's, so they wait for the pharmacy's answer whoever of the team gives it. unreadOnly is the viewer's own view.",
  })
  @IsBoolean()
  awaitingReply?: boolean;

  @Field({ nullable: true, description: 'Staff only: conversations assigned to the viewer.' })
  @IsBoolean()
  assignedToMe?: boolean;

  @Field({ nullable: true, description: 'Only conversations nobody is assigned to.' })
  @IsBoolean()
  unassigned?: boolean;

  @Field(() => [ConversationChannel], { nullable: true })
  @ArrayMaxSize(5)
  channel?: ConversationChannel[];

  @Field(() => ID, { nullable: true })
  @IsUUID('all', { message: '"customerId" is not a valid id.' })
  customerId?: string;

  @Field(() => Date, { nullable: true, description: 'Changed at or after this time.' })
  updatedSince?: Date;

  @Field({ nullable: true, description: 'true: only snoozed conversations; false: none of them (the working inbox). Status is not changed by a snooze.' })
  @IsBoolean()
  snoozed?: boolean;

  @Field({
    nullable: true,
    description:
      "Part of the customer's name, or the start of their phone number; for staff also part of the conversation's subject. Partner keys without customers:read match names only, and a number-only term is FORBIDDEN for them.",
  })
  @MaxLength(100)
  search?: string;

  @Field(() => [ID], { nullable: true, description: 'Conversations carrying any of these labels. Staff, and keys with conversations:read.' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: '"labelIds" holds an id that is not valid.' })
  labelIds?: string[];
}

@InputType('StartConversationInput', { description: 'A new thread with a customer.' })
export class StartConversationInput {
  @Field(() => ID, { nullable: true, description: 'Required for staff and partners; customers start their own.' })
  @IsUUID('all', { message: '"customerId" is not a valid id.' })
  customerId?: string;

  @Field({ nullable: true, description: "Without a subject, a customer gets their default thread (created once)." })
  @Length(1, 200)
  subject?: string;

  @Field(() => ConversationChannel, { nullable: true, description: 'Defaults to where the request comes from.' })
  channel?: ConversationChannel;

  @Field(() => ConversationPriority, { nullable: true })
  priority?: ConversationPriority;
}

@InputType('SetConversationStatusInput', { description: 'A conversation and the status to move it to.' })
export class SetConversationStatusInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"conversationId" is not a valid id.' })
  conversationId: string;

  @Field(() => ConversationStatus, { description: 'OPEN reopens a resolved or closed conversation.' })
  status: ConversationStatus;
}

@InputType('AssignConversationInput', { description: 'A conversation and who should handle it.' })
export class AssignConversationInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"conversationId" is not a valid id.' })
  conversationId: string;

  @Field(() => ID, { nullable: true, description: 'A staff member, or null to unassign.' })
  @IsUUID('all', { message: '"assigneeId" is not a valid id.' })
  assigneeId?: string | null;
}

@InputType('SetConversationPriorityInput', { description: 'A conversation and its new priority.' })
export class SetConversationPriorityInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"conversationId" is not a valid id.' })
  conversationId: string;

  @Field(() => ConversationPriority)
  priority: ConversationPriority;
}

@InputType('MarkConversationReadInput', { description: 'How far the viewer has read a conversation.' })
export class MarkConversationReadInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"conversationId" is not a valid id.' })
  conversationId: string;

  @Field(() => Int, { nullable: true, description: 'Read up to and including this sequence; default: the newest message.' })
  @IsInt()
  @Min(0)
  sequence?: number;
}

@InputType('ConversationRefInput', { description: 'The conversation an action is about.' })
export class ConversationRefInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"conversationId" is not a valid id.' })
  conversationId: string;
}

@InputType('SnoozeConversationInput', { description: 'A conversation to take out of the Open tab, and when it comes back.' })
export class SnoozeConversationInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"conversationId" is not a valid id.' })
  conversationId: string;

  @Field(() => Date, { description: 'In the future and at most a year away; snoozing again replaces the time.' })
  until: Date;
}
