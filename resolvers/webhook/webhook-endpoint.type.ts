import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { WebhookEventType } from '../../entities/webhook-event-type.js';
import { WebhookAudience } from '../../entities/webhook-endpoint.entity.js';

registerEnumType(WebhookAudience, {
  name: 'WebhookAudience',
  description: 'Whose eyes an endpoint is for: what it may receive of the threads.',
  valuesConfig: {
    CUSTOMER: { description: 'What the customer sees: never messages for the team only (internal notes, internal events).' },
    TEAM: { description: 'Everything the pharmacy team sees.' },
  },
});

export { WebhookAudience };

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'An event a webhook endpoint can subscribe to. Delivered JSON names it in lower case, e.g. "message.created".',
  valuesConfig: {
    MESSAGE_CREATED: { description: 'message.created — data: { message, actor }. Includes SYSTEM messages.' },
    MESSAGE_EDITED: { description: 'message.edited — data: { message, actor }.' },
    MESSAGE_DELETED: { description: 'message.deleted — data: { message (a tombstone), actor }.' },
    CONVERSATION_CREATED: { description: 'conversation.created — data: { conversation, actor }.' },
    CONVERSATION_STATUS_CHANGED: { description: 'conversation.status_changed — data: { conversation, previousStatus, actor }.' },
    CONVERSATION_ASSIGNED: { description: 'conversation.assigned — data: { conversation, previousAssignee, actor }.' },
    CONVERSATION_LABELS_CHANGED: { description: 'conversation.labels_changed — data: { conversation (with its labels now), label, change: ADDED or REMOVED, actor }. Every conversation event carries conversation.labels: [{ __typename, id, name }].' },
  },
});

@ObjectType('WebhookEndpoint', {
  description:
    'A URL that receives a signed POST for each subscribed event. Delivery is at-least-once: dedupe by the Counterchat-Event-Id header (or the body\'s "id").',
})
export class WebhookEndpointType {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [WebhookEventType])
  events: WebhookEventType[];

  @Field(() => WebhookAudience)
  audience: WebhookAudience;

  @Field({ description: 'A disabled endpoint is paused: its events queue up and are delivered once it is enabled again. Delete it to stop receiving.' })
  enabled: boolean;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType('CreatedWebhookEndpoint', { description: 'A webhook endpoint with its signing secret, shown only in this answer.' })
export class CreatedWebhookEndpointType {
  @Field(() => WebhookEndpointType)
  endpoint: WebhookEndpointType;

  @Field({
    description:
      'Signing secret: verify Counterchat-Signature = "v1=" + hex(HMAC-SHA256(secret, Counterchat-Timestamp + "." + raw body)). Shown only now.',
  })
  secret: string;
}
