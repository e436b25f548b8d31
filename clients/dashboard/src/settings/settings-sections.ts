import type { Permission } from '../gql/graphql.js';
import type { DashboardKey } from '../i18n/dashboard-i18n.js';

/** The settings area's sections, each shown only to viewers with its permission; `label` is the key of its name. */
export const SETTINGS_SECTIONS = [
  { name: 'api-keys', label: 'settingsApiKeys', permission: 'MANAGE_API_KEYS' },
  { name: 'team', label: 'settingsTeam', permission: 'MANAGE_STAFF' },
  { name: 'webhooks', label: 'settingsWebhooks', permission: 'MANAGE_WEBHOOKS' },
  { name: 'labels', label: 'settingsLabels', permission: 'MANAGE_LABELS' },
  { name: 'pharmacy', label: 'settingsPharmacy', permission: 'MANAGE_SETTINGS' },
  { name: 'channels', label: 'settingsChannels', permission: 'MANAGE_SETTINGS' },
  { name: 'notifications', label: 'settingsNotifications', permission: 'MANAGE_SETTINGS' },
  { name: 'widget', label: 'settingsWidget', permission: 'MANAGE_WIDGET' },
  { name: 'statistics', label: 'statistics', permission: 'READ_STATS' },
  // Every staff member keeps their own saved replies; admins also the pharmacy's.
  { name: 'saved-replies', label: 'settingsSavedReplies', permission: 'USE_SAVED_REPLIES' },
  { name: 'audit-log', label: 'settingsAuditLog', permission: 'READ_AUDIT_LOG' },
] as const satisfies readonly { name: string; label: DashboardKey; permission: Permission }[];

export type SettingsSectionName = (typeof SETTINGS_SECTIONS)[number]['name'];

export const visibleSections = (permissions: readonly Permission[]) => SETTINGS_SECTIONS.filter((section) => permissions.includes(section.permission));

/**
 * What the header link says: "Settings" whenever there is more than the statistics (every
 * staff member has their saved replies there); "Statistics" for a viewer who may only read
 * those; nothing for a viewer with no section.
 */
export function settingsEntry(permissions: readonly Permission[]): 'Settings' | 'Statistics' | null {
  const sections = visibleSections(permissions);
  if (sections.length === 0) return null;
  return sections.every((section) => section.name === 'statistics') ? 'Statistics' : 'Settings';
}
