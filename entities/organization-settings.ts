import type { SearchLanguage } from './search-language.js';

/** Opening hours for one weekday, in the organization's time zone. `day` is 0 (Sunday) to 6. */
export interface BusinessHoursRange {
  day: number;
  opens: string;
  closes: string;
}

/** Per-pharmacy preferences, stored as JSON on the organization row. */
export interface OrganizationSettings {
  /** Shown in the widget, e.g. "We usually reply within an hour". */
  replyTimeText: string | null;
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
}

export const defaultOrganizationSettings: OrganizationSettings = {
  replyTimeText: null,
  timeZone: 'Europe/Amsterdam',
  businessHours: [],
  primaryColor: '#0f766e',
  language: 'simple',
};
