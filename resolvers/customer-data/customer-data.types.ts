import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('CustomerDataExport', { description: "Everything the pharmacy holds about one customer (right of access), as one JSON document." })
export class CustomerDataExportType {
  @Field(() => ID)
  customerId: string;

  @Field(() => Date)
  exportedAt: Date;

  @Field(() => GraphQLJSONObject, {
    description: 'customer, conversations (with participants) and every message with its attachments (metadata; files by signed URL, valid 5 minutes).',
  })
  data: Record<string, unknown>;
}

@ObjectType('CustomerErasure', { description: 'What erasing a customer removed.' })
export class CustomerErasureType {
  @Field(() => ID)
  customerId: string;

  @Field(() => Int, { description: 'Conversations whose messages were emptied; they stay as tombstones.' })
  conversations: number;

  @Field(() => Int)
  messages: number;

  @Field(() => Int)
  attachments: number;
}
