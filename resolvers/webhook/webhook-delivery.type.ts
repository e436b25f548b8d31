import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WebhookDeliveryStatus } from '../../entities/webhook-delivery.entity.js';
import { WebhookEventType } from '../../entities/webhook-event-type.js';
import { ConnectionType } from '../pagination/connection.type.js';

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a webhook delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first attempt or a retry.' },
    SUCCEEDED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Every retry failed; redeliverWebhook tries again.' },
  },
});

@ObjectType('WebhookEvent', { description: 'A domain event as delivered: the POST body is {id, type, createdAt, organizationId, data}.' })
export class WebhookEventObjectType {
  @Field(() => ID, { description: 'Stable across retries and redeliveries: dedupe by it.' })
  id: string;

  @Field(() => WebhookEventType)
  type: WebhookEventType;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => GraphQLJSONObject, { description: 'Shaped like the GraphQL types, with __typename; related objects as {__typename, id}.' })
  data: Record<string, unknown>;

  /** What reading `data` of a message event is recorded against (audit log). */
  conversationId: string;
}

@ObjectType('WebhookDeliveryAttempt', { description: 'One POST of a delivery.' })
export class WebhookDeliveryAttemptType {
  @Field(() => Int, { description: '1 for the first attempt; counts on across redeliveries.' })
  attempt: number;

  @Field(() => Date)
  startedAt: Date;

  @Field(() => Int)
  durationMs: number;

  @Field(() => Int, { nullable: true, description: "The endpoint's HTTP status; null when no answer came." })
  statusCode: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed; null on success.' })
  error: string | null;
}

@ObjectType('WebhookDelivery', { description: 'One event on its way to one endpoint.' })
export class WebhookDeliveryType {
  @Field(() => ID)
  id: string;

  endpointId: string;
  eventId: string;

  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  attemptCount: number;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due; null unless PENDING.' })
  nextAttemptAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('WebhookDeliveryConnection', { description: 'A page of the webhook delivery log.' })
export class WebhookDeliveryConnectionType extends ConnectionType('WebhookDelivery', WebhookDeliveryType) {}
