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
}

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
