import { Organization } from '../../entities/organization.entity.js';
import { AUTO_REPLY_MAX_LENGTH, autoReplyOf, type AutoReplySettings, type BusinessHoursRange, type OrganizationSettings, type WidgetThreadPolicy } from '../../entities/organization-settings.js';
import { isSearchLanguage, SEARCH_LANGUAGES } from '../../entities/search-language.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { areUsableBusinessHours, isKnownTimeZone } from './business-hours-rules.js';

/** Bounds of the retention period: a month at least (nobody loses yesterday's thread by a typo), ten years at most. */
export const RETENTION_DAYS = { min: 30, max: 3650 } as const;

/** The preferences to change; a field left out (or null, where null means nothing) stays as it is. */
export interface UpdateOrganizationSettings {
  /** An empty string removes it. */
  replyTimeText?: string | null;
  /** The same in Dutch (a Dutch store page's widget); an empty string removes it. */
  replyTimeTextNl?: string | null;
  /** IANA time zone, e.g. Europe/Amsterdam. */
  timeZone?: string | null;
  businessHours?: readonly BusinessHoursRange[] | null;
  /** #rrggbb. */
  primaryColor?: string | null;
  /** A text-search configuration (search-language.ts). */
  language?: string | null;
  widgetThreads?: WidgetThreadPolicy | null;
  /** Days to keep messages (RETENTION_DAYS, checked at the edge); null keeps them forever. */
  retentionDays?: number | null;
  /** Every staff member signs in with a second factor; those without enrol at their next sign-in. */
  requireTwoFactor?: boolean | null;
  /** Notifications (bounds checked at the edge: NOTIFICATION_SETTING_BOUNDS). */
  customerNotificationDelayMinutes?: number | null;
  customerNotificationWindowHours?: number | null;
  holdNotificationsAtNight?: boolean | null;
  staffDigestEnabled?: boolean | null;
  staffDigestMinutes?: number | null;
  /** Given fields replace the stored ones; an empty text removes it. */
  autoReply?: { enabled?: boolean | null; textEn?: string | null; textNl?: string | null } | null;
}

const NOTIFICATION_FIELDS = [
  'customerNotificationDelayMinutes',
  'customerNotificationWindowHours',
  'holdNotificationsAtNight',
  'staffDigestEnabled',
  'staffDigestMinutes',
] as const;

/** An admin changing the pharmacy's preferences. Each given field is checked, then all are stored at once. */
export async function updateOrganizationSettings(scope: TenantScope, input: UpdateOrganizationSettings): Promise<Organization> {
  return scope.transaction(async (tx) => {
    const organization = await tx.organizations('organization').setLock('pessimistic_write').getOneOrFail();
    const changes: Partial<OrganizationSettings> = {};
    if (input.replyTimeText !== undefined) changes.replyTimeText = input.replyTimeText?.trim() || null;
    if (input.replyTimeTextNl !== undefined) changes.replyTimeTextNl = input.replyTimeTextNl?.trim() || null;
    if (input.timeZone !== undefined && input.timeZone !== null) {
      if (!isKnownTimeZone(input.timeZone)) throw badUserInput('timeZone', 'Give an IANA time zone such as Europe/Amsterdam.');
      changes.timeZone = input.timeZone;
    }
    if (input.businessHours !== undefined && input.businessHours !== null) {
      const hours = input.businessHours.map(({ day, opens, closes }) => ({ day, opens, closes }));
      if (!areUsableBusinessHours(hours)) {
        throw badUserInput('businessHours', 'Each range needs a weekday (0-6) and HH:MM times, opening before closing.');
      }
      changes.businessHours = hours;
    }
    if (input.primaryColor !== undefined && input.primaryColor !== null) changes.primaryColor = input.primaryColor.toLowerCase();
    if (input.language !== undefined && input.language !== null) {
      if (!isSearchLanguage(input.language)) throw badUserInput('language', `Choose one of: ${SEARCH_LANGUAGES.join(', ')}.`);
      changes.language = input.language;
    }
    if (input.widgetThreads !== undefined && input.widgetThreads !== null) changes.widgetThreads = input.widgetThreads;
    if (input.retentionDays !== undefined) changes.retentionDays = input.retentionDays;
    if (input.requireTwoFactor !== undefined && input.requireTwoFactor !== null) changes.requireTwoFactor = input.requireTwoFactor;
    for (const field of NOTIFICATION_FIELDS) {
      const value = input[field];
      if (value !== undefined && value !== null) (changes as Record<string, unknown>)[field] = value;
    }
    if (input.autoReply !== undefined && input.autoReply !== null) changes.autoReply = changedAutoReply(autoReplyOf(organization.settings), input.autoReply);
    if (Object.keys(changes).length === 0) return organization;

    const languageChanged = changes.language !== undefined && changes.language !== organization.settings.language;
    organization.settings = { ...organization.settings, ...changes };
    await tx.update(Organization, { id: organization.id }, { settings: organization.settings });
    if (languageChanged) {
      // Search reads each message's own configuration; keep them all in the pharmacy's language.
      await tx.execute(`UPDATE message SET search_config = organization_search_config(organization_id) WHERE organization_id = $1`);
    }
    await tx.audit(AuditAction.SETTINGS_CHANGED, { type: 'Organization', id: organization.id }, { changed: Object.keys(changes).sort().join(' ') });
    return organization;
  });
}

/** The stored auto-reply with the given fields replaced; switched on, it needs something to say. */
function changedAutoReply(stored: AutoReplySettings, input: NonNullable<UpdateOrganizationSettings['autoReply']>): AutoReplySettings {
  const text = (value: string | null | undefined, current: string | null, field: string) => {
    if (value === undefined) return current;
    const trimmed = value?.trim() || null;
    // Also checked at the edge; here for callers that aren't GraphQL (the demo, the CLI).
    if (trimmed && [...trimmed].length > AUTO_REPLY_MAX_LENGTH) throw badUserInput(field, `Keep the auto-reply to ${AUTO_REPLY_MAX_LENGTH} characters.`);
    return trimmed;
  };
  const next: AutoReplySettings = {
    enabled: input.enabled ?? stored.enabled,
    textEn: text(input.textEn, stored.textEn, 'autoReply.textEn'),
    textNl: text(input.textNl, stored.textNl, 'autoReply.textNl'),
  };
  if (next.enabled && !next.textEn && !next.textNl) throw badUserInput('autoReply.textEn', 'Write the auto-reply (in English, Dutch or both) before switching it on.');
  return next;
}
