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
export function pharmacySettingsErrors(values: PharmacySettingsValues, timeZones: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.replyTimeText.trim().length > REPLY_TIME_MAX) errors.replyTimeText = `Keep the reply time to ${REPLY_TIME_MAX} characters (now ${values.replyTimeText.trim().length}).`;
  if (!/^#[0-9a-f]{6}$/i.test(values.primaryColor)) errors.primaryColor = 'Give the colour as #rrggbb.';
  const zone = values.timeZone.trim();
  if (!zone) errors.timeZone = 'Choose the time zone the pharmacy is in.';
  else if (timeZones.length > 0 && !timeZones.includes(zone)) errors.timeZone = `“${zone}” is not a time zone: choose one from the list, such as Europe/Amsterdam.`;
  const retention = values.retentionDays.trim();
  if (retention !== '') {
    const days = Number(retention);
    if (!Number.isInteger(days)) errors.retentionDays = 'Give a whole number of days, or leave it empty to keep messages forever.';
    else if (days < RETENTION_DAYS.min || days > RETENTION_DAYS.max) errors.retentionDays = `Keep messages between ${RETENTION_DAYS.min} and ${RETENTION_DAYS.max} days, or leave it empty to keep them forever.`;
  }
  const badDays = values.days.filter((day) => day.open && !(day.opens && day.closes && day.opens < day.closes)).map((day) => day.day);
  if (badDays.length > 0) errors.businessHours = 'Each open day must open before it closes.';
  return errors;
}
