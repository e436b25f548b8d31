import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ApiKeyScope } from '../../entities/api-key.entity.js';

registerEnumType(ApiKeyScope, { name: 'ApiKeyScope', description: 'READ: conversations, messages, customers. WRITE: send and change them.' });

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

@ObjectType('CreatedApiKey')
export class CreatedApiKeyType {
  @Field(() => ApiKeyType)
  apiKey: ApiKeyType;

  @Field({ description: 'Send as "Authorization: Bearer <secret>". Shown only now; store it safely.' })
  secret: string;
}
