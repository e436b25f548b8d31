import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OutboxEvent } from '../../entities/outbox-event.entity.js';
import { WebhookDeliveryStatus, type WebhookDelivery } from '../../entities/webhook-delivery.entity.js';
import type { WebhookDeliveryAttempt } from '../../entities/webhook-delivery-attempt.entity.js';
import type { WebhookEndpoint } from '../../entities/webhook-endpoint.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { toPageRequest } from '../pagination/pagination.args.js';
import {
  WebhookDeliveryAttemptType,
  WebhookDeliveryConnectionType,
  WebhookDeliveryType,
  WebhookEventObjectType,
} from './webhook-delivery.type.js';
import { CreatedWebhookEndpointType, WebhookEndpointType } from './webhook-endpoint.type.js';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookDeliveriesArgs } from './webhook.inputs.js';
import { WebhookService, type CreatedWebhookEndpoint } from './webhook.service.js';

const service = (context: RequestContext) =>
  new WebhookService(context.scope, context.gateway.realtime.publisher, { production: context.gateway.config.production });

@Resolver(() => WebhookEndpointType)
export class WebhookEndpointResolver {
  @Authorized(Permission.MANAGE_WEBHOOKS)
  @Query(() => [WebhookEndpointType], { description: 'Oldest first.' })
  webhookEndpoints(@Ctx() context: RequestContext): Promise<WebhookEndpoint[]> {
    return service(context).endpoints();
  }

  @Authorized(Permission.MANAGE_WEBHOOKS)
  @Mutation(() => CreatedWebhookEndpointType, { description: 'Events from now on are delivered; earlier ones are not replayed.' })
  createWebhookEndpoint(@Arg('input') input: CreateWebhookEndpointInput, @Ctx() context: RequestContext): Promise<CreatedWebhookEndpoint> {
    return service(context).create(input);
  }

  @Authorized(Permission.MANAGE_WEBHOOKS)
  @Mutation(() => WebhookEndpointType, { description: 'Changes only the given fields; enabling a paused endpoint releases its queued deliveries.' })
  updateWebhookEndpoint(@Arg('input') input: UpdateWebhookEndpointInput, @Ctx() context: RequestContext): Promise<WebhookEndpoint> {
    return service(context).update(input);
  }

  @Authorized(Permission.MANAGE_WEBHOOKS)
  @Mutation(() => WebhookEndpointType, { description: 'Its pending deliveries and delivery log go with it.' })
  deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<WebhookEndpoint> {
    return service(context).delete(id);
  }

  @Authorized(Permission.MANAGE_WEBHOOKS)
  @Mutation(() => CreatedWebhookEndpointType, { description: 'A new signing secret; the old one stops signing at once.' })
  rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<CreatedWebhookEndpoint> {
    return service(context).rotateSecret(id);
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  @Authorized(Permission.MANAGE_WEBHOOKS)
  @Query(() => WebhookDeliveryConnectionType, { description: 'The delivery log, newest first.' })
  async webhookDeliveries(@Args() args: WebhookDeliveriesArgs, @Ctx() context: RequestContext): Promise<WebhookDeliveryConnectionType> {
    return service(context).deliveries({ endpointId: args.endpointId, status: args.status }, toPageRequest(args));
  }

  @Authorized(Permission.MANAGE_WEBHOOKS)
  @Mutation(() => WebhookDeliveryType, { description: 'Sends the event again soon, with a fresh retry schedule and the same event id.' })
  redeliverWebhook(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() context: RequestContext): Promise<WebhookDelivery> {
    return service(context).redeliver(deliveryId);
  }

  @FieldResolver(() => Date, { nullable: true })
  nextAttemptAt(@Root() delivery: WebhookDelivery): Date | null {
    return delivery.status === WebhookDeliveryStatus.PENDING ? delivery.nextAttemptAt : null;
  }

  @FieldResolver(() => WebhookEndpointType)
  endpoint(@Root() delivery: WebhookDelivery, @Ctx() context: RequestContext): Promise<WebhookEndpoint> {
    return service(context).endpoint(delivery.endpointId);
  }

  @FieldResolver(() => WebhookEventObjectType)
  async event(@Root() delivery: WebhookDelivery, @Ctx() context: RequestContext): Promise<WebhookEventObjectType> {
    const event: OutboxEvent = await service(context).event(delivery.eventId);
    return { id: event.id, type: event.type, createdAt: event.createdAt, data: event.payload, conversationId: event.conversationId };
  }

  @FieldResolver(() => [WebhookDeliveryAttemptType], { description: 'Oldest first.' })
  attempts(@Root() delivery: WebhookDelivery, @Ctx() context: RequestContext): Promise<WebhookDeliveryAttempt[]> {
    return service(context).attempts(delivery.id);
  }
}
