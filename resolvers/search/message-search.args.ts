import { ArgsType, Field, ID, Int } from 'type-graphql';
import { SEARCH_MAX_DEPTH, SEARCH_MAX_PAGE_SIZE, SEARCH_QUERY_MAX_LENGTH } from './message-search.service.js';

/** Checked in the service, so every rejection is BAD_USER_INPUT with `extensions.field`. */
@ArgsType()
export class SearchMessagesArgs {
  @Field({
    description:
      `What to look for, at most ${SEARCH_QUERY_MAX_LENGTH} characters, in web-search syntax: words (all must match, ` +
      'stemmed in the pharmacy’s language; words of three letters or more also match as the start of a longer word, ' +
      'whole-word matches ranked first), "quoted phrases", `or`, and -exclusions.',
  })
  query: string;

  @Field(() => Int, { nullable: true, description: `Page size, default 20, at most ${SEARCH_MAX_PAGE_SIZE}.` })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: `The endCursor of the previous page. Paging stops after ${SEARCH_MAX_DEPTH} hits: refine the query instead.`,
  })
  after?: string;

  @Field(() => ID, { nullable: true, description: 'Only messages in this conversation.' })
  conversationId?: string;

  @Field(() => ID, { nullable: true, description: "Only messages in this customer's conversations." })
  customerId?: string;

  @Field(() => Date, { nullable: true, description: 'Only messages written at or after this time. Not after `to` (BAD_USER_INPUT).' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Only messages written at or before this time.' })
  to?: Date;
}
