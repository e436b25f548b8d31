import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NotifiedConversations } from './notified-conversations.enum.js';

@InputType('UpdateNotificationPreferencesInput', { description: 'The preferences to change; those left out stay.' })
export class UpdateNotificationPreferencesInput {
  @Field({ nullable: true })
  browser?: boolean;

  @Field({ nullable: true })
  sound?: boolean;

  @Field({ nullable: true })
  push?: boolean;

  @Field({ nullable: true })
  digest?: boolean;

  @Field(() => NotifiedConversations, { nullable: true })
  conversations?: NotifiedConversations;
}

@InputType('PushSubscriptionInput', { description: "A browser's `PushSubscription.toJSON()`: its endpoint and keys." })
export class PushSubscriptionInput {
  @Field({ description: "The push service's URL (https)." })
  @MaxLength(2048)
  endpoint: string;

  @Field({ description: "`keys.p256dh`: the browser's P-256 public key, base64url." })
  @MaxLength(200)
  p256dh: string;

  @Field({ description: '`keys.auth`: 16 bytes, base64url.' })
  @MaxLength(100)
  auth: string;
}
