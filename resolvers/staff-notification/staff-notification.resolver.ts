import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { StaffPushSubscription } from '../../entities/staff-push-subscription.entity.js';
import type { StaffNotificationPreference } from '../../entities/staff-notification-preference.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { forbidden } from '../../gateway/errors/domain-error.js';
import { PushSubscriptionInput, UpdateNotificationPreferencesInput } from './staff-notification.inputs.js';
import { StaffNotificationService } from './staff-notification.service.js';
import { NotificationPreferencesType, PushSubscriptionType } from './staff-notification.type.js';

function service(context: RequestContext): StaffNotificationService {
  const viewer = context.signedInViewer;
  if (viewer.kind !== 'staff') throw forbidden('Only staff have notification preferences.');
  return new StaffNotificationService(context.scope, viewer.staffId, context.gateway.config.production);
}

const withPublicKey = (context: RequestContext) => (preference: StaffNotificationPreference): NotificationPreferencesType => ({
  ...preference,
  webPushPublicKey: context.gateway.webPush.publicKey,
});

@Resolver()
export class StaffNotificationResolver {
  @Authorized(Permission.MANAGE_OWN_ACCOUNT)
  @Query(() => NotificationPreferencesType, { description: 'How you hear of new customer messages (the defaults until you change them).' })
  async myNotificationPreferences(@Ctx() context: RequestContext): Promise<NotificationPreferencesType> {
    return withPublicKey(context)(await service(context).preferences());
  }

  @Authorized(Permission.MANAGE_OWN_ACCOUNT)
  @Query(() => [PushSubscriptionType], { description: 'Your browsers registered for Web Push, newest first.' })
  myPushSubscriptions(@Ctx() context: RequestContext): Promise<StaffPushSubscription[]> {
    return service(context).subscriptions();
  }

  @Authorized(Permission.MANAGE_OWN_ACCOUNT)
  @Mutation(() => NotificationPreferencesType, { description: 'Changes your notification preferences; fields left out stay as they are.' })
  async updateMyNotificationPreferences(@Arg('input') input: UpdateNotificationPreferencesInput, @Ctx() context: RequestContext): Promise<NotificationPreferencesType> {
    return withPublicKey(context)(await service(context).updatePreferences(input));
  }

  @Authorized(Permission.MANAGE_OWN_ACCOUNT)
  @Mutation(() => PushSubscriptionType, {
    description:
      "Registers this browser's push subscription for you and turns push on. The same endpoint again replaces the old keys (or moves it to you from a colleague who used the browser). BAD_USER_INPUT for an endpoint that is not an https URL or malformed keys.",
  })
  registerPushSubscription(@Arg('input') input: PushSubscriptionInput, @Ctx() context: RequestContext): Promise<StaffPushSubscription> {
    return service(context).registerSubscription(input);
  }

  @Authorized(Permission.MANAGE_OWN_ACCOUNT)
  @Mutation(() => Boolean, { description: "Stops Web Push to the browser with this endpoint; false when it wasn't registered to you." })
  removePushSubscription(@Arg('endpoint') endpoint: string, @Ctx() context: RequestContext): Promise<boolean> {
    return service(context).removeSubscription(endpoint);
  }
}
