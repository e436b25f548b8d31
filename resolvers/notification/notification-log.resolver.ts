import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { NotificationLogEntry } from '../../entities/notification-log-entry.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { recentNotifications } from './notification-log.service.js';
import { NotificationLogEntryType } from './notification-log.type.js';

@Resolver(() => NotificationLogEntryType)
export class NotificationLogResolver {
  @Authorized(Permission.MANAGE_SETTINGS)
  @Query(() => [NotificationLogEntryType], {
    description: 'What was sent to whom (masked address), when, by which channel, and how it went; newest first, at most 200 (admins).',
  })
  notificationLog(@Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() context: RequestContext): Promise<NotificationLogEntry[]> {
    return recentNotifications(context.scope, first);
  }
}
