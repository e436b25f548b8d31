import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ApiKey } from '../../entities/api-key.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { CreateApiKeyInput } from './api-key.inputs.js';
import { ApiKeyService, type CreatedApiKey } from './api-key.service.js';
import { ApiKeyType, CreatedApiKeyType } from './api-key.type.js';

const service = (context: RequestContext) => new ApiKeyService(context.scope, context.gateway.realtime.publisher);

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Authorized(Permission.MANAGE_API_KEYS)
  @Query(() => [ApiKeyType], { description: 'Newest first, revoked ones included.' })
  apiKeys(@Ctx() context: RequestContext): Promise<ApiKey[]> {
    return service(context).list();
  }

  @Authorized(Permission.MANAGE_API_KEYS)
  @Mutation(() => CreatedApiKeyType, { description: 'Issues a partner key; the secret is in this answer only.' })
  createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() context: RequestContext): Promise<CreatedApiKey> {
    return service(context).create(input);
  }

  @Authorized(Permission.MANAGE_API_KEYS)
  @Mutation(() => ApiKeyType, { description: 'Takes effect on the next request made with the key.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<ApiKey> {
    return service(context).revoke(id);
  }
}
