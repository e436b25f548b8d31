import { Field, Float, ObjectType } from 'type-graphql';
import type { Message } from '../../entities/message.entity.js';
import { MessageType } from '../message/message.type.js';
import type { SnippetPart } from './search-snippet.js';

@ObjectType('SnippetPart', {
  description: 'A piece of a search snippet. Show `text` as plain text, emphasised when `highlighted`; never as HTML.',
})
export class SnippetPartType implements SnippetPart {
  @Field({
    description:
      'Plain text from the message. Fragments are cut at word boundaries, and tag-like <…> sequences are left out ' +
      '(PostgreSQL reads them as markup); `message.body` has the full text.',
  })
  text: string;

  @Field({ description: 'True when this piece matched the search query.' })
  highlighted: boolean;
}

/** `conversation` is resolved in message-search.resolver.ts through the request's loaders. */
@ObjectType('MessageSearchHit', { description: 'A message that matches a search, with its rank and a snippet.' })
export class MessageSearchHitType {
  @Field(() => MessageType, { description: 'The matching message.' })
  message: Message;

  @Field(() => Float, {
    description: 'Relevance (ts_rank_cd, cover density, normalized by message length); higher is better. Only comparable within one search; ' +
      'hits where the words stand whole come before partial-word hits whatever their rank.',
  })
  rank: number;

  @Field(() => [SnippetPartType], {
    description: 'The best-matching fragments of the body (at most two, joined by " … "), split into plain and highlighted parts.',
  })
  snippet: SnippetPart[];
}
