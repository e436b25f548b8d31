import type { SearchLanguage } from './search-language.js';

/** Opening hours for one weekday, in the organization's time zone. `day` is 0 (Sunday) to 6. */
export interface BusinessHoursRange {
  day: number;
  opens: string;
  closes: string;
}

/** Which thread the widget writes into. */
export enum WidgetThreadPolicy {
  /** The customer's open thread (their default one), reopened when they write again. */
  REUSE_OPEN = 'REUSE_OPEN',
  /** A new thread for each visit (browser session); earlier ones stay listed. */
  NEW_EACH_VISIT = 'NEW_EACH_VISIT',
}

/** Per-pharmacy preferences, stored as JSON on the organization row. */
export interface OrganizationSettings {
  /** Shown in the widget, e.g. "We usually reply within an hour". */
  replyTimeText: string | null;
  /** The same in Dutch, for a widget on a Dutch page; `replyTimeText` when absent. */
  replyTimeTextNl?: string | null;
  /** IANA time zone the business hours are given in. */
  timeZone: string;
  businessHours: BusinessHoursRange[];
  /** Brand colour for the widget, `#rrggbb`. */
  primaryColor: string;
  /**
   * Text-search configuration for message search (stemming, stop words), one of
   * SEARCH_LANGUAGES. Absent in older rows, which search as `simple`. Applies to
   * messages written after it is set (the value is stored per message at insert).
   */
  language?: SearchLanguage;
  /** Absent on rows written before the widget existed: read it with `widgetThreadPolicyOf`. */
  widgetThreads?: WidgetThreadPolicy;
  /** Messages and files older than this many days are purged; absent or null keeps them. */
  retentionDays?: number | null;
  /** Every staff member signs in with a second factor; those without one enrol at their next sign-in. Absent: false. */
  requireTwoFactor?: boolean;
  /** Notifications (issue 18); absent in older rows: read them with `notificationSettingsOf`. */
  customerNotificationDelayMinutes?: number;
  customerNotificationWindowHours?: number;
  holdNotificationsAtNight?: boolean;
  staffDigestEnabled?: boolean;
  staffDigestMinutes?: number;
  /** The reply to customers who write while the pharmacy is closed; absent in older rows: read it with `autoReplyOf`. */
  autoReply?: AutoReplySettings;
}

/**
 * A message the pharmacy sends by itself to a customer who writes outside business hours
 * (issue 19): once per conversation per closed period, in the customer's language.
 */
export interface AutoReplySettings {
  enabled: boolean;
  /** English text; when empty, Dutch customers' text is used for everyone. */
  textEn: string | null;
  /** Dutch text; when empty, the English one. */
  textNl: string | null;
}

/** Longest auto-reply text (either language). */
export const AUTO_REPLY_MAX_LENGTH = 1000;

export const DEFAULT_AUTO_REPLY: AutoReplySettings = { enabled: false, textEn: null, textNl: null };

export const autoReplyOf = (settings: Partial<OrganizationSettings>): AutoReplySettings => ({ ...DEFAULT_AUTO_REPLY, ...settings.autoReply });

/** When customers and staff are told about messages waiting for them. */
export interface NotificationSettings {
  /** A staff or partner reply unread this long (and the widget closed) notifies the customer. */
  customerNotificationDelayMinutes: number;
  /** At most one customer notification per conversation in this many hours, unless they read it. */
  customerNotificationWindowHours: number;
  /** Customer notifications due outside business hours wait until the next opening. */
  holdNotificationsAtNight: boolean;
  /** The staff e-mail digest (off for pharmacies that existed before it). */
  staffDigestEnabled: boolean;
  /** A customer message waiting this long (in business hours) goes into the staff digest. */
  staffDigestMinutes: number;
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  customerNotificationDelayMinutes: 5,
  customerNotificationWindowHours: 12,
  holdNotificationsAtNight: true,
  staffDigestEnabled: false,
  staffDigestMinutes: 30,
};

/** Bounds the settings input checks. */
export const NOTIFICATION_SETTING_BOUNDS = {
  customerNotificationDelayMinutes: { min: 1, max: 1440 },
  customerNotificationWindowHours: { min: 1, max: 168 },
  staffDigestMinutes: { min: 5, max: 1440 },
} as const;

export const notificationSettingsOf = (settings: Partial<OrganizationSettings>): NotificationSettings => ({
  customerNotificationDelayMinutes: settings.customerNotificationDelayMinutes ?? DEFAULT_NOTIFICATION_SETTINGS.customerNotificationDelayMinutes,
  customerNotificationWindowHours: settings.customerNotificationWindowHours ?? DEFAULT_NOTIFICATION_SETTINGS.customerNotificationWindowHours,
  holdNotificationsAtNight: settings.holdNotificationsAtNight ?? DEFAULT_NOTIFICATION_SETTINGS.holdNotificationsAtNight,
  staffDigestEnabled: settings.staffDigestEnabled ?? DEFAULT_NOTIFICATION_SETTINGS.staffDigestEnabled,
  staffDigestMinutes: settings.staffDigestMinutes ?? DEFAULT_NOTIFICATION_SETTINGS.staffDigestMinutes,
});

export const widgetThreadPolicyOf = (settings: Partial<OrganizationSettings>): WidgetThreadPolicy =>
  settings.widgetThreads ?? WidgetThreadPolicy.REUSE_OPEN;

export const defaultOrganizationSettings: OrganizationSettings = {
  replyTimeText: null,
  timeZone: 'Europe/Amsterdam',
  businessHours: [],
  primaryColor: '#0f766e',
  language: 'simple',
  widgetThreads: WidgetThreadPolicy.REUSE_OPEN,
};

/**
 * The settings as every reader should see them: rows made before a setting existed (the
 * column's default is `{}`) read as the defaults, never as missing. The one merge of defaults.
 */
export function organizationSettingsOf(stored: Partial<OrganizationSettings> | null | undefined): OrganizationSettings {
  return { ...defaultOrganizationSettings, ...stored, autoReply: autoReplyOf(stored ?? {}) };
}
