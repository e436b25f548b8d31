import type { Permission } from '../gql/graphql.js';

/** The settings area's sections, each shown only to viewers with its permission. */
export const SETTINGS_SECTIONS = [
  { name: 'api-keys', label: 'API keys', permission: 'MANAGE_API_KEYS' },
  { name: 'team', label: 'Team', permission: 'MANAGE_STAFF' },
  { name: 'webhooks', label: 'Webhooks', permission: 'MANAGE_WEBHOOKS' },
  { name: 'pharmacy', label: 'Pharmacy settings', permission: 'MANAGE_SETTINGS' },
  { name: 'notifications', label: 'Notifications', permission: 'MANAGE_SETTINGS' },
  { name: 'widget', label: 'Chat widget', permission: 'MANAGE_WIDGET' },
  { name: 'statistics', label: 'Statistics', permission: 'READ_STATS' },
  { name: 'audit-log', label: 'Audit log', permission: 'READ_AUDIT_LOG' },
] as const satisfies readonly { name: string; label: string; permission: Permission }[];

export type SettingsSectionName = (typeof SETTINGS_SECTIONS)[number]['name'];

export const visibleSections = (permissions: readonly Permission[]) => SETTINGS_SECTIONS.filter((section) => permissions.includes(section.permission));

/**
 * What the header link says: "Settings" for admins; pharmacists, who may only read the
 * statistics, get "Statistics" and never see the account's settings; staff get nothing.
 */
export function settingsEntry(permissions: readonly Permission[]): 'Settings' | 'Statistics' | null {
  const sections = visibleSections(permissions);
  if (sections.length === 0) return null;
  return sections.every((section) => section.name === 'statistics') ? 'Statistics' : 'Settings';
}
