import { ArrayMinSize, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { WebhookDeliveryStatus } from '../../entities/webhook-delivery.entity.js';
import { WebhookEventType } from '../../entities/webhook-event-type.js';
import { WebhookAudience } from './webhook-endpoint.type.js';
import { PaginationArgs } from '../pagination/pagination.args.js';

@InputType('CreateWebhookEndpointInput', { description: 'A receiver to register; its signing secret comes back once.' })
export class CreateWebhookEndpointInput {
  @Field({ description: 'https:// (http:// is accepted outside production, for local receivers).' })
  @Length(1, 2000)
  url: string;

  @Field(() => [WebhookEventType])
  @ArrayMinSize(1, { message: 'Subscribe the endpoint to at least one event.' })
  events: WebhookEventType[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  description?: string | null;

  @Field(() => WebhookAudience, { nullable: true, description: 'CUSTOMER (the default) never receives messages that only the team may see.' })
  @IsOptional()
  audience?: WebhookAudience | null;
}

@InputType('UpdateWebhookEndpointInput', { description: 'Only the given fields change.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  url?: string;

  @Field(() => [WebhookEventType], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Subscribe the endpoint to at least one event.' })
  events?: WebhookEventType[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean;

  @Field(() => WebhookAudience, { nullable: true })
  @IsOptional()
  audience?: WebhookAudience | null;
}

@ArgsType()
export class WebhookDeliveriesArgs extends PaginationArgs {
  @Field(() => ID, { nullable: true })
  endpointId?: string;

  @Field(() => WebhookDeliveryStatus, { nullable: true })
  status?: WebhookDeliveryStatus;
}
