import { ArgsType, Field } from 'type-graphql';
import { PaginationArgs } from '../pagination/pagination.args.js';
import { ConversationFilterInput } from './conversation.inputs.js';

@ArgsType()
export class ConversationsArgs extends PaginationArgs {
  @Field(() => ConversationFilterInput, { nullable: true })
  filter?: ConversationFilterInput;
}
