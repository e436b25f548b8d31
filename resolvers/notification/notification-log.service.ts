import type { NotificationLogEntry } from '../../entities/notification-log-entry.entity.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';

/** The pharmacy's recent notifications and what became of them, newest first (at most 200). */
export function recentNotifications(scope: OrganizationScope, first: number): Promise<NotificationLogEntry[]> {
  return scope
    .notificationLog('entry')
    .orderBy('entry.createdAt', 'DESC')
    .addOrderBy('entry.id', 'DESC')
    .limit(Math.min(Math.max(first, 1), 200))
    .getMany();
}
