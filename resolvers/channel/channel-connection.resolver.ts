import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ChannelConnection } from '../../entities/channel-connection.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { channelWebhookUrls } from './channel-webhook-urls.js';
import { ChannelConnectionType } from './channel-connection.type.js';
import { CreateChannelConnectionInput, UpdateChannelConnectionInput } from './channel-connection.inputs.js';
import { ChannelConnectionService } from './channel-connection.service.js';

const service = (context: RequestContext) => new ChannelConnectionService(context.scope, context.gateway.channels);

@Resolver(() => ChannelConnectionType)
export class ChannelConnectionResolver {
  @Authorized(Permission.MANAGE_SETTINGS)
  @Query(() => [ChannelConnectionType], { description: "The pharmacy's WhatsApp and SMS numbers, oldest first (admins)." })
  channelConnections(@Ctx() context: RequestContext): Promise<ChannelConnection[]> {
    return service(context).list();
  }

  @Authorized(Permission.MANAGE_SETTINGS)
  @Mutation(() => ChannelConnectionType, { description: 'Connects a WhatsApp or SMS number; give the provider its webhookUrl. Secrets are stored sealed and never returned.' })
  createChannelConnection(@Arg('input') input: CreateChannelConnectionInput, @Ctx() context: RequestContext): Promise<ChannelConnection> {
    return service(context).create({ ...input, secrets: { ...input.secrets } });
  }

  @Authorized(Permission.MANAGE_SETTINGS)
  @Mutation(() => ChannelConnectionType, { description: 'Changes only the given fields; a given secret replaces the stored one.' })
  updateChannelConnection(@Arg('input') input: UpdateChannelConnectionInput, @Ctx() context: RequestContext): Promise<ChannelConnection> {
    const { id, secrets, ...fields } = input;
    return service(context).update(id, { ...fields, secrets: secrets ? { ...secrets } : undefined });
  }

  @Authorized(Permission.MANAGE_SETTINGS)
  @Mutation(() => ChannelConnectionType, { description: 'Its threads stay; replies in them are no longer sent, and its webhook URL stops working.' })
  deleteChannelConnection(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<ChannelConnection> {
    return service(context).delete(id);
  }

  @Authorized(Permission.MANAGE_SETTINGS)
  @Mutation(() => ChannelConnectionType, { description: "Replaces the template list with the APPROVED templates of the connection's WhatsApp Business Account (Graph API)." })
  refreshWhatsAppTemplates(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<ChannelConnection> {
    return service(context).refreshWhatsAppTemplates(id);
  }

  @FieldResolver(() => String, { description: 'Give this URL to the provider: Meta (callback URL) or Twilio ("A message comes in").' })
  webhookUrl(@Root() connection: ChannelConnection, @Ctx() context: RequestContext): string {
    return channelWebhookUrls(context.gateway.config.publicUrl, connection).inbound;
  }
}
