import { Field, ID, ObjectType } from 'type-graphql';
import { NotifiedConversations } from './notified-conversations.enum.js';

@ObjectType('NotificationPreferences', { description: 'How a staff member hears of new customer messages. Notifications never carry message text.' })
export class NotificationPreferencesType {
  @Field({ description: 'Browser notifications from an open dashboard tab (the browser must allow them too).' })
  browser: boolean;

  @Field({ description: 'A sound with a browser notification.' })
  sound: boolean;

  @Field({ description: 'Web Push to the browsers registered with registerPushSubscription, even with no dashboard tab open.' })
  push: boolean;

  @Field({ description: "An e-mail when a customer message has waited too long (only where the pharmacy's settings turn the digest on)." })
  digest: boolean;

  @Field(() => NotifiedConversations)
  conversations: NotifiedConversations;

  @Field({ description: "The gateway's VAPID public key (base64url): `applicationServerKey` for `PushManager.subscribe`." })
  webPushPublicKey: string;
}

@ObjectType('PushSubscription', { description: "One of the signed-in staff member's browsers that receives Web Push." })
export class PushSubscriptionType {
  @Field(() => ID)
  id: string;

  @Field({ description: "The push service's URL for that browser." })
  endpoint: string;

  @Field(() => Date)
  createdAt: Date;
}
