import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { notificationSettingsOf, type OrganizationSettings } from '../../entities/organization-settings.js';
import { OrganizationSettingsType } from '../organization/organization.type.js';

/** The notification settings on OrganizationSettings, with their defaults for older rows. */
@Resolver(() => OrganizationSettingsType)
export class NotificationSettingsFieldsResolver {
  @FieldResolver(() => Int, { description: 'Minutes a staff reply may stay unread (widget closed) before the customer gets an e-mail or SMS.' })
  customerNotificationDelayMinutes(@Root() settings: OrganizationSettings): number {
    return notificationSettingsOf(settings).customerNotificationDelayMinutes;
  }

  @FieldResolver(() => Int, { description: 'At most one customer notification per conversation in this many hours, unless the customer read it.' })
  customerNotificationWindowHours(@Root() settings: OrganizationSettings): number {
    return notificationSettingsOf(settings).customerNotificationWindowHours;
  }

  @FieldResolver(() => Boolean, { description: 'Customer notifications due outside business hours wait until the next opening.' })
  holdNotificationsAtNight(@Root() settings: OrganizationSettings): boolean {
    return notificationSettingsOf(settings).holdNotificationsAtNight;
  }

  @FieldResolver(() => Boolean, { description: 'Staff get an e-mail digest of customer messages waiting too long.' })
  staffDigestEnabled(@Root() settings: OrganizationSettings): boolean {
    return notificationSettingsOf(settings).staffDigestEnabled;
  }

  @FieldResolver(() => Int, { description: 'Minutes a customer message waits (in business hours) before it goes into the staff digest.' })
  staffDigestMinutes(@Root() settings: OrganizationSettings): number {
    return notificationSettingsOf(settings).staffDigestMinutes;
  }
}
