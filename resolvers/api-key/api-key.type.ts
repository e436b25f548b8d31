import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ApiKeyScope } from '../../entities/api-key.entity.js';

registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'What a partner key may do. A request outside its scopes gets FORBIDDEN naming the missing scope (e.g. "conversations:read").',
  valuesConfig: {
    CONVERSATIONS_READ: { description: "conversations:read — conversations, their messages and attachments, message search; customers' names, not their contact details." },
    CONVERSATIONS_WRITE: { description: 'conversations:write — status, assignment, priority.' },
    MESSAGES_WRITE: { description: 'messages:write — send, edit and delete its own messages, react, mark read, start conversations, typing.' },
    CUSTOMERS_READ: { description: "customers:read — customer records and lookup, and customers' phone numbers, emails and external ids wherever they appear." },
    CUSTOMERS_WRITE: { description: 'customers:write — create customers and issue their chat links.' },
    STAFF_READ: { description: 'staff:read — the pharmacy team, e.g. to pick an assignee.' },
    WEBHOOKS_MANAGE: { description: 'webhooks:manage — webhook endpoints, their delivery log, redelivery.' },
    STATS_READ: { description: 'stats:read — response-time and workload figures.' },
    NOTES_READ: { description: 'notes:read — internal notes in threads (with conversations:read); without it a key never sees them.' },
    LABELS_WRITE: { description: "labels:write — put the pharmacy's labels on threads and take them off (reading labels comes with conversations:read)." },
  },
});

@ObjectType('ApiKey', { description: "A partner system's key. The secret itself is shown only once, at creation." })
export class ApiKeyType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The first characters of the secret, to tell keys apart.' })
  prefix: string;

  @Field(() => [ApiKeyScope])
  scopes: ApiKeyScope[];

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('CreatedApiKey', { description: 'A new API key with its secret, shown only in this answer.' })
export class CreatedApiKeyType {
  @Field(() => ApiKeyType)
  apiKey: ApiKeyType;

  @Field({ description: 'Send as "Authorization: Bearer <secret>". Shown only now; store it safely.' })
  secret: string;
}
