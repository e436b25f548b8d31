import { Field, Int, ObjectType } from 'type-graphql';
import type { Conversation } from '../../entities/conversation.entity.js';
import { ConnectionType } from '../pagination/connection.type.js';
import type { Page } from '../pagination/page.js';
import { ConversationType } from './conversation.type.js';

@ObjectType('ConversationConnection', { description: 'A page of conversations, newest activity first.' })
export class ConversationConnectionType extends ConnectionType('Conversation', ConversationType) {
  constructor(
    page: Page<Conversation>,
    private readonly count: () => Promise<number>,
  ) {
    super();
    this.edges = page.edges;
    this.pageInfo = page.pageInfo;
  }

  @Field(() => Int, { description: 'All conversations matching the filter; counted only when asked for.' })
  totalCount(): Promise<number> {
    return this.count();
  }
}
