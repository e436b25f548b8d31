import { ArgsType, Field } from 'type-graphql';
import { PaginationArgs } from '../pagination/pagination.args.js';
import { ConversationOrder } from './conversation.enums.js';
import { ConversationFilterInput } from './conversation.inputs.js';

@ArgsType()
export class ConversationsArgs extends PaginationArgs {
  @Field(() => ConversationFilterInput, { nullable: true })
  filter?: ConversationFilterInput;

  @Field(() => ConversationOrder, { nullable: true, defaultValue: ConversationOrder.NEWEST_ACTIVITY })
  orderBy?: ConversationOrder;
}
