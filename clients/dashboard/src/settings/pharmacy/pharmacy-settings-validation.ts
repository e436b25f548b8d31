import type { Translate } from '../../i18n/dashboard-i18n.js';
import type { DayHours } from './business-hours-fields.js';

/** The server's limits (resolvers/organization/organization-settings.*), checked before sending. */
export const REPLY_TIME_MAX = 120;
export const RETENTION_DAYS = { min: 30, max: 3650 } as const;

export interface PharmacySettingsValues {
  replyTimeText: string;
  primaryColor: string;
  timeZone: string;
  retentionDays: string;
  days: DayHours[];
}

/**
 * Every field's problem at once, in words, keyed by the field it belongs next to, so the
 * form shows them all together instead of one server message after another.
 */
export function pharmacySettingsErrors(values: PharmacySettingsValues, timeZones: readonly string[], t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.replyTimeText.trim().length > REPLY_TIME_MAX) errors.replyTimeText = t('pharmacyReplyTimeTooLong', { max: REPLY_TIME_MAX, now: values.replyTimeText.trim().length });
  if (!/^#[0-9a-f]{6}$/i.test(values.primaryColor)) errors.primaryColor = t('pharmacyColourFormat');
  const zone = values.timeZone.trim();
  if (!zone) errors.timeZone = t('pharmacyTimeZoneMissing');
  else if (timeZones.length > 0 && !timeZones.includes(zone)) errors.timeZone = t('pharmacyTimeZoneUnknown', { zone });
  const retention = values.retentionDays.trim();
  if (retention !== '') {
    const days = Number(retention);
    if (!Number.isInteger(days)) errors.retentionDays = t('pharmacyRetentionWhole');
    else if (days < RETENTION_DAYS.min || days > RETENTION_DAYS.max) errors.retentionDays = t('pharmacyRetentionRange', { min: RETENTION_DAYS.min, max: RETENTION_DAYS.max });
  }
  const badDays = values.days.filter((day) => day.open && !(day.opens && day.closes && day.opens < day.closes)).map((day) => day.day);
  if (badDays.length > 0) errors.businessHours = t('pharmacyHoursOrder');
  return errors;
}
